export default function (stack, cdk) {
  new cdk.aws_backup.BackupVault(stack, 'Default');
}
