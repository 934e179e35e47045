// Empty names fall back to generated ones (`name || default`), except a
// rule name (`ruleName ?? default`).
export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const v = new b.BackupVault(stack, 'Vault', { backupVaultName: '' });
  const plan = new b.BackupPlan(stack, 'Plan', { backupVault: v, backupPlanName: '' });
  plan.addRule(new b.BackupPlanRule({ ruleName: '', deleteAfter: cdk.Duration.days(1) }));
  plan.addSelection('Sel', { resources: [b.BackupResource.fromTag('a', 'b')], backupSelectionName: '' });
}
