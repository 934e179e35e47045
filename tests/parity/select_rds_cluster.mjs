export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = b.BackupPlan.daily35DayRetention(stack, 'Plan');
  const cluster = cdk.aws_rds.DatabaseCluster.fromDatabaseClusterAttributes(stack, 'cluster_import', { clusterIdentifier: 'aurora-main' });
  plan.addSelection('Clusters', { resources: [b.BackupResource.fromRdsDatabaseCluster(cluster)] });
}
