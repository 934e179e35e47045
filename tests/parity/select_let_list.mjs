export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const R = b.BackupResource;
  const plan = b.BackupPlan.daily35DayRetention(stack, 'Plan');
  const core = () => [
    R.fromArn(stack.formatArn({ service: 'dynamodb', resource: 'table', resourceName: 'orders' })),
    R.fromArn(stack.formatArn({ service: 'ec2', resource: 'instance', resourceName: 'i-0123456789abcdef0' })),
  ];
  const databases = [
    R.fromArn(stack.formatArn({ service: 'rds', resource: 'db', resourceName: 'orders-db', arnFormat: cdk.ArnFormat.COLON_RESOURCE_NAME })),
    R.fromArn(stack.formatArn({ service: 'rds', resource: 'cluster', resourceName: 'aurora-main', arnFormat: cdk.ArnFormat.COLON_RESOURCE_NAME })),
  ];
  plan.addSelection('Core', { resources: core() });
  plan.addSelection('Extended', { resources: [...core(), R.fromTag('stage', 'prod'), ...databases] });
}
