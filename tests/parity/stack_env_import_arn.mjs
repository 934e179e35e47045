export const stackName = 'Prod';
export const env = { account: '111111111111', region: 'us-east-1' };

export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const iam = cdk.aws_iam;
  const local = new b.BackupVault(stack, 'local');
  const dr = b.BackupVault.fromBackupVaultArn(stack, 'dr', 'arn:aws:backup:us-west-2:222222222222:backup-vault:dr');
  const copier = new iam.Role(stack, 'copier', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  dr.grant(copier, 'backup:CopyIntoBackupVault');
  const plan = new b.BackupPlan(stack, 'Plan', { backupVault: local });
  plan.addRule(new b.BackupPlanRule({
    ...b.BackupPlanRule.daily().props,
    copyActions: [{ destinationBackupVault: dr, deleteAfter: cdk.Duration.days(90) }],
  }));
}
