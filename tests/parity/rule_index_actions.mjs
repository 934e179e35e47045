export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({
    ruleName: 'Indexed',
    scheduleExpression: cdk.aws_events.Schedule.cron({ minute: '0', hour: '6' }),
    deleteAfter: cdk.Duration.days(30),
    indexActions: [
      { resourceTypes: [b.IndexActionResourceType.EBS] },
      { resourceTypes: [b.IndexActionResourceType.S3, b.IndexActionResourceType.EBS] },
    ],
  }));
}
