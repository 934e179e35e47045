export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = b.BackupPlan.daily35DayRetention(stack, 'Plan');
  plan.addSelection('Bare', { resources: [b.BackupResource.fromTag('stage', 'prod')], disableDefaultBackupPolicy: true });
  plan.addSelection('RestoreOnly', { resources: [b.BackupResource.fromTag('stage', 'dev')], disableDefaultBackupPolicy: true, allowRestores: true });
  plan.addSelection('Explicit', { resources: [b.BackupResource.fromTag('stage', 'test')], disableDefaultBackupPolicy: false, allowRestores: false });
}
