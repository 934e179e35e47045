export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const iam = cdk.aws_iam;
  const main = new b.BackupVault(stack, 'main', { backupVaultName: 'main' });
  const dr = b.BackupVault.fromBackupVaultName(stack, 'dr', 'dr-vault');
  const role = new iam.Role(stack, 'backup_role', { assumedBy: new iam.ServicePrincipal('backup.amazonaws.com') });
  const plan = new b.BackupPlan(stack, 'Plan', { backupVault: main });
  plan.addRule(new b.BackupPlanRule({
    ruleName: 'Nightly',
    scheduleExpression: cdk.aws_events.Schedule.cron({ minute: '0', hour: '1' }),
    deleteAfter: cdk.Duration.days(30),
    copyActions: [{ destinationBackupVault: dr }],
  }));
  const table = cdk.aws_dynamodb.Table.fromTableName(stack, 'table_import', 'orders');
  plan.addSelection('Selection', { resources: [b.BackupResource.fromDynamoDbTable(table)], role });
  main.grant(role, 'backup:StartBackupJob');
}
