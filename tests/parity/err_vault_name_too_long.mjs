export default function (stack, cdk) {
  new cdk.aws_backup.BackupVault(stack, 'Vault', { backupVaultName: 'a23456789012345678901234567890123456789012345678901' });
}
