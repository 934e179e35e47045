export default function (stack, cdk) {
  new cdk.aws_backup.BackupVault(stack, 'Vault', {
    notificationTopic: cdk.aws_sns.Topic.fromTopicArn(stack, 'topic_import', 'arn:aws:sns:eu-west-1:123456789012:backups'),
  });
}
