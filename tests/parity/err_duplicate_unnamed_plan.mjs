export default function (stack, cdk) {
  const b = cdk.aws_backup;
  b.BackupPlan.daily35DayRetention(stack, 'Daily35');
  b.BackupPlan.daily35DayRetention(stack, 'Daily35');
}
