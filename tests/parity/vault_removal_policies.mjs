export default function (stack, cdk) {
  const b = cdk.aws_backup;
  new b.BackupVault(stack, 'Kept', { removalPolicy: cdk.RemovalPolicy.RETAIN });
  new b.BackupVault(stack, 'Dropped', { removalPolicy: cdk.RemovalPolicy.DESTROY });
  new b.BackupVault(stack, 'KeptUnlessCreateFails', { removalPolicy: cdk.RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE });
}
