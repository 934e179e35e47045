export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const iam = cdk.aws_iam;
  const main = new b.BackupVault(stack, 'main');
  const role = new iam.Role(stack, 'backup_role', { assumedBy: new iam.ServicePrincipal('backup.amazonaws.com') });
  main.grant(role, 'backup:StartBackupJob');
  const plan = b.BackupPlan.daily35DayRetention(stack, 'Plan', main);
  plan.addSelection('Selection', { resources: [b.BackupResource.fromTag('backup', 'yes')], role });
}
