export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const iam = cdk.aws_iam;
  const role = new iam.Role(stack, 'backup_role', { assumedBy: new iam.ServicePrincipal('backup.amazonaws.com') });
  const plan = b.BackupPlan.daily35DayRetention(stack, 'Plan');
  const table = cdk.aws_dynamodb.Table.fromTableName(stack, 'orders_import', 'orders');
  plan.addSelection('Selection', { resources: [b.BackupResource.fromDynamoDbTable(table)], role, allowRestores: true });
}
