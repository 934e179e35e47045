export default function (stack, cdk) {
  const iam = cdk.aws_iam;
  new iam.Role(stack, 'bare', { assumedBy: new iam.ServicePrincipal('lambda') });
  new iam.Role(stack, 'china', { assumedBy: new iam.ServicePrincipal('states.amazonaws.com.cn') });
  new iam.Role(stack, 'other', { assumedBy: new iam.ServicePrincipal('backup.example.com') });
}
