export const stackName = 'Prod';
export const env = { account: '111111111111', region: 'eu-west-1' };

export default function (stack, cdk) {
  const iam = cdk.aws_iam;
  const main = new cdk.aws_backup.BackupVault(stack, 'main');
  const foreign = iam.Role.fromRoleArn(stack, 'foreign', 'arn:aws:iam::999999999999:role/auditor');
  const local = iam.Role.fromRoleArn(stack, 'local', 'arn:aws:iam::111111111111:role/operator');
  main.grant(foreign, 'backup:DescribeBackupVault');
  main.grant(local, 'backup:DescribeBackupVault');
}
