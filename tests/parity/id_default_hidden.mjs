export default function (stack, cdk) {
  cdk.aws_backup.BackupPlan.daily35DayRetention(stack, 'Default');
}
