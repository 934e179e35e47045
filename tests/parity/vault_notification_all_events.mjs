export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const E = b.BackupVaultEvents;
  new b.BackupVault(stack, 'Vault', {
    notificationTopic: cdk.aws_sns.Topic.fromTopicArn(stack, 'topic_import', 'arn:aws:sns:eu-west-1:123456789012:backups'),
    notificationEvents: [
      E.BACKUP_JOB_STARTED, E.BACKUP_JOB_COMPLETED, E.BACKUP_JOB_SUCCESSFUL, E.BACKUP_JOB_FAILED, E.BACKUP_JOB_EXPIRED,
      E.RESTORE_JOB_STARTED, E.RESTORE_JOB_COMPLETED, E.RESTORE_JOB_SUCCESSFUL, E.RESTORE_JOB_FAILED,
      E.COPY_JOB_STARTED, E.COPY_JOB_SUCCESSFUL, E.COPY_JOB_FAILED,
      E.RECOVERY_POINT_MODIFIED, E.BACKUP_PLAN_CREATED, E.BACKUP_PLAN_MODIFIED,
      E.S3_BACKUP_OBJECT_FAILED, E.S3_RESTORE_OBJECT_FAILED,
    ],
  });
}
