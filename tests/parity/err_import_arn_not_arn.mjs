export default function (stack, cdk) {
  cdk.aws_backup.BackupVault.fromBackupVaultArn(stack, 'legacy', 'legacy');
}
