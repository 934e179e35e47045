/**
 * @file Tree-sitter grammar for the bkp language (AWS Backup policy).
 * @license MIT OR Apache-2.0
 *
 * Newlines separate items in the real language. Here they are plain
 * whitespace (extras) and commas are optional, so this grammar accepts a
 * superset of valid programs: it exists for highlighting, folding and
 * structural editing, while the project's own parser stays the authority on
 * what is valid.
 */

/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

const PLAN_PRESETS = [
  'daily35',
  'daily35_day_retention',
  'daily_monthly1_year',
  'daily_monthly1_year_retention',
  'daily_weekly_monthly5_year',
  'daily_weekly_monthly5_year_retention',
  'daily_weekly_monthly7_year',
  'daily_weekly_monthly7_year_retention',
];

const RULE_PRESETS = ['daily', 'weekly', 'monthly1_year', 'monthly5_year', 'monthly7_year'];

// Words that are keywords elsewhere but may be used as record keys
// (`role = ops` inside a selection) and as keyword-argument names.
const KEYWORDS = ['vault', 'plan', 'rule', 'select', 'role', 'grant', 'let', 'import', 'arn', 'on', 'to', 'stack'];

const PREC = {
  add: 1,
  mul: 2,
  call: 3,
  field: 4,
};

/**
 * Items of a block: each item may be followed by a comma.
 * @param {RuleOrLiteral} rule
 */
function items(rule) {
  return repeat(seq(rule, optional(',')));
}

