export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const shared = new b.BackupVault(stack, 'shared', { backupVaultName: 'shared' });
  b.BackupPlan.daily35DayRetention(stack, 'Databases', shared);
  const files = new b.BackupPlan(stack, 'Files', { backupVault: shared });
  files.addRule(b.BackupPlanRule.weekly());
  const archive = new b.BackupPlan(stack, 'Archive');
  archive.addRule(b.BackupPlanRule.monthly1Year());
  archive.addRule(b.BackupPlanRule.monthly7Year(shared));
}
