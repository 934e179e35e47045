// vault Vault { access_policy = [allow {...}, deny {...}] } with every principal
// kind, repeated principals, actions and resources, and non-string conditions.
export default function (stack, cdk) {
  const iam = cdk.aws_iam;
  new cdk.aws_backup.BackupVault(stack, 'Vault', {
    accessPolicy: new iam.PolicyDocument({
      statements: [
        new iam.PolicyStatement({
          effect: iam.Effect.ALLOW,
          principals: [
            new iam.AccountPrincipal('210987654321'),
            new iam.ServicePrincipal('lambda'),
            new iam.ArnPrincipal('arn:aws:iam::210987654321:role/auditor'),
            new iam.AccountPrincipal('210987654321'),
            new iam.AnyPrincipal(),
          ],
          actions: ['backup:DescribeBackupVault', 'backup:DescribeBackupVault', 'backup:ListRecoveryPointsByBackupVault'],
          resources: ['*', '*'],
        }),
        new iam.PolicyStatement({
          effect: iam.Effect.DENY,
          principals: [new iam.AnyPrincipal()],
          actions: ['backup:DeleteBackupVault'],
          resources: ['*'],
          conditions: { Bool: { 'aws:SecureTransport': false }, NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 } },
        }),
      ],
    }),
  });
}
