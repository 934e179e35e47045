export default function (stack, cdk) {
  const b = cdk.aws_backup;
  new b.BackupVault(stack, 'Vault', {
    notificationTopic: cdk.aws_sns.Topic.fromTopicArn(stack, 'topic_import', 'arn:aws:sns:eu-west-1:123456789012:backups'),
    notificationEvents: [
      b.BackupVaultEvents.RESTORE_JOB_COMPLETED,
      b.BackupVaultEvents.BACKUP_JOB_FAILED,
      b.BackupVaultEvents.COPY_JOB_FAILED,
      b.BackupVaultEvents.S3_BACKUP_OBJECT_FAILED,
    ],
  });
}
