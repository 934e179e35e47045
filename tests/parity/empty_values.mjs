export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const vault = new b.BackupVault(stack, 'Vault', { accessPolicy: new cdk.aws_iam.PolicyDocument({ statements: [] }) });
  const plan = new b.BackupPlan(stack, 'Plan', { backupVault: vault });
  plan.addRule(new b.BackupPlanRule({ ruleName: 'Bare', deleteAfter: cdk.Duration.days(5), copyActions: [], indexActions: [], recoveryPointTags: {} }));
}
