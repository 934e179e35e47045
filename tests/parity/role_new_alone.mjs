export default function (stack, cdk) {
  const iam = cdk.aws_iam;
  new iam.Role(stack, 'lambda_role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
}
