export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const iam = cdk.aws_iam;
  const D = cdk.Duration;
  new b.BackupVault(stack, 'main', {
    backupVaultName: 'myVault',
    encryptionKey: cdk.aws_kms.Key.fromKeyArn(stack, 'key_import', 'arn:aws:kms:eu-west-1:123456789012:key/abcd'),
    notificationTopic: cdk.aws_sns.Topic.fromTopicArn(stack, 'topic_import', 'arn:aws:sns:eu-west-1:123456789012:backups'),
    notificationEvents: [b.BackupVaultEvents.BACKUP_JOB_FAILED, b.BackupVaultEvents.RESTORE_JOB_COMPLETED],
    removalPolicy: cdk.RemovalPolicy.DESTROY,
    blockRecoveryPointDeletion: true,
    lockConfiguration: { minRetention: D.days(7), maxRetention: D.days(3650), changeableFor: D.days(3) },
    accessPolicy: new iam.PolicyDocument({
      statements: [new iam.PolicyStatement({
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['backup:DeleteRecoveryPoint'],
        resources: ['*'],
        conditions: { StringNotLike: { 'aws:userId': ['user1', 'user2'] } },
      })],
    }),
  });
}
