export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const ops = cdk.aws_iam.Role.fromRoleArn(stack, 'ops', 'arn:aws:iam::123456789012:role/team/ops');
  const main = new b.BackupVault(stack, 'main');
  const other = b.BackupVault.fromBackupVaultName(stack, 'other', 'otherVault');
  main.grant(ops, 'backup:DescribeBackupVault');
  other.grant(ops, 'backup:StartBackupJob', 'backup:StartRestoreJob');
}
