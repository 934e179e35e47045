export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const other = b.BackupVault.fromBackupVaultName(stack, 'other', 'otherVault');
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({
    ...b.BackupPlanRule.monthly7Year(other).props,
    moveToColdStorageAfter: cdk.Duration.days(180),
  }));
}
