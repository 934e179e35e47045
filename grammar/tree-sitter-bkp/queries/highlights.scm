; Highlights for bkp.
;
; The patterns are written so that no two of them capture the same node
; (plain variables are captured only where a value is expected, and the
; builtin and non-builtin cases are split by predicates). The result is
; therefore the same whether an editor lets the first or the last matching
; pattern win.

(comment) @comment

; Keywords

[
  "let"
  "vault"
  "plan"
  "rule"
  "select"
  "role"
  "grant"
  "stack"
  "on"
] @keyword

[
  "import"
  "arn"
] @keyword.import

(boolean) @boolean

; Literals

(integer) @number

(duration) @number

(string) @string

(escape_sequence) @string.escape

(interpolation
  [
    "${"
    "}"
  ] @punctuation.special)

; Operators and punctuation

[
  "="
  "+"
  "*"
  "->"
] @operator

[
  ","
  "."
] @punctuation.delimiter

(record
  [
    "{"
    "}"
  ] @punctuation.bracket)

(list
  [
    "["
    "]"
  ] @punctuation.bracket)

(arguments
  [
    "("
    ")"
  ] @punctuation.bracket)

(parenthesized_expression
  [
    "("
    ")"
  ] @punctuation.bracket)

(plan_body
  [
    "<"
    ">"
  ] @punctuation.bracket)

; Presets are reserved words: plan presets and rule presets.

(preset) @constant.builtin

; Declarations

(let_declaration
  name: (identifier) @constant)

(vault_declaration
  name: (identifier) @type.definition)

(role_declaration
  name: (identifier) @type.definition)

(stack_declaration
  name: (identifier) @type.definition)

(plan_declaration
  name: (identifier) @type.definition)

(plan_declaration
  preset: (identifier) @type)

(rule
  name: (identifier) @function)

(selection
  name: (identifier) @function)

; References to vaults and roles

(vault_target
  name: (identifier) @type)

(grant_declaration
  role: (identifier) @type
  vault: (identifier) @type)

; Fields and arguments

(record_field
  key: (identifier) @property)

(plan_property
  key: (identifier) @property)

(keyword_argument
  name: (identifier) @variable.parameter)

(field_access
  field: (identifier) @property)

; Builtin functions and tagged records

(call
  function: (identifier) @function.builtin
  (#any-of? @function.builtin
    "cron" "kms_key" "sns_topic" "service_principal" "account_principal" "arn_principal"
    "ec2_instance" "efs_file_system" "rds_instance" "rds_cluster" "rds_serverless_cluster"
    "dynamodb_table" "arn" "tag" "tag_equals" "tag_like" "tag_not_equals" "tag_not_like"
    "allow" "deny"))

(call
  function: (identifier) @function.call
  (#not-any-of? @function.call
    "cron" "kms_key" "sns_topic" "service_principal" "account_principal" "arn_principal"
    "ec2_instance" "efs_file_system" "rds_instance" "rds_cluster" "rds_serverless_cluster"
    "dynamodb_table" "arn" "tag" "tag_equals" "tag_like" "tag_not_equals" "tag_not_like"
    "allow" "deny"))

(call
  function: (preset) @function.call)

(tagged_record
  tag: (identifier) @function.builtin
  (#any-of? @function.builtin "allow" "deny"))

(tagged_record
  tag: (identifier) @type
  (#not-any-of? @type "allow" "deny"))

; Names in value position: builtin constants (principals, removal policies,
; index resource types, notification events), or else a reference to a
; `let`, vault or role.

([
  (let_declaration
    value: (identifier) @constant.builtin)
  (record_field
    value: (identifier) @constant.builtin)
  (plan_property
    value: (identifier) @constant.builtin)
  (keyword_argument
    value: (identifier) @constant.builtin)
  (list
    item: (identifier) @constant.builtin)
  (arguments
    (identifier) @constant.builtin)
  (binary_expression
    left: (identifier) @constant.builtin)
  (binary_expression
    right: (identifier) @constant.builtin)
  (parenthesized_expression
    (identifier) @constant.builtin)
  (interpolation
    expression: (identifier) @constant.builtin)
  (field_access
    object: (identifier) @constant.builtin)
  (grant_declaration
    actions: (identifier) @constant.builtin)
  (import
    source: (identifier) @constant.builtin)
]
  (#match? @constant.builtin "^(any_principal|retain|destroy|retain_on_update_or_delete|ebs|s3|(backup|restore|copy)_job_(started|completed|successful|failed|expired)|recovery_point_modified|backup_plan_(created|modified)|s3_(backup|restore)_object_failed)$"))

([
  (let_declaration
    value: (identifier) @variable)
  (record_field
    value: (identifier) @variable)
  (plan_property
    value: (identifier) @variable)
  (keyword_argument
    value: (identifier) @variable)
  (list
    item: (identifier) @variable)
  (arguments
    (identifier) @variable)
  (binary_expression
    left: (identifier) @variable)
  (binary_expression
    right: (identifier) @variable)
  (parenthesized_expression
    (identifier) @variable)
  (interpolation
    expression: (identifier) @variable)
  (field_access
    object: (identifier) @variable)
  (grant_declaration
    actions: (identifier) @variable)
  (import
    source: (identifier) @variable)
]
  (#not-match? @variable "^(any_principal|retain|destroy|retain_on_update_or_delete|ebs|s3|(backup|restore|copy)_job_(started|completed|successful|failed|expired)|recovery_point_modified|backup_plan_(created|modified)|s3_(backup|restore)_object_failed)$"))
