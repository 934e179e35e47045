export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addSelection('Selection', { resources: [b.BackupResource.fromTag('stage', 'prod')] });
}
