//! Data-driven tests: every `fixtures/*.bkp` holds a cursor marker `$0`; the
//! file name's prefix says which capability it exercises. The snapshot draws
//! the source with the cursor and the returned ranges or items marked.

use bkp_diagnostics::Span;
use bkp_driver::Analysis;
use std::fmt::Write;

const CURSOR: &str = "$0";

/// Draws `src` with each span underlined on the line below it.
fn mark(src: &str, spans: &[(Span, String)]) -> String {
    let mut out = String::new();
    let mut start = 0;
    for line in src.split_inclusive('\n') {
        let end = start + line.len();
        let body = line.trim_end_matches('\n');
        writeln!(out, "{body}").unwrap();
        for (s, label) in spans {
            if s.start() >= start && (s.start() < end || (s.start() == end && end == src.len())) {
                let col = src[start..s.start()].chars().count();
                let stop = s.end().min(start + body.len());
                let width = src[s.start()..stop.max(s.start())].chars().count().max(1);
                let more = if s.end() > start + body.len() {
                    format!(" (to {})", line_col(src, s.end()))
                } else {
                    String::new()
                };
                writeln!(
                    out,
                    "{}{} {label}{more}",
                    " ".repeat(col),
                    "^".repeat(width)
                )
                .unwrap();
            }
        }
        start = end;
    }
    out
}

fn line_col(src: &str, offset: usize) -> String {
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    format!("{line}:{col}")
}

fn with_cursor(src: &str, offset: usize) -> String {
    format!("{}{CURSOR}{}", &src[..offset], &src[offset..])
}

fn apply(src: &str, edits: &[bkp_ide::Edit]) -> String {
    let mut edits = edits.to_vec();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start()));
    let mut out = src.to_string();
    for e in edits {
        out.replace_range(e.span.range(), &e.text);
    }
    out
}

fn symbols(out: &mut String, syms: &[bkp_ide::Symbol], src: &str, depth: usize) {
    for s in syms {
        writeln!(
            out,
            "{}{:?} {} : {} [{} - {}] name at {}",
            "  ".repeat(depth),
            s.kind,
            s.name,
            s.detail,
            line_col(src, s.range.start()),
            line_col(src, s.range.end()),
            line_col(src, s.selection_range.start()),
        )
        .unwrap();
        symbols(out, &s.children, src, depth + 1);
    }
}

fn run(name: &str, fixture: &str) -> String {
    let offset = fixture.find(CURSOR).unwrap_or(fixture.len());
    let src = fixture.replacen(CURSOR, "", 1);
    let a = Analysis::new(src.as_str());
    let mut out = String::new();
    let kind = name.split('_').next().unwrap();
    match kind {
        "complete" => {
            out.push_str(&with_cursor(&src, offset));
            out.push_str("\n---\n");
            for c in bkp_ide::completions(&a, offset) {
                writeln!(
                    out,
                    "{} ({:?}) {} [replace {:?}]{}",
                    c.label,
                    c.kind,
                    c.detail,
                    c.replace,
                    c.insert_text
                        .map(|t| format!(" => {}", t.replace('\n', "\\n")))
                        .unwrap_or_default()
                )
                .unwrap();
            }
        }
        "hover" => match bkp_ide::hover(&a, offset) {
            Some(h) => {
                out.push_str(&mark(&with_cursor(&src, offset), &[]));
                out.push_str("---\n");
                out.push_str(&mark(&src, &[(h.range, "hover".into())]));
                out.push_str("---\n");
                out.push_str(&h.markdown);
                out.push('\n');
            }
            None => out.push_str("no hover\n"),
        },
        "def" => {
            out.push_str(&with_cursor(&src, offset));
            out.push_str("\n---\n");
            let spans: Vec<_> = bkp_ide::goto_definition(&a, offset)
                .map(|s| (s, "definition".to_string()))
                .into_iter()
                .collect();
            out.push_str(&mark(&src, &spans));
        }
        "refs" => {
            out.push_str(&with_cursor(&src, offset));
            out.push_str("\n---\n");
            let spans: Vec<_> = bkp_ide::references(&a, offset, true)
                .into_iter()
                .map(|s| (s, "reference".to_string()))
                .collect();
            out.push_str(&mark(&src, &spans));
        }
        "rename" => {
            let new_name = src
                .lines()
                .find_map(|l| l.strip_prefix("# rename to: "))
                .unwrap_or("renamed")
                .trim();
            out.push_str(&with_cursor(&src, offset));
            out.push_str("\n---\n");
            match bkp_ide::prepare_rename(&a, offset) {
                Ok(s) => out.push_str(&mark(&src, &[(s, "prepare".into())])),
                Err(e) => writeln!(out, "prepare: {e}").unwrap(),
            }
            out.push_str("---\n");
            match bkp_ide::rename(&a, offset, new_name) {
                Ok(edits) => {
                    let renamed = apply(&src, &edits);
                    out.push_str(&renamed);
                    let after = Analysis::new(renamed);
                    writeln!(out, "--- errors after: {}", after.has_errors()).unwrap();
                }
                Err(e) => writeln!(out, "rename to `{new_name}`: {e}").unwrap(),
            }
        }
        "symbols" => symbols(&mut out, &bkp_ide::document_symbols(&a), &src, 0),
        "tokens" => {
            for t in bkp_ide::semantic_tokens(&a) {
                writeln!(
                    out,
                    "{} {:?} {:?}{}",
                    line_col(&src, t.span.start()),
                    &src[t.span.range()],
                    t.kind,
                    match t.modifiers {
                        0 => String::new(),
                        m => format!(" mods={m}"),
                    }
                )
                .unwrap();
            }
        }
        "fold" => {
            let spans: Vec<_> = bkp_ide::folding_ranges(&a)
                .into_iter()
                .map(|s| (s, "fold".to_string()))
                .collect();
            out.push_str(&mark(&src, &spans));
        }
        "actions" => {
            out.push_str(&with_cursor(&src, offset));
            out.push('\n');
            for act in bkp_ide::code_actions(&a, Span::point(offset)) {
                writeln!(out, "--- {} (diagnostic {:?})", act.title, act.diagnostic).unwrap();
                out.push_str(&apply(&src, &act.edits));
            }
        }
        "hints" => {
            let mut shown = src.clone();
            for h in bkp_ide::inlay_hints(&a, Span::new(0, src.len()))
                .iter()
                .rev()
            {
                shown.insert_str(h.offset, &format!("⟨{}⟩", h.label));
            }
            out.push_str(&shown);
        }
        other => panic!("unknown fixture kind `{other}`"),
    }
    out
}

#[test]
fn fixtures() {
    insta::glob!("fixtures/*.bkp", |path| {
        let name = path.file_stem().unwrap().to_str().unwrap();
        let fixture = std::fs::read_to_string(path).unwrap();
        insta::assert_snapshot!(run(name, &fixture));
    });
}
