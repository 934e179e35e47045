export default function (stack, cdk) {
  new cdk.aws_backup.BackupVault(stack, 'Vault', { lockConfiguration: { minRetention: cdk.Duration.hours(12) } });
}
