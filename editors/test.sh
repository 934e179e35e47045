#!/usr/bin/env bash
# Tests of the editor integrations: the VS Code extension (manifest, unit and
# activation tests, the annotated TextMate grammar tests, packaging into a
# .vsix); when the tree-sitter CLI is installed, the tree-sitter grammar's
# corpus, the freshness of its committed generated files and the Helix
# queries; when Neovim 0.11+ is installed (`nvim`, or $BKP_NVIM), the Neovim
# setup in a headless session.
# The tree-sitter crate's own tests run with the workspace (cargo test).
# Exits non-zero on any failure; skips with a message what the machine lacks.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
skipped=0

step() { # step NAME COMMAND...: runs one check, logging its output
  local name=$1
  shift
  echo "== $name"
  if "$@"; then
    passed=$((passed + 1))
  else
    echo "FAILED: $name"
    failed=$((failed + 1))
  fi
}

skip() {
  echo "== $1: skipped ($2)"
  skipped=$((skipped + 1))
}

vscode_install() {
  cd "$here/vscode" || return 1
  # A fresh checkout always installs; a developer's up-to-date node_modules is reused.
  if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
    echo "node_modules is up to date"
  else
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

vscode_test() {
  cd "$here/vscode" && npm test
}

vscode_package() {
  cd "$here/vscode" || return 1
  npx --no-install vsce package --allow-missing-repository --skip-license -o "$tmp/bkp.vsix" || return 1
  local listing
  listing=$(unzip -l "$tmp/bkp.vsix") || return 1
  for f in extension/package.json extension/dist/extension.js extension/syntaxes/bkp.tmLanguage.json \
    extension/snippets/bkp.json extension/language-configuration.json; do
    grep -q " $f\$" <<<"$listing" || { echo "$f missing from the vsix"; return 1; }
  done
  if grep -q -E ' extension/(node_modules|src|test|scripts)/' <<<"$listing"; then
    echo "the vsix ships development files:"
    echo "$listing"
    return 1
  fi
}

tree_sitter_generated() {
  # Regenerate in a copy and compare: grammar.js edited without `tree-sitter generate`?
  cp -r "$root/grammar/tree-sitter-bkp" "$tmp/ts" || return 1
  (cd "$tmp/ts" && tree-sitter generate) || return 1
  local ok=0
  for f in grammar.json node-types.json; do
    if ! cmp -s "$root/grammar/tree-sitter-bkp/src/$f" "$tmp/ts/src/$f"; then
      echo "src/$f is stale: run tree-sitter generate in grammar/tree-sitter-bkp and commit src/"
      ok=1
    fi
  done
  return $ok
}

tree_sitter_corpus() {
  cd "$root/grammar/tree-sitter-bkp" && tree-sitter test
}

helix_queries() {
  "$here/helix/install-queries.sh" "$tmp/helix" || return 1
  local q
  for q in "$tmp"/helix/queries/bkp/*.scm; do
    (cd "$root/grammar/tree-sitter-bkp" && tree-sitter query "$q" samples/language_sketch.bkp >/dev/null) ||
      { echo "$q does not compile"; return 1; }
  done
}

neovim_setup() {
  mkdir -p "$tmp/nvim" &&
    XDG_STATE_HOME="$tmp/nvim" XDG_CACHE_HOME="$tmp/nvim" timeout 120 "$nvim" --headless -u NONE -i NONE -n \
      -l "$here/neovim/test/test.lua" "$tmp/nvim" </dev/null
}

if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  step "vscode: npm ci" vscode_install
  if [ "$failed" -eq 0 ]; then
    step "vscode: npm test (manifest, unit, TextMate grammar)" vscode_test
    step "vscode: vsce package" vscode_package
  fi
else
  skip "vscode extension and TextMate grammar tests" "node and npm are not installed"
fi

if command -v tree-sitter >/dev/null 2>&1; then
  step "tree-sitter: committed src/ matches grammar.js" tree_sitter_generated
  step "tree-sitter: corpus" tree_sitter_corpus
  step "helix: generated queries compile" helix_queries
else
  skip "tree-sitter corpus and Helix queries" "the tree-sitter CLI is not installed (cargo install tree-sitter-cli --locked)"
fi

nvim=${BKP_NVIM:-nvim}
if ! command -v "$nvim" >/dev/null 2>&1; then
  skip "neovim setup" "Neovim 0.11+ is not installed"
elif [ "$("$nvim" --headless -u NONE -i NONE -n +'lua io.stdout:write(vim.fn.has("nvim-0.11"))' +'qall!' </dev/null 2>/dev/null)" != 1 ]; then
  skip "neovim setup" "$nvim is older than 0.11"
else
  step "neovim: filetype, language server, tree-sitter (headless)" neovim_setup
fi

echo "editors: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
