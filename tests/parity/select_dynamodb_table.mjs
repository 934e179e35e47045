export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = b.BackupPlan.daily35DayRetention(stack, 'Plan');
  const orders = cdk.aws_dynamodb.Table.fromTableName(stack, 'orders_import', 'orders');
  const users = cdk.aws_dynamodb.Table.fromTableName(stack, 'users_import', 'users');
  plan.addSelection('Tables', { resources: [b.BackupResource.fromDynamoDbTable(orders), b.BackupResource.fromDynamoDbTable(users)] });
}
