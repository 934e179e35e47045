export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const env = 'prod';
  const generation = 3;
  const prefix = 'backups-' + env;
  const vault = new b.BackupVault(stack, 'Vault', { backupVaultName: `${prefix}-v${generation}` });
  const plan = new b.BackupPlan(stack, 'Plan', { backupVault: vault, backupPlanName: `${prefix}-daily` });
  plan.addRule(b.BackupPlanRule.daily());
  plan.addRule(new b.BackupPlanRule({
    ruleName: 'Tagged',
    deleteAfter: cdk.Duration.days(7),
    recoveryPointTags: { owner: `team-${env}`, generation: `${generation + 1}` },
  }));
  const table = cdk.aws_dynamodb.Table.fromTableName(stack, 'table_import', `orders-${env}`);
  plan.addSelection('Selection', { resources: [b.BackupResource.fromTag('stage', env), b.BackupResource.fromDynamoDbTable(table)] });
}
