#!/usr/bin/env bash
# Installs the bkp tree-sitter queries for Helix into its runtime folder
# (default ~/.config/helix/runtime; pass another folder as $1).
#
# grammar/tree-sitter-bkp/queries uses nvim-treesitter capture names; Helix
# themes use their own scopes, so the highlight captures are renamed here and
# indentation gets Helix's @indent/@outdent form.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
queries="$here/../../grammar/tree-sitter-bkp/queries"
runtime=${1:-${XDG_CONFIG_HOME:-$HOME/.config}/helix/runtime}
dest="$runtime/queries/bkp"
mkdir -p "$dest"

# nvim-treesitter capture -> Helix scope
sed -E \
  -e 's/@number\b/@constant.numeric/g' \
  -e 's/@boolean\b/@constant.builtin.boolean/g' \
  -e 's/@string\.escape\b/@constant.character.escape/g' \
  -e 's/@keyword\.import\b/@keyword.control.import/g' \
  -e 's/@type\.definition\b/@type/g' \
  -e 's/@function\.call\b/@function/g' \
  -e 's/@property\b/@variable.other.member/g' \
  "$queries/highlights.scm" >"$dest/highlights.scm"
cp "$queries/locals.scm" "$dest/locals.scm"

cat >"$dest/indents.scm" <<'SCM'
[
  (record)
  (list)
  (plan_body)
  (arguments)
  (parenthesized_expression)
] @indent

[
  "}"
  "]"
  ">"
  ")"
] @outdent
SCM

cat >"$dest/textobjects.scm" <<'SCM'
(comment) @comment.inside
(comment)+ @comment.around

(record_field
  value: (_) @parameter.inside) @parameter.around

(keyword_argument
  value: (_) @parameter.inside) @parameter.around

[
  (rule)
  (selection)
] @function.around

(rule
  body: (record) @function.inside)

(selection
  body: (record) @function.inside)

[
  (vault_declaration)
  (role_declaration)
  (plan_declaration)
  (stack_declaration)
] @class.around

(plan_declaration
  body: (plan_body) @class.inside)
SCM

echo "installed bkp queries into $dest"
