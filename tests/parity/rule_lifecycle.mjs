export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const D = cdk.Duration;
  const cron = cdk.aws_events.Schedule.cron;
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({ ruleName: 'Tiered', scheduleExpression: cron({ minute: '0', hour: '3' }), moveToColdStorageAfter: D.days(30), deleteAfter: D.days(120) }));
  plan.addRule(new b.BackupPlanRule({ ruleName: 'ColdOnly', scheduleExpression: cron({ minute: '0', hour: '4' }), moveToColdStorageAfter: D.days(56) }));
  plan.addRule(new b.BackupPlanRule({ ruleName: 'ExpireOnly', deleteAfter: D.days(7) }));
}
