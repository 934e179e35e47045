export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const iam = cdk.aws_iam;
  const main = new b.BackupVault(stack, 'main');
  const other = b.BackupVault.fromBackupVaultName(stack, 'other', 'otherVault');
  const worker = new iam.Role(stack, 'worker', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  main.grant(worker, 'backup:StartBackupJob');
  other.grant(worker, 'backup:StartBackupJob', 'backup:StartBackupJob', 'backup:StopBackupJob');
  main.grant(worker, 'backup:StartBackupJob');
}
