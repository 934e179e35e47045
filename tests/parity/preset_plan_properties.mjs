export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = new b.BackupPlan(stack, 'Custom', { backupPlanName: 'custom-daily', windowsVss: true });
  plan.addRule(b.BackupPlanRule.daily());
  plan.addRule(b.BackupPlanRule.weekly());
}
