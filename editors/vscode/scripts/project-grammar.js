// Where the project's grammar folder is, seen from this extension: in the
// repository it is ../../grammar; when the extension folder is copied next to
// a copy of grammar/ (as some packaging jobs do) it is ../grammar.
"use strict";
const fs = require("fs");
const path = require("path");

const extensionDir = path.resolve(__dirname, "..");

function projectGrammarDir() {
  for (const rel of ["../../grammar", "../grammar"]) {
    const dir = path.resolve(extensionDir, rel);
    if (fs.existsSync(path.join(dir, "bkp.tmLanguage.json"))) {
      return dir;
    }
  }
  return undefined;
}

module.exports = { extensionDir, projectGrammarDir };
