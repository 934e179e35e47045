; Indentation (nvim-treesitter capture names): blocks indent their items,
; closing delimiters return to the block's own level.

[
  (record)
  (list)
  (plan_body)
  (arguments)
  (parenthesized_expression)
] @indent.begin

[
  "}"
  "]"
  ">"
  ")"
] @indent.branch @indent.end

(comment) @indent.auto
