export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(b.BackupPlanRule.daily());
  plan.addRule(b.BackupPlanRule.weekly());
  plan.addRule(b.BackupPlanRule.monthly1Year());
  plan.addRule(b.BackupPlanRule.monthly5Year());
  plan.addRule(b.BackupPlanRule.monthly7Year());
}
