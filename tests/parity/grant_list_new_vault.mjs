export default function (stack, cdk) {
  const iam = cdk.aws_iam;
  const main = new cdk.aws_backup.BackupVault(stack, 'main');
  const operator = new iam.Role(stack, 'operator', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  main.grant(operator, 'backup:StartBackupJob', 'backup:ListRecoveryPointsByBackupVault');
}
