export const stackName = 'Backups';
export const env = { account: '123456789012', region: 'eu-west-1' };

export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const iam = cdk.aws_iam;
  const R = b.BackupResource;
  const other = b.BackupVault.fromBackupVaultName(stack, 'other', 'otherVault');
  const operator = new iam.Role(stack, 'operator', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  other.grant(operator, 'backup:StartBackupJob');
  const plan = b.BackupPlan.daily35DayRetention(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({ ruleName: 'Copy', deleteAfter: cdk.Duration.days(35), copyActions: [{ destinationBackupVault: other }] }));
  const cluster = cdk.aws_rds.DatabaseCluster.fromDatabaseClusterAttributes(stack, 'cluster_import', { clusterIdentifier: 'aurora-main' });
  const serverless = cdk.aws_rds.ServerlessCluster.fromServerlessClusterAttributes(stack, 'serverless_import', { clusterIdentifier: 'aurora-serverless' });
  const table = cdk.aws_dynamodb.Table.fromTableName(stack, 'table_import', 'orders');
  plan.addSelection('Selection', {
    resources: [
      R.fromArn(stack.formatArn({ service: 'ec2', resource: 'instance', resourceName: 'i-0123456789abcdef0' })),
      R.fromArn(stack.formatArn({ service: 'elasticfilesystem', resource: 'file-system', resourceName: 'fs-0123456789abcdef0' })),
      R.fromArn(stack.formatArn({ service: 'rds', resource: 'db', resourceName: 'orders-db', arnFormat: cdk.ArnFormat.COLON_RESOURCE_NAME })),
      R.fromRdsDatabaseCluster(cluster),
      R.fromRdsServerlessCluster(serverless),
      R.fromDynamoDbTable(table),
    ],
  });
}
