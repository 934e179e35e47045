export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = b.BackupPlan.daily35DayRetention(stack, 'Plan');
  const fs = cdk.aws_efs.FileSystem.fromFileSystemAttributes(stack, 'fs_import', {
    fileSystemId: 'fs-0123456789abcdef0',
    securityGroup: cdk.aws_ec2.SecurityGroup.fromSecurityGroupId(stack, 'sg_import', 'sg-12345678'),
  });
  plan.addSelection('Files', { resources: [b.BackupResource.fromEfsFileSystem(fs)] });
}
