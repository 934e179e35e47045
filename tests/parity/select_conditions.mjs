// Conditions are beyond the installed CDK's L2: the twin sets them on the
// CfnBackupSelection with a property override.
export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = b.BackupPlan.daily35DayRetention(stack, 'Plan');
  const sel = plan.addSelection('Web', { resources: [b.BackupResource.fromArn('arn:aws:ec2:*:*:instance/*')] });
  sel.node.defaultChild.addPropertyOverride('BackupSelection.Conditions', {
    StringLike: [{ ConditionKey: 'aws:ResourceTag/app', ConditionValue: 'web*' }],
    StringNotEquals: [{ ConditionKey: 'aws:ResourceTag/backup', ConditionValue: 'false' }],
  });
}
