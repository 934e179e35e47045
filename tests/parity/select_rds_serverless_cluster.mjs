export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = b.BackupPlan.daily35DayRetention(stack, 'Plan');
  const cluster = cdk.aws_rds.ServerlessCluster.fromServerlessClusterAttributes(stack, 'cluster_import', { clusterIdentifier: 'aurora-serverless' });
  plan.addSelection('Serverless', { resources: [b.BackupResource.fromRdsServerlessCluster(cluster)] });
}
