export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(b.BackupPlanRule.daily());
  plan.addSelection('Vault', { resources: [b.BackupResource.fromTag('stage', 'prod')] });
}
