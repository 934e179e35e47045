export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const D = cdk.Duration;
  const other = b.BackupVault.fromBackupVaultName(stack, 'other', 'otherVault');
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({
    ruleName: 'Copy',
    deleteAfter: D.days(400),
    copyActions: [{ destinationBackupVault: other, moveToColdStorageAfter: D.days(30), deleteAfter: D.days(100) }],
  }));
}
