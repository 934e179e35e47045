export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = b.BackupPlan.daily35DayRetention(stack, 'Plan');
  const arn = (name) => stack.formatArn({ service: 'dynamodb', resource: 'table', resourceName: name });
  plan.addSelection('Tables', { resources: [b.BackupResource.fromArn(arn('orders'))] });
  plan.addSelection('Tables', { resources: [b.BackupResource.fromArn(arn('users'))] });
}
