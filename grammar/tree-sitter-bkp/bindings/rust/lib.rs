//! Tree-sitter grammar for bkp, the language describing AWS Backup policy.
//!
//! The parser is generated from `grammar.js` by `tree-sitter generate`; the
//! generated C source is committed, so this crate builds without the
//! tree-sitter CLI. The grammar is deliberately more permissive than the
//! project's own parser (newlines are whitespace, commas optional): it serves
//! editors — highlighting, folding, structural selection — not validation.
//!
//! ```
//! let mut parser = tree_sitter::Parser::new();
//! parser.set_language(&tree_sitter_bkp::LANGUAGE.into()).expect("load bkp grammar");
//! let tree = parser.parse("plan daily35 < rule monthly1_year -> vault other >\n", None).unwrap();
//! assert!(!tree.root_node().has_error());
//! ```

use tree_sitter_language::LanguageFn;

unsafe extern "C" {
    fn tree_sitter_bkp() -> *const ();
}

/// The tree-sitter [`LanguageFn`] for bkp.
pub const LANGUAGE: LanguageFn = unsafe { LanguageFn::from_raw(tree_sitter_bkp) };

/// The content of `src/node-types.json`: the node kinds and their fields.
pub const NODE_TYPES: &str = include_str!("../../src/node-types.json");

/// Syntax highlighting query (nvim-treesitter capture names).
pub const HIGHLIGHTS_QUERY: &str = include_str!("../../queries/highlights.scm");

/// Local definitions and references: declarations are file-wide.
pub const LOCALS_QUERY: &str = include_str!("../../queries/locals.scm");

/// Foldable blocks: records, lists, plan bodies and argument lists.
pub const FOLDS_QUERY: &str = include_str!("../../queries/folds.scm");

/// Indentation query (nvim-treesitter capture names).
pub const INDENTS_QUERY: &str = include_str!("../../queries/indents.scm");

#[cfg(test)]
mod tests {
    use super::*;

    fn language() -> tree_sitter::Language {
        LANGUAGE.into()
    }

    #[test]
    fn loads_into_a_parser() {
        let mut parser = tree_sitter::Parser::new();
        parser
            .set_language(&language())
            .expect("the generated parser's ABI matches the tree-sitter crate");
    }

    #[test]
    fn queries_compile() {
        for (name, source) in [
            ("highlights", HIGHLIGHTS_QUERY),
            ("locals", LOCALS_QUERY),
            ("folds", FOLDS_QUERY),
            ("indents", INDENTS_QUERY),
        ] {
            if let Err(e) = tree_sitter::Query::new(&language(), source) {
                panic!("queries/{name}.scm does not compile: {e}");
            }
        }
    }

    #[test]
    fn node_types_is_json_listing_the_declarations() {
        for kind in [
            "vault_declaration",
            "plan_declaration",
            "rule",
            "selection",
            "interpolation",
        ] {
            assert!(
                NODE_TYPES.contains(&format!("\"type\": \"{kind}\"")),
                "{kind} missing from node-types.json"
            );
        }
    }

    /// The highlight query gives each token kind its capture; checked on a
    /// small program so a grammar rename cannot silently drop highlighting.
    #[test]
    fn highlight_query_captures_each_token_kind() {
        use tree_sitter::StreamingIterator;
        let src = r#"# comment
let n = 35d + 2 * 1h
vault main { removal_policy = retain, encryption_key = kms_key("k") }
plan Custom = daily35 -> vault main <
  windows_vss = true
  rule weekly
  rule Nightly { schedule = cron(minute = "3${n}\t"), delete_after = n }
>
"#;
        let mut parser = tree_sitter::Parser::new();
        parser.set_language(&language()).unwrap();
        let tree = parser.parse(src, None).unwrap();
        assert!(
            !tree.root_node().has_error(),
            "{}",
            tree.root_node().to_sexp()
        );
        let query = tree_sitter::Query::new(&language(), HIGHLIGHTS_QUERY).unwrap();
        let mut cursor = tree_sitter::QueryCursor::new();
        let mut seen: Vec<(String, String)> = Vec::new();
        let mut matches = cursor.matches(&query, tree.root_node(), src.as_bytes());
        while let Some(m) = matches.next() {
            for c in m.captures() {
                let name = query.capture_names()[c.index as usize].to_string();
                let text = c.node.utf8_text(src.as_bytes()).unwrap().to_string();
                seen.push((text, name));
            }
        }
        let has = |text: &str, capture: &str| seen.iter().any(|(t, c)| t == text && c == capture);
        for (text, capture) in [
            ("# comment", "comment"),
            ("let", "keyword"),
            ("n", "constant"),
            ("35d", "number"),
            ("2", "number"),
            ("+", "operator"),
            ("main", "type.definition"),
            ("removal_policy", "property"),
            ("retain", "constant.builtin"),
            ("kms_key", "function.builtin"),
            ("Custom", "type.definition"),
            ("daily35", "constant.builtin"),
            ("->", "operator"),
            ("<", "punctuation.bracket"),
            ("true", "boolean"),
            ("weekly", "constant.builtin"),
            ("Nightly", "function"),
            ("minute", "variable.parameter"),
            ("\\t", "string.escape"),
            ("${", "punctuation.special"),
            ("n", "variable"),
        ] {
            assert!(
                has(text, capture),
                "`{text}` is not captured as @{capture}; captures: {seen:?}"
            );
        }
    }
}
