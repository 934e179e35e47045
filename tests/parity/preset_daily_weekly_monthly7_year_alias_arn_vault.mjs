export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const legacy = b.BackupVault.fromBackupVaultArn(stack, 'legacy', 'arn:aws:backup:eu-west-1:123456789012:backup-vault:legacy');
  b.BackupPlan.dailyWeeklyMonthly7YearRetention(stack, 'DailyWeeklyMonthly7Year', legacy);
}
