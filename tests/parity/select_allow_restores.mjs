export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = b.BackupPlan.daily35DayRetention(stack, 'Plan');
  plan.addSelection('Selection', { resources: [b.BackupResource.fromTag('stage', 'prod')], allowRestores: true });
}
