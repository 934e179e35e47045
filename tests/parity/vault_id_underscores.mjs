export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const vault = new b.BackupVault(stack, 'my_backup_vault');
  const plan = b.BackupPlan.daily35DayRetention(stack, 'nightly_plan', vault);
  const table = cdk.aws_dynamodb.Table.fromTableName(stack, 'orders_import', 'orders');
  plan.addSelection('prod_tables', { resources: [b.BackupResource.fromDynamoDbTable(table)] });
}
