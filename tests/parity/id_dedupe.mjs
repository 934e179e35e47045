export default function (stack, cdk) {
  const b = cdk.aws_backup;
  b.BackupPlan.daily35DayRetention(stack, 'NightlyVault');
  new b.BackupVault(stack, 'MainVault');
}
