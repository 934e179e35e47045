export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const hot = new b.BackupVault(stack, 'hot');
  const cold = new b.BackupVault(stack, 'cold', { backupVaultName: 'cold-storage' });
  const shared = b.BackupVault.fromBackupVaultName(stack, 'shared', 'shared-vault');
  const legacy = b.BackupVault.fromBackupVaultArn(stack, 'legacy', 'arn:aws:backup:us-east-1:123456789012:backup-vault:legacy');
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(b.BackupPlanRule.daily(hot));
  plan.addRule(b.BackupPlanRule.weekly(hot));
  plan.addRule(b.BackupPlanRule.monthly1Year(shared));
  plan.addRule(b.BackupPlanRule.monthly5Year(cold));
  plan.addRule(b.BackupPlanRule.monthly7Year(legacy));
}
