export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const other = b.BackupVault.fromBackupVaultName(stack, 'other', 'otherVault');
  const mixed = new b.BackupPlan(stack, 'Mixed');
  mixed.addRule(b.BackupPlanRule.daily(other));
  mixed.addRule(b.BackupPlanRule.weekly());
  const external = new b.BackupPlan(stack, 'External');
  external.addRule(b.BackupPlanRule.daily(other));
  external.addRule(new b.BackupPlanRule({ backupVault: other, deleteAfter: cdk.Duration.days(9) }));
}
