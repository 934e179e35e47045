// Conditions are beyond the installed CDK's L2: property override on the CfnBackupSelection.
export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = b.BackupPlan.daily35DayRetention(stack, 'Plan');
  const sel = plan.addSelection('Filtered', { resources: [b.BackupResource.fromTag('backup', 'true')] });
  const c = (key, value) => ({ ConditionKey: `aws:ResourceTag/${key}`, ConditionValue: value });
  sel.node.defaultChild.addPropertyOverride('BackupSelection.Conditions', {
    StringEquals: [c('stage', 'prod'), c('team', 'core')],
    StringLike: [c('app', 'web*'), c('tier', 'gold*')],
    StringNotEquals: [c('backup', 'false')],
    StringNotLike: [c('name', 'tmp-*')],
  });
}
