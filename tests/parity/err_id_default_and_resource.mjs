export default function (stack, cdk) {
  const b = cdk.aws_backup;
  b.BackupPlan.daily35DayRetention(stack, 'Default');
  new b.BackupVault(stack, 'Resource');
}
