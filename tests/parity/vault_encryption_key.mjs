export default function (stack, cdk) {
  new cdk.aws_backup.BackupVault(stack, 'Vault', {
    encryptionKey: cdk.aws_kms.Key.fromKeyArn(stack, 'key_import', 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'),
  });
}
