// Reference oracle harness.
//
//   node synth.mjs CASE.mjs
//
// CASE.mjs must `export default function (stack, cdk, extra) { ... }` where
//   stack = new cdk.Stack(app, 'Stack')   (no env: region/account stay tokens)
//           or, when the case also exports `stackName` and/or `env`,
//           new cdk.Stack(app, stackName ?? 'Stack', { env })  (the twin of a
//           `.bkp` file's `stack NAME { account = ..., region = ... }`)
//   cdk   = the aws-cdk-lib module namespace (cdk.aws_backup, cdk.Duration, ...)
//   extra = { app, constructs }            (constructs = the 'constructs' module)
//
// The harness synthesizes with cdk.assertions.Template.fromStack(stack).toJSON(),
// strips the bootstrap boilerplate (Parameters.BootstrapVersion and
// Rules.CheckBootstrapVersion, dropping the section when it becomes empty) and
// prints the template as JSON with 2-space indentation, keys in CDK's order.
//
// If anything throws (construct-time validation, synth-time validation, ...)
// it prints {"error": "<message>"} instead and still exits 0.

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
const cdk = require('aws-cdk-lib');
const constructs = require('constructs');

function stripBootstrap(template) {
  const out = { ...template };
  if (out.Parameters && Object.prototype.hasOwnProperty.call(out.Parameters, 'BootstrapVersion')) {
    const { BootstrapVersion, ...rest } = out.Parameters;
    if (Object.keys(rest).length === 0) delete out.Parameters;
    else out.Parameters = rest;
  }
  if (out.Rules && Object.prototype.hasOwnProperty.call(out.Rules, 'CheckBootstrapVersion')) {
    const { CheckBootstrapVersion, ...rest } = out.Rules;
    if (Object.keys(rest).length === 0) delete out.Rules;
    else out.Rules = rest;
  }
  return out;
}

async function main() {
  const casePath = process.argv[2];
  if (!casePath) {
    process.stderr.write('usage: node synth.mjs CASE.mjs\n');
    process.exit(2);
  }
  const mod = await import(pathToFileURL(path.resolve(casePath)).href);
  const fn = mod.default;
  if (typeof fn !== 'function') {
    process.stderr.write(`${casePath}: no default-exported function\n`);
    process.exit(2);
  }

  let result;
  try {
    const app = new cdk.App();
    const stackName = mod.stackName ?? 'Stack';
    const stack = mod.env === undefined
      ? new cdk.Stack(app, stackName)
      : new cdk.Stack(app, stackName, { env: mod.env });
    await fn(stack, cdk, { app, constructs });
    const template = cdk.assertions.Template.fromStack(stack).toJSON();
    result = stripBootstrap(template);
  } catch (err) {
    const message = err && typeof err.message === 'string' ? err.message : String(err);
    result = { error: message };
  }
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}

main().catch((err) => {
  // Harness failure (bad case file, import error): not an expected output.
  process.stderr.write(String(err && err.stack || err) + '\n');
  process.exit(3);
});
