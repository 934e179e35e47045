export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const iam = cdk.aws_iam;
  const dr = b.BackupVault.fromBackupVaultName(stack, 'dr', 'dr');
  const operator = new iam.Role(stack, 'operator', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  dr.grant(operator, 'backup:StartBackupJob', 'backup:StartRestoreJob');
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({
    ruleName: 'Weekly2',
    scheduleExpression: cdk.aws_events.Schedule.expression('cron(0 3 ? * SUN *)'),
    deleteAfter: cdk.Duration.days(91),
    recoveryPointTags: { owner: 'platform', 'cost-center': '42' },
    copyActions: [{ destinationBackupVault: dr, deleteAfter: cdk.Duration.days(365) }],
  }));
  plan.addSelection('Prod', { resources: [b.BackupResource.fromTag('stage', 'prod'), b.BackupResource.fromTag('tier', '1')] });
}
