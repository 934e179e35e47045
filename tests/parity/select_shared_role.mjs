export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const iam = cdk.aws_iam;
  const role = new iam.Role(stack, 'backup_role', { assumedBy: new iam.ServicePrincipal('backup.amazonaws.com') });
  const arn = stack.formatArn({ service: 'dynamodb', resource: 'table', resourceName: 'orders' });
  const daily = b.BackupPlan.daily35DayRetention(stack, 'Daily');
  daily.addSelection('Tables', { resources: [b.BackupResource.fromArn(arn)], role });
  const monthly = b.BackupPlan.dailyMonthly1YearRetention(stack, 'Monthly');
  monthly.addSelection('Tables', { resources: [b.BackupResource.fromArn(arn)], role, allowRestores: true });
}
