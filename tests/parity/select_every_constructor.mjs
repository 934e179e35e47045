export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const R = b.BackupResource;
  const plan = b.BackupPlan.daily35DayRetention(stack, 'Plan');
  plan.addSelection('All', {
    resources: [
      R.fromTag('team', 'core'),
      R.fromArn(stack.formatArn({ service: 'ec2', resource: 'instance', resourceName: 'i-0123456789abcdef0' })),
      R.fromArn(stack.formatArn({ service: 'elasticfilesystem', resource: 'file-system', resourceName: 'fs-0123456789abcdef0' })),
      R.fromTag('stage', 'prod'),
      R.fromArn(stack.formatArn({ service: 'rds', resource: 'db', resourceName: 'orders-db', arnFormat: cdk.ArnFormat.COLON_RESOURCE_NAME })),
      R.fromArn(stack.formatArn({ service: 'rds', resource: 'cluster', resourceName: 'aurora-main', arnFormat: cdk.ArnFormat.COLON_RESOURCE_NAME })),
      R.fromArn(stack.formatArn({ service: 'rds', resource: 'cluster', resourceName: 'aurora-serverless', arnFormat: cdk.ArnFormat.COLON_RESOURCE_NAME })),
      R.fromArn(stack.formatArn({ service: 'dynamodb', resource: 'table', resourceName: 'orders' })),
      R.fromArn('arn:aws:s3:::my-bucket'),
    ],
  });
}
