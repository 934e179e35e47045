export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = b.BackupPlan.daily35DayRetention(stack, 'Plan');
  plan.addSelection('Volumes', {
    resources: [
      b.BackupResource.fromArn('arn:aws:ec2:eu-west-1:123456789012:volume/vol-0123456789abcdef0'),
      b.BackupResource.fromArn('arn:aws:s3:::my-bucket'),
      b.BackupResource.fromArn('arn:aws:ec2:*:*:volume/*'),
    ],
  });
}
