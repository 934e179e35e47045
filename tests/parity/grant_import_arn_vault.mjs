export default function (stack, cdk) {
  const iam = cdk.aws_iam;
  const legacy = cdk.aws_backup.BackupVault.fromBackupVaultArn(stack, 'legacy', 'arn:aws:backup:eu-west-1:123456789012:backup-vault:legacy');
  const restorer = new iam.Role(stack, 'restorer', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  legacy.grant(restorer, 'backup:StartRestoreJob', 'backup:DescribeRecoveryPoint');
}
