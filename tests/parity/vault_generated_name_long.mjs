export default function (stack, cdk) {
  const b = cdk.aws_backup;
  new b.BackupVault(stack, 'ThisIsAVeryLongVaultIdentifierForTheProductionDatabases');
  b.BackupPlan.daily35DayRetention(stack, 'ThisIsAVeryLongBackupPlanIdentifierForProduction');
}
