export default function (stack, cdk) {
  const b = cdk.aws_backup;
  new b.BackupVault(stack, 'Short', { backupVaultName: 'ab' });
  new b.BackupVault(stack, 'Long', { backupVaultName: 'A-23456789_123456789-123456789_123456789-123456789' });
}
