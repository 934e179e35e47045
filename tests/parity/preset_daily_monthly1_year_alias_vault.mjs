export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const archive = new b.BackupVault(stack, 'archive');
  b.BackupPlan.dailyMonthly1YearRetention(stack, 'Yearly', archive);
}
