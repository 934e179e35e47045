#!/usr/bin/env node
// Copies the project's TextMate grammar (grammar/bkp.tmLanguage.json, the one
// source of truth) into syntaxes/ so the extension can be packaged from this
// folder alone. The copy is committed too: when the project grammar is not
// around, the committed copy is packaged as is.
"use strict";
const fs = require("fs");
const path = require("path");
const { extensionDir, projectGrammarDir } = require("./project-grammar");

const target = path.join(extensionDir, "syntaxes", "bkp.tmLanguage.json");
const dir = projectGrammarDir();
if (dir === undefined) {
  if (!fs.existsSync(target)) {
    console.error("sync-grammar: no project grammar found and no syntaxes/bkp.tmLanguage.json");
    process.exit(1);
  }
  console.log("sync-grammar: project grammar not found; keeping syntaxes/bkp.tmLanguage.json");
  process.exit(0);
}
const text = fs.readFileSync(path.join(dir, "bkp.tmLanguage.json"), "utf8");
JSON.parse(text); // refuse to ship a grammar that is not valid JSON
if (fs.existsSync(target) && fs.readFileSync(target, "utf8") === text) {
  console.log("sync-grammar: syntaxes/bkp.tmLanguage.json is up to date");
} else {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  console.log("sync-grammar: updated syntaxes/bkp.tmLanguage.json");
}
