export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const main = new b.BackupVault(stack, 'main', { backupVaultName: 'main-vault' });
  const plan = new b.BackupPlan(stack, 'Nightly', { backupVault: main, backupPlanName: 'nightly' });
  plan.addRule(b.BackupPlanRule.daily());
  plan.addRule(b.BackupPlanRule.weekly());
  plan.addRule(b.BackupPlanRule.monthly5Year());
}
