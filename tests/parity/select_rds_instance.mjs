export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = b.BackupPlan.daily35DayRetention(stack, 'Plan');
  const db = (id) => stack.formatArn({ service: 'rds', resource: 'db', resourceName: id, arnFormat: cdk.ArnFormat.COLON_RESOURCE_NAME });
  plan.addSelection('Databases', { resources: [b.BackupResource.fromArn(db('orders-db')), b.BackupResource.fromArn(db('users-db'))] });
}
