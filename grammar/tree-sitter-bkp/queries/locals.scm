; Declarations are top level and order-independent: the whole file is one scope.

(source_file) @local.scope

(let_declaration
  name: (identifier) @local.definition)

(vault_declaration
  name: (identifier) @local.definition)

(role_declaration
  name: (identifier) @local.definition)

(plan_declaration
  name: (identifier) @local.definition)

(stack_declaration
  name: (identifier) @local.definition)

; Vault and role references, and names in value position.

(vault_target
  name: (identifier) @local.reference)

(grant_declaration
  role: (identifier) @local.reference
  vault: (identifier) @local.reference)

[
  (let_declaration
    value: (identifier) @local.reference)
  (record_field
    value: (identifier) @local.reference)
  (plan_property
    value: (identifier) @local.reference)
  (keyword_argument
    value: (identifier) @local.reference)
  (list
    item: (identifier) @local.reference)
  (arguments
    (identifier) @local.reference)
  (binary_expression
    left: (identifier) @local.reference)
  (binary_expression
    right: (identifier) @local.reference)
  (parenthesized_expression
    (identifier) @local.reference)
  (interpolation
    expression: (identifier) @local.reference)
  (field_access
    object: (identifier) @local.reference)
  (grant_declaration
    actions: (identifier) @local.reference)
]
