export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const legacy = b.BackupVault.fromBackupVaultArn(stack, 'legacy', 'arn:aws:backup:eu-west-1:123456789012:backup-vault:legacy-vault');
  const plan = new b.BackupPlan(stack, 'Plan', { backupVault: legacy });
  plan.addRule(b.BackupPlanRule.daily());
  plan.addRule(new b.BackupPlanRule({
    ruleName: 'Monthly',
    scheduleExpression: cdk.aws_events.Schedule.cron({ minute: '0', hour: '5', day: '1' }),
    deleteAfter: cdk.Duration.days(400),
  }));
}
