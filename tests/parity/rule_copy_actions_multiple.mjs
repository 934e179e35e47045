export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const D = cdk.Duration;
  const dr = b.BackupVault.fromBackupVaultArn(stack, 'dr', 'arn:aws:backup:us-west-2:210987654321:backup-vault:dr');
  const audit = b.BackupVault.fromBackupVaultName(stack, 'audit', 'audit');
  const local = new b.BackupVault(stack, 'local');
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({
    deleteAfter: D.days(120),
    moveToColdStorageAfter: D.days(30),
    copyActions: [
      { destinationBackupVault: dr, moveToColdStorageAfter: D.days(30), deleteAfter: D.days(120) },
      { destinationBackupVault: audit, moveToColdStorageAfter: D.days(7) },
      { destinationBackupVault: local, deleteAfter: D.days(60) },
    ],
  }));
}
