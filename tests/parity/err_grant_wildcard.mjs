export default function (stack, cdk) {
  const iam = cdk.aws_iam;
  const other = cdk.aws_backup.BackupVault.fromBackupVaultName(stack, 'other', 'otherVault');
  const operator = new iam.Role(stack, 'operator', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  other.grant(operator, 'backup:*');
}
