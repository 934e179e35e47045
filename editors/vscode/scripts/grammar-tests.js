#!/usr/bin/env node
// Runs the annotated TextMate grammar tests (grammar/tests/*.bkp) against the
// grammar this extension ships (syntaxes/, as declared in package.json).
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { extensionDir, projectGrammarDir } = require("./project-grammar");

const dir = projectGrammarDir();
const testsDir = dir && path.join(dir, "tests");
if (!testsDir || !fs.existsSync(testsDir) || !fs.readdirSync(testsDir).some((f) => f.endsWith(".bkp"))) {
  console.error("grammar-tests: no grammar/tests/*.bkp found next to the extension");
  process.exit(1);
}
const bin = require.resolve("vscode-tmgrammar-test/dist/unit.js", { paths: [extensionDir] });
const glob = path.relative(extensionDir, path.join(testsDir, "*.bkp")).split(path.sep).join("/");
const run = spawnSync(process.execPath, [bin, "--config", "package.json", glob], {
  cwd: extensionDir,
  stdio: "inherit",
});
process.exit(run.status ?? 1);
