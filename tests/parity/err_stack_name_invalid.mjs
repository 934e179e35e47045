export const stackName = 'prod_backups';
export const env = { account: '123456789012', region: 'eu-west-1' };

export default function (stack, cdk) {
  new cdk.aws_backup.BackupVault(stack, 'main');
}
