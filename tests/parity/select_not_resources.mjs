// NotResources is beyond the installed CDK's L2: property override on the CfnBackupSelection.
export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = b.BackupPlan.daily35DayRetention(stack, 'Plan');
  const sel = plan.addSelection('AllButScratch', {
    resources: [
      b.BackupResource.fromArn('arn:aws:ec2:*:*:volume/*'),
      b.BackupResource.fromArn(stack.formatArn({ service: 'ec2', resource: 'instance', resourceName: 'i-0123456789abcdef0' })),
    ],
  });
  sel.node.defaultChild.addPropertyOverride('BackupSelection.NotResources', [
    'arn:aws:ec2:*:*:volume/vol-scratch*',
    stack.formatArn({ service: 'dynamodb', resource: 'table', resourceName: 'scratch' }),
    stack.formatArn({ service: 'rds', resource: 'cluster', resourceName: 'scratch-cluster', arnFormat: cdk.ArnFormat.COLON_RESOURCE_NAME }),
  ]);
}
