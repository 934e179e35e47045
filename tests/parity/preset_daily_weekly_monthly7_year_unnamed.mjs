export default function (stack, cdk) {
  cdk.aws_backup.BackupPlan.dailyWeeklyMonthly7YearRetention(stack, 'DailyWeeklyMonthly7Year');
}
