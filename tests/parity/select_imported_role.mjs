export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const ops = cdk.aws_iam.Role.fromRoleArn(stack, 'ops', 'arn:aws:iam::123456789012:role/ops');
  const plan = b.BackupPlan.daily35DayRetention(stack, 'Plan');
  plan.addSelection('Selection', { resources: [b.BackupResource.fromTag('stage', 'prod')], role: ops, allowRestores: true });
}
