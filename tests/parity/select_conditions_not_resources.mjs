// Conditions and NotResources are beyond the installed CDK's L2: property overrides.
export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const ops = cdk.aws_iam.Role.fromRoleArn(stack, 'ops', 'arn:aws:iam::123456789012:role/ops');
  const plan = b.BackupPlan.daily35DayRetention(stack, 'Plan');
  const table = cdk.aws_dynamodb.Table.fromTableName(stack, 'table_import', 'myTableName');
  const sel = plan.addSelection('Selection', {
    resources: [b.BackupResource.fromDynamoDbTable(table), b.BackupResource.fromTag('stage', 'prod')],
    allowRestores: true,
    disableDefaultBackupPolicy: false,
    role: ops,
    backupSelectionName: 'sel',
  });
  const cfn = sel.node.defaultChild;
  cfn.addPropertyOverride('BackupSelection.Conditions', {
    StringLike: [{ ConditionKey: 'aws:ResourceTag/app', ConditionValue: 'web*' }],
    StringNotEquals: [{ ConditionKey: 'aws:ResourceTag/backup', ConditionValue: 'false' }],
  });
  cfn.addPropertyOverride('BackupSelection.NotResources', ['arn:aws:ec2:*:*:volume/vol-scratch*']);
}
