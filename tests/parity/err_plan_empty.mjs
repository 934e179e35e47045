export default function (stack, cdk) {
  new cdk.aws_backup.BackupPlan(stack, 'Plan');
}
