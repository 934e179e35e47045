// Unit tests of the executable lookup (src/server.ts, bundled to out/ first).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { expandServerPath, findExecutable, missingServerMessage } = require("../out/server.js");

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "bkp-ext-"));
}

test("expandServerPath: default, home and workspace folder", () => {
  const ctx = { home: "/home/u", workspaceFolder: "/ws" };
  assert.equal(expandServerPath("", ctx), "bkp");
  assert.equal(expandServerPath(undefined, ctx), "bkp");
  assert.equal(expandServerPath("  bkp  ", ctx), "bkp");
  assert.equal(expandServerPath("~/bin/bkp", ctx), path.join("/home/u", "bin/bkp"));
  assert.equal(expandServerPath("${workspaceFolder}/target/release/bkp", ctx), "/ws/target/release/bkp");
  assert.equal(expandServerPath("${workspaceFolder}/bkp", { home: "/h" }), "${workspaceFolder}/bkp");
});

test("findExecutable: a bare name is looked up on PATH", { skip: process.platform === "win32" }, () => {
  const a = tempDir();
  const b = tempDir();
  const exe = path.join(b, "bkp");
  fs.writeFileSync(exe, "#!/bin/sh\n");
  fs.chmodSync(exe, 0o755);
  fs.writeFileSync(path.join(a, "bkp"), "not executable");
  fs.chmodSync(path.join(a, "bkp"), 0o644);
  assert.equal(findExecutable("bkp", { PATH: `${a}:${b}` }, "linux"), exe);
  assert.equal(findExecutable("bkp", { PATH: a }, "linux"), undefined);
  assert.equal(findExecutable("bkp", {}, "linux"), undefined);
});

test("findExecutable: a path is checked as is", { skip: process.platform === "win32" }, () => {
  const dir = tempDir();
  const exe = path.join(dir, "bkp");
  fs.writeFileSync(exe, "#!/bin/sh\n");
  fs.chmodSync(exe, 0o755);
  assert.equal(findExecutable(exe, { PATH: "" }, "linux"), exe);
  assert.equal(findExecutable(path.join(dir, "missing"), { PATH: dir }, "linux"), undefined);
  assert.equal(findExecutable(dir, { PATH: "" }, "linux"), undefined, "a directory is not an executable");
});

test("findExecutable: PATHEXT on Windows", () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, "bkp.EXE"), "");
  assert.equal(findExecutable("bkp", { Path: dir, PATHEXT: ".COM;.EXE" }, "win32"), path.join(dir, "bkp.EXE"));
});

test("the missing-binary message names the setting", () => {
  const message = missingServerMessage("/opt/bkp");
  assert.match(message, /"\/opt\/bkp"/);
  assert.match(message, /bkp\.server\.path/);
});
