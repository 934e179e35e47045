export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const main = new b.BackupVault(stack, 'main');
  const plan = b.BackupPlan.daily35DayRetention(stack, 'Plan', main);
  plan.addSelection('Vault', { resources: [b.BackupResource.fromTag('stage', 'prod')] });
}
