export default function (stack, cdk) {
  cdk.aws_backup.BackupPlan.dailyWeeklyMonthly5YearRetention(stack, 'DailyWeeklyMonthly5Year');
}
