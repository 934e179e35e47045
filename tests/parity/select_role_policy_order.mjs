export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const iam = cdk.aws_iam;
  const role = new iam.Role(stack, 'backup_role', { assumedBy: new iam.ServicePrincipal('backup.amazonaws.com') });
  const plan = b.BackupPlan.daily35DayRetention(stack, 'Plan');
  plan.addSelection('Restores', {
    resources: [b.BackupResource.fromTag('restore', 'yes')],
    role,
    disableDefaultBackupPolicy: true,
    allowRestores: true,
  });
  plan.addSelection('Backups', { resources: [b.BackupResource.fromTag('backup', 'yes')], role });
}