module.exports = grammar({
  name: 'bkp',

  extras: $ => [/\s/, $.comment],

  word: $ => $.identifier,

  supertypes: $ => [$._declaration, $._expression, $._plan_item],

  // `import arn ("x")` reads `arn` as the keyword; `import arn("x")` as well.
  conflicts: $ => [[$.arguments, $.parenthesized_expression]],

  rules: {
    source_file: $ => repeat($._declaration),

    _declaration: $ => choice(
      $.let_declaration,
      $.vault_declaration,
      $.role_declaration,
      $.grant_declaration,
      $.stack_declaration,
      $.plan_declaration,
    ),

    // let NAME = EXPR
    let_declaration: $ => seq('let', field('name', $.identifier), '=', field('value', $._expression)),

    // vault NAME RECORD? | vault NAME = import STRING | vault NAME = import arn STRING
    vault_declaration: $ => seq(
      'vault',
      field('name', $.identifier),
      optional(choice(field('body', $.record), $._import)),
    ),

    // role NAME RECORD | role NAME = import STRING
    role_declaration: $ => seq(
      'role',
      field('name', $.identifier),
      choice(field('body', $.record), $._import),
    ),

    _import: $ => seq('=', field('import', $.import)),

    import: $ => seq('import', optional(field('arn', 'arn')), field('source', $._expression)),

    // grant ROLE EXPR on VAULT
    grant_declaration: $ => seq(
      'grant',
      field('role', $.identifier),
      field('actions', $._expression),
      'on',
      field('vault', $.identifier),
    ),

    // stack NAME RECORD?
    stack_declaration: $ => seq('stack', field('name', $.identifier), optional(field('body', $.record))),

    // plan NAME? (= PRESET)? (-> vault VAULT)? (< ITEMS >)?
    // NAME may itself be a preset: `plan daily35 < ... >` is an unnamed plan.
    plan_declaration: $ => seq(
      'plan',
      optional(choice(field('name', $.identifier), field('preset', $.preset))),
      optional(seq('=', field('preset', choice($.preset, $.identifier)))),
      optional(field('vault', $.vault_target)),
      optional(field('body', $.plan_body)),
    ),

    // -> vault VAULT
    vault_target: $ => seq('->', 'vault', field('name', $.identifier)),

    plan_body: $ => seq('<', items($._plan_item), '>'),

    _plan_item: $ => choice($.plan_property, $.rule, $.selection),

    // IDENT = EXPR
    plan_property: $ => seq(field('key', $._key), '=', field('value', $._expression)),

    // rule PRESET (-> vault V)? RECORD?  |  rule IDENT? (-> vault V)? RECORD
    rule: $ => prec.right(seq(
      'rule',
      optional(choice(field('preset', $.preset), field('name', $.identifier))),
      optional(field('vault', $.vault_target)),
      optional(field('body', $.record)),
    )),

    // select IDENT RECORD (name and body are optional here; the checker asks for them)
    selection: $ => prec.right(seq(
      'select',
      optional(field('name', $.identifier)),
      optional(field('body', $.record)),
    )),

    preset: _ => choice(...PLAN_PRESETS, ...RULE_PRESETS),

    // ---------------------------------------------------------------- expressions

    _expression: $ => choice(
      $.integer,
      $.duration,
      $.string,
      $.boolean,
      $.identifier,
      $.preset,
      $.list,
      $.record,
      $.tagged_record,
      $.call,
      $.field_access,
      $.binary_expression,
      $.parenthesized_expression,
    ),

    list: $ => seq('[', items(field('item', $._expression)), ']'),

    record: $ => seq('{', items($.record_field), '}'),

    record_field: $ => seq(field('key', $._key), '=', field('value', $._expression)),

    _key: $ => choice($.identifier, $.preset, $.string, alias(choice(...KEYWORDS), $.identifier)),

    // deny { ... }
    tagged_record: $ => prec(PREC.call, seq(field('tag', choice($.identifier, $.preset)), field('body', $.record))),

    // f(x, key = y); `arn` is a keyword and a builtin function.
    call: $ => prec(PREC.call, seq(
      field('function', choice($.identifier, $.preset, alias('arn', $.identifier))),
      field('arguments', $.arguments),
    )),

    arguments: $ => seq('(', items(choice($.keyword_argument, $._expression)), ')'),

    keyword_argument: $ => seq(field('name', $._key), '=', field('value', $._expression)),

    field_access: $ => prec(PREC.field, seq(field('object', $._expression), '.', field('field', $.identifier))),

    binary_expression: $ => choice(
      prec.left(PREC.add, seq(field('left', $._expression), field('operator', '+'), field('right', $._expression))),
      prec.left(PREC.mul, seq(field('left', $._expression), field('operator', '*'), field('right', $._expression))),
    ),

    parenthesized_expression: $ => seq('(', $._expression, ')'),

    // ---------------------------------------------------------------- tokens

    identifier: _ => /[A-Za-z_][A-Za-z0-9_]*/,

    integer: _ => /[0-9]+/,

    // An integer immediately followed by a unit: 30min 2h 35d 2w 5y.
    duration: _ => token(seq(/[0-9]+/, choice('min', 'h', 'd', 'w', 'y'))),

    boolean: _ => choice('true', 'false'),

    string: $ => seq(
      '"',
      repeat(choice(
        $.string_content,
        $.escape_sequence,
        $.interpolation,
      )),
      token.immediate('"'),
    ),

    // Strings end at the end of their line. Precedence keeps `#` and
    // whitespace inside strings from being read as a comment or skipped. A
    // `$` not followed by `{` is literal text: it has the same precedence as
    // `${`, so the longer match wins.
    string_content: _ => choice(
      token.immediate(prec(1, /[^"\\$\r\n]+/)),
      token.immediate(prec(1, '$')),
    ),

    // Valid escapes are \" \\ \n \t \$ and \u{XXXX}; any other backslash pair
    // is still one escape node here (the checker reports it), so a typo in
    // one string does not break the tree around it.
    escape_sequence: _ => token.immediate(prec(1, choice(
      /\\u\{[0-9A-Fa-f]*\}?/,
      /\\[^\r\n]/,
    ))),

    interpolation: $ => seq(token.immediate(prec(1, '${')), field('expression', $._expression), '}'),

    comment: _ => token(seq('#', /.*/)),
  },
});
