export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = b.BackupPlan.daily35DayRetention(stack, 'Plan');
  plan.addSelection('Resource', { resources: [b.BackupResource.fromTag('stage', 'prod')] });
}
