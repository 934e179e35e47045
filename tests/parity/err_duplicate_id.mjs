export default function (stack, cdk) {
  const b = cdk.aws_backup;
  new b.BackupVault(stack, 'Backup');
  b.BackupPlan.daily35DayRetention(stack, 'Backup');
}
