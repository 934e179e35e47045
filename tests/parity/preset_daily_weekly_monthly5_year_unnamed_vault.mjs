export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const central = b.BackupVault.fromBackupVaultName(stack, 'central', 'central-backups');
  b.BackupPlan.dailyWeeklyMonthly5YearRetention(stack, 'DailyWeeklyMonthly5Year', central);
}
