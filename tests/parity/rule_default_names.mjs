export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const D = cdk.Duration;
  const plan = new b.BackupPlan(stack, 'Ops');
  plan.addRule(b.BackupPlanRule.daily());
  plan.addRule(new b.BackupPlanRule({ deleteAfter: D.days(3) }));
  plan.addRule(new b.BackupPlanRule({ ruleName: 'Named', deleteAfter: D.days(4) }));
  plan.addRule(new b.BackupPlanRule({ deleteAfter: D.days(5) }));
  plan.addRule(b.BackupPlanRule.weekly());
  plan.addRule(new b.BackupPlanRule({ deleteAfter: D.days(6) }));
}
