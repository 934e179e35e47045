export default function (stack, cdk) {
  const iam = cdk.aws_iam;
  const main = new cdk.aws_backup.BackupVault(stack, 'main');
  const reader = new iam.Role(stack, 'reader', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  const writer = new iam.Role(stack, 'writer', { assumedBy: new iam.ServicePrincipal('states.amazonaws.com') });
  main.grant(reader, 'backup:DescribeBackupVault');
  main.grant(writer, 'backup:StartBackupJob');
}
