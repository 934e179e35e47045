export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = b.BackupPlan.daily35DayRetention(stack, 'Plan');
  const ec2 = (id) => stack.formatArn({ service: 'ec2', resource: 'instance', resourceName: id });
  plan.addSelection('Servers', {
    resources: [b.BackupResource.fromArn(ec2('i-0123456789abcdef0')), b.BackupResource.fromArn(ec2('i-0fedcba9876543210'))],
  });
}
