export default function (stack, cdk) {
  const iam = cdk.aws_iam;
  new cdk.aws_backup.BackupVault(stack, 'Vault', {
    blockRecoveryPointDeletion: true,
    accessPolicy: new iam.PolicyDocument({
      statements: [
        new iam.PolicyStatement({
          effect: iam.Effect.DENY,
          principals: [new iam.AnyPrincipal()],
          actions: ['backup:DeleteBackupVault', 'backup:PutBackupVaultAccessPolicy'],
          resources: ['*'],
        }),
        new iam.PolicyStatement({
          effect: iam.Effect.DENY,
          principals: [new iam.AnyPrincipal()],
          actions: ['backup:DeleteRecoveryPoint'],
          resources: ['*'],
          conditions: { StringNotLike: { 'aws:userId': ['AIDAEXAMPLE1', 'AIDAEXAMPLE2'] } },
        }),
      ],
    }),
  });
}
