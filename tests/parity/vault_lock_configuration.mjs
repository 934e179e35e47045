export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const D = cdk.Duration;
  new b.BackupVault(stack, 'Locked', { lockConfiguration: { minRetention: D.days(7), maxRetention: D.days(3650), changeableFor: D.days(3) } });
  new b.BackupVault(stack, 'Minimal', { lockConfiguration: { minRetention: D.hours(48) } });
}
