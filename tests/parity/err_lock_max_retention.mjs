export default function (stack, cdk) {
  const D = cdk.Duration;
  new cdk.aws_backup.BackupVault(stack, 'Vault', { lockConfiguration: { minRetention: D.days(7), maxRetention: D.days(36865) } });
}
