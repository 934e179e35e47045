// A declared role that is granted on several vaults and used by selections of
// two plans, one of them declared before the role's grants.
export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const iam = cdk.aws_iam;
  const main = new b.BackupVault(stack, 'main');
  const legacy = b.BackupVault.fromBackupVaultArn(stack, 'legacy', 'arn:aws:backup:eu-west-1:123456789012:backup-vault:legacy');
  const role = new iam.Role(stack, 'worker', { assumedBy: new iam.AccountPrincipal('123456789012') });
  const plan = new b.BackupPlan(stack, 'Plan', { backupVault: main });
  plan.addRule(b.BackupPlanRule.weekly());
  plan.addSelection('Restores', { resources: [b.BackupResource.fromTag('a', 'b')], role, allowRestores: true, disableDefaultBackupPolicy: true });
  plan.addSelection('Own', { resources: [b.BackupResource.fromArn('arn:aws:s3:::bucket')], allowRestores: true });
  main.grant(role, 'backup:StartBackupJob');
  legacy.grant(role, 'backup:StartRestoreJob', 'backup:StartRestoreJob');
  main.grant(role, 'backup:StartBackupJob');
  const other = new b.BackupPlan(stack, 'Other');
  other.addRule(b.BackupPlanRule.daily(main));
  other.addSelection('Backups', { resources: [b.BackupResource.fromTag('c', 'd')], role });
}
