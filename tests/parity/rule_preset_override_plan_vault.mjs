export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const main = new b.BackupVault(stack, 'main');
  const offsite = b.BackupVault.fromBackupVaultName(stack, 'offsite', 'offsite');
  const plan = new b.BackupPlan(stack, 'Plan', { backupVault: main });
  plan.addRule(new b.BackupPlanRule({ ...b.BackupPlanRule.daily().props, deleteAfter: cdk.Duration.days(10) }));
  plan.addRule(b.BackupPlanRule.monthly1Year(offsite));
}
