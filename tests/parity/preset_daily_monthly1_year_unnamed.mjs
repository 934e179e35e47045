export default function (stack, cdk) {
  cdk.aws_backup.BackupPlan.dailyMonthly1YearRetention(stack, 'DailyMonthly1Year');
}
