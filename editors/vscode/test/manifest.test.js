// Checks that the manifest declares what the extension promises: the bkp
// language and its configuration, the TextMate grammar, snippets, settings,
// the restart command and a bundle that starts `bkp lsp`.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const path = require("path");
const { extensionDir, projectGrammarDir } = require("../scripts/project-grammar");

const pkg = require("../package.json");
const contributes = pkg.contributes;
const read = (rel) => fs.readFileSync(path.join(extensionDir, rel), "utf8");

test("identity", () => {
  assert.equal(pkg.name, "bkp");
  assert.equal(pkg.publisher, "bkp-lang");
  assert.match(pkg.engines.vscode, /^\^1\.\d+\.\d+$/);
  assert.equal(pkg.main, "./dist/extension.js");
  assert.ok(pkg.activationEvents.includes("onLanguage:bkp"));
});

test("declares the bkp language with its configuration", () => {
  const lang = contributes.languages.find((l) => l.id === "bkp");
  assert.ok(lang, "no bkp language");
  assert.deepEqual(lang.extensions, [".bkp"]);
  assert.ok(lang.aliases.length > 0);
  const config = JSON.parse(read(lang.configuration));
  assert.equal(config.comments.lineComment, "#");
  const pairs = (list) => list.map((p) => (Array.isArray(p) ? p.join("") : p.open + p.close));
  for (const pair of ["{}", "[]", "()", "<>"]) {
    assert.ok(pairs(config.brackets).includes(pair), `brackets lack ${pair}`);
    assert.ok(pairs(config.autoClosingPairs).includes(pair), `autoClosingPairs lack ${pair}`);
  }
  assert.ok(pairs(config.autoClosingPairs).includes('""'));
  const increase = new RegExp(config.indentationRules.increaseIndentPattern);
  const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
  assert.ok(increase.test("vault main {"));
  assert.ok(increase.test("plan P = daily35 -> vault main <  # comment"));
  assert.ok(!increase.test('let s = "{"'));
  assert.ok(decrease.test("  >"));
  assert.ok(new RegExp(config.folding.markers.start).test("# region vaults"));
});

test("ships the TextMate grammar, in sync with the project's", () => {
  const grammar = contributes.grammars.find((g) => g.language === "bkp");
  assert.ok(grammar, "no grammar for bkp");
  assert.equal(grammar.scopeName, "source.bkp");
  const shipped = read(grammar.path);
  assert.equal(JSON.parse(shipped).scopeName, "source.bkp");
  const dir = projectGrammarDir();
  if (dir !== undefined) {
    const source = fs.readFileSync(path.join(dir, "bkp.tmLanguage.json"), "utf8");
    assert.equal(shipped, source, "syntaxes/ is stale: run `npm run sync-grammar`");
  }
});

test("snippets cover the common declarations", () => {
  const entry = contributes.snippets.find((s) => s.language === "bkp");
  const snippets = JSON.parse(read(entry.path));
  const prefixes = Object.values(snippets).map((s) => s.prefix);
  for (const p of ["vault", "plan", "rule", "select", "grant", "lock"]) {
    assert.ok(prefixes.includes(p), `no snippet with prefix ${p}`);
  }
  for (const [name, s] of Object.entries(snippets)) {
    assert.ok(s.description, `snippet ${name} has no description`);
    assert.ok([].concat(s.body).join("\n").includes("$"), `snippet ${name} has no placeholder`);
  }
});

test("settings and the restart command", () => {
  const props = contributes.configuration.properties;
  assert.equal(props["bkp.server.path"].default, "bkp");
  assert.match(props["bkp.server.path"].markdownDescription, /\blsp\b/);
  assert.deepEqual(props["bkp.trace.server"].enum, ["off", "messages", "verbose"]);
  assert.ok(contributes.commands.some((c) => c.command === "bkp.restartServer"));
});

test("the extension starts `bkp lsp` and registers the restart command", () => {
  const server = require("../out/server.js");
  assert.deepEqual(server.SERVER_ARGS, ["lsp"]);
  assert.equal(server.SERVER_PATH_SETTING, "bkp.server.path");
  const source = read("src/extension.ts");
  assert.ok(source.includes("SERVER_ARGS"));
  assert.ok(source.includes('"bkp.restartServer"'));
  assert.ok(source.includes("createDefaultErrorHandler"));
});

test("packaging builds the bundle and ships only what the extension needs", () => {
  assert.match(pkg.scripts["vscode:prepublish"], /esbuild .*--outfile=dist\/extension\.js/);
  assert.match(pkg.scripts["vscode:prepublish"], /--external:vscode/);
  assert.ok(pkg.devDependencies["@vscode/vsce"], "vsce is a devDependency");
  const ignore = read(".vscodeignore").split("\n");
  assert.equal(ignore[0], "**");
  for (const kept of ["!dist/extension.js", "!syntaxes/**", "!snippets/**", "!language-configuration.json", "!README.md"]) {
    assert.ok(ignore.includes(kept), `.vscodeignore does not keep ${kept}`);
  }
});
