export default function (stack, cdk) {
  cdk.aws_backup.BackupVault.fromBackupVaultArn(stack, 'legacy', 'arn:aws:backup:eu-west-1:123456789012:backup-vault/legacy');
}
