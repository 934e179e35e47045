// Activates the bundled extension against a stand-in for the `vscode` module:
// with no bkp executable it must say which setting to fix, and it must
// register the restart command either way.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const Module = require("module");
const path = require("path");

function fakeVscode(serverPath) {
  const calls = { errors: [], commands: [], executed: [], output: [] };
  const disposable = { dispose() {} };
  // Anything the client library touches at load time but this test does not
  // care about resolves to an inert function-object.
  const inert = () =>
    new Proxy(function () {}, {
      get: (_t, key) => (key === "then" ? undefined : inert()),
      construct: () => inert(),
      apply: () => inert(),
    });
  const api = {
    window: {
      createOutputChannel: () => ({ appendLine: (l) => calls.output.push(l), dispose() {} }),
      showErrorMessage: async (message, ...items) => {
        calls.errors.push({ message, items });
        return undefined;
      },
    },
    commands: {
      registerCommand: (id) => {
        calls.commands.push(id);
        return disposable;
      },
      executeCommand: async (...args) => calls.executed.push(args),
    },
    workspace: {
      getConfiguration: () => ({ get: (key, dflt) => (key === "bkp.server.path" ? serverPath : dflt) }),
      onDidChangeConfiguration: () => disposable,
      workspaceFolders: undefined,
    },
  };
  const vscode = new Proxy(api, { get: (t, key) => (key in t ? t[key] : inert()) });
  return { vscode, calls };
}

function loadExtension(vscode) {
  const bundle = path.join(__dirname, "..", "out", "extension.js");
  delete require.cache[bundle];
  const original = Module._load;
  Module._load = function (request, ...rest) {
    return request === "vscode" ? vscode : original.call(this, request, ...rest);
  };
  try {
    return require(bundle);
  } finally {
    Module._load = original;
  }
}

test("a missing server names bkp.server.path and offers to open it", async () => {
  const { vscode, calls } = fakeVscode("/nonexistent/dir/bkp");
  const ext = loadExtension(vscode);
  await ext.activate({ subscriptions: [] });
  assert.ok(calls.commands.includes("bkp.restartServer"));
  assert.equal(calls.errors.length, 1);
  const { message, items } = calls.errors[0];
  assert.match(message, /"\/nonexistent\/dir\/bkp"/);
  assert.match(message, /bkp\.server\.path/);
  assert.ok(items.includes("Open Settings"));
  assert.ok(calls.output.some((l) => l.includes("bkp.server.path")));
  await ext.deactivate();
});
