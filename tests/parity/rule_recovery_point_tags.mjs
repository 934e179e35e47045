export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({
    ruleName: 'Tagged',
    deleteAfter: cdk.Duration.days(30),
    recoveryPointTags: { team: 'data', 'cost-center': '4200', 'aws-backup:origin': 'bkp' },
  }));
}
