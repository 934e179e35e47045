export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const dr = b.BackupVault.fromBackupVaultArn(stack, 'dr', 'arn:aws:backup:us-west-2:210987654321:backup-vault:dr');
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({
    ...b.BackupPlanRule.monthly5Year().props,
    copyActions: [{ destinationBackupVault: dr, moveToColdStorageAfter: cdk.Duration.days(90), deleteAfter: cdk.Duration.days(1825) }],
  }));
}
