export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const D = cdk.Duration;
  const main = new b.BackupVault(stack, 'main', {
    backupVaultName: 'myVault',
    encryptionKey: cdk.aws_kms.Key.fromKeyArn(stack, 'key_import', 'arn:aws:kms:eu-west-1:123456789012:key/abcd'),
  });
  const other = b.BackupVault.fromBackupVaultName(stack, 'other', 'otherVault');
  const ops = cdk.aws_iam.Role.fromRoleArn(stack, 'ops', 'arn:aws:iam::123456789012:role/ops');

  const plan = new b.BackupPlan(stack, 'Custom', { backupVault: main, backupPlanName: 'custom', windowsVss: true });
  plan.addRule(b.BackupPlanRule.daily());
  plan.addRule(b.BackupPlanRule.weekly());
  plan.addRule(b.BackupPlanRule.monthly1Year(other));
  plan.addRule(new b.BackupPlanRule({ ...b.BackupPlanRule.monthly7Year(other).props, moveToColdStorageAfter: D.days(180) }));
  plan.addRule(new b.BackupPlanRule({
    ruleName: 'Nightly',
    scheduleExpression: cdk.aws_events.Schedule.cron({ minute: '30', hour: '3', day: '15' }),
    scheduleExpressionTimezone: cdk.TimeZone.EUROPE_PARIS,
    startWindow: D.hours(1),
    completionWindow: D.hours(2),
    moveToColdStorageAfter: D.days(30),
    deleteAfter: D.days(120),
    recoveryPointTags: { team: 'data' },
    copyActions: [{ destinationBackupVault: other, deleteAfter: D.days(365) }],
    indexActions: [{ resourceTypes: [b.IndexActionResourceType.EBS] }],
  }));
  plan.addRule(new b.BackupPlanRule({
    ruleName: 'Archive',
    backupVault: other,
    scheduleExpression: cdk.aws_events.Schedule.cron({ hour: '4', minute: '0' }),
    deleteAfter: D.days(365),
  }));
  plan.addRule(new b.BackupPlanRule({ ruleName: 'Pitr', enableContinuousBackup: true, deleteAfter: D.days(14) }));

  const table = cdk.aws_dynamodb.Table.fromTableName(stack, 'table_import', 'myTableName');
  const sel = plan.addSelection('Selection', {
    resources: [b.BackupResource.fromDynamoDbTable(table), b.BackupResource.fromTag('stage', 'prod')],
    allowRestores: true,
    disableDefaultBackupPolicy: false,
    role: ops,
    backupSelectionName: 'sel',
  });
  // Conditions and NotResources are beyond the installed CDK's L2.
  const cfn = sel.node.defaultChild;
  cfn.addPropertyOverride('BackupSelection.Conditions', {
    StringLike: [{ ConditionKey: 'aws:ResourceTag/app', ConditionValue: 'web*' }],
    StringNotEquals: [{ ConditionKey: 'aws:ResourceTag/backup', ConditionValue: 'false' }],
  });
  cfn.addPropertyOverride('BackupSelection.NotResources', ['arn:aws:ec2:*:*:volume/vol-scratch*']);
}
