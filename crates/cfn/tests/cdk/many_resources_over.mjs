// 250 plans that each create their own vault, and one more vault: 501 resources.
export default function (stack, cdk) {
  const b = cdk.aws_backup;
  for (let i = 0; i < 250; i++) b.BackupPlan.daily35DayRetention(stack, `p${i}`);
  new b.BackupVault(stack, 'last');
}
