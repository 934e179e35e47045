//! Go to definition, references and rename, over the checker's definitions
//! and references (vaults, roles, lets, plans, rules, selections).

use bkp_diagnostics::{Edit, Span};
use bkp_driver::Analysis;
use bkp_sema::{DefKind, schema};
use bkp_syntax::lexer::{self, TokenKind};

/// The span of the name that the symbol at `offset` is defined by.
pub fn goto_definition(a: &Analysis, offset: usize) -> Option<Span> {
    let def = a.sema.def_at(offset)?;
    let d = &a.sema.defs[def];
    Some(if d.written { d.name_span } else { d.span })
}

/// Every span naming the symbol at `offset`, its declaration first when asked for.
pub fn references(a: &Analysis, offset: usize, include_declaration: bool) -> Vec<Span> {
    let Some(def) = a.sema.def_at(offset) else {
        return Vec::new();
    };
    let d = &a.sema.defs[def];
    let mut out = a.sema.occurrences(def);
    if !include_declaration && d.written {
        out.retain(|s| *s != d.name_span);
    }
    out.sort();
    out.dedup();
    out
}

/// The span to rename at `offset`, or why it cannot be renamed.
pub fn prepare_rename(a: &Analysis, offset: usize) -> Result<Span, String> {
    let def = a
        .sema
        .def_at(offset)
        .ok_or_else(|| "no vault, role, let, plan, rule or selection here".to_string())?;
    let d = &a.sema.defs[def];
    if !d.written {
        return Err(format!(
            "`{}` is derived from a preset; give the {} a name first",
            d.name,
            d.kind.noun()
        ));
    }
    if d.kind == DefKind::Stack {
        return Err("the stack's name is not a reference; edit it in place".into());
    }
    a.sema
        .occurrences(def)
        .into_iter()
        .find(|s| s.touches(offset))
        .ok_or_else(|| "no name here".to_string())
}

/// The edits renaming the symbol at `offset` to `new_name`.
pub fn rename(a: &Analysis, offset: usize, new_name: &str) -> Result<Vec<Edit>, String> {
    prepare_rename(a, offset)?;
    let def = a.sema.def_at(offset).expect("prepare_rename found it");
    let d = &a.sema.defs[def];
    check_identifier(new_name)?;
    if new_name == d.name {
        return Ok(Vec::new());
    }
    let clash = a.sema.defs.iter().find(|o| {
        o.name == new_name
            && match d.parent {
                // Rules and selections are unique within their plan.
                Some(p) => o.parent == Some(p),
                None => o.parent.is_none(),
            }
    });
    if let Some(o) = clash {
        return Err(format!("a {} is already named `{new_name}`", o.kind.noun()));
    }
    if d.parent.is_none()
        && (schema::builtin(new_name).is_some() || schema::constant(new_name).is_some())
    {
        return Err(format!(
            "`{new_name}` is a builtin: the new name would hide it"
        ));
    }
    let mut edits: Vec<Edit> = a
        .sema
        .occurrences(def)
        .into_iter()
        .map(|span| Edit {
            span,
            text: new_name.to_string(),
        })
        .collect();
    edits.sort_by_key(|e| e.span);
    edits.dedup_by_key(|e| e.span);
    Ok(edits)
}

/// Whether `name` can name a declaration: one identifier, not a reserved word.
pub(crate) fn check_identifier(name: &str) -> Result<(), String> {
    let (tokens, diags) = lexer::lex(name);
    match tokens.as_slice() {
        [t] if diags.is_empty() && t.span.len() == name.len() => match t.kind {
            TokenKind::Ident => Ok(()),
            TokenKind::Preset => Err(format!("`{name}` is a reserved preset name")),
            k if k.is_keyword() => Err(format!("`{name}` is a keyword")),
            _ => Err(format!("`{name}` is not an identifier")),
        },
        _ => Err(format!("`{name}` is not an identifier")),
    }
}
