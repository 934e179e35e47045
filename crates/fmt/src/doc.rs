//! A small Wadler-style document language and its printer.
//!
//! A [`Doc`] describes text with optional line breaks; a [`Doc::Group`] is
//! printed flat (its lines as spaces or nothing) when it fits the width, and
//! broken (its lines as newlines) otherwise or when it is marked broken.
//! Trailing comments are deferred to the end of their output line, and the
//! next line break after one is always taken, so nothing is ever printed
//! after a comment on the same line.

/// How many spaces one indentation level is.
pub(crate) const INDENT: usize = 2;

/// Spaces between the longest line of a run and its aligned trailing comments.
pub(crate) const COMMENT_GAP: usize = 3;

#[derive(Debug)]
pub(crate) enum Doc {
    /// Text without newlines.
    Text(String),
    Concat(Vec<Doc>),
    /// Lines inside are indented one more level.
    Indent(Box<Doc>),
    /// Printed flat when it fits and is not `broken`.
    Group {
        doc: Box<Doc>,
        broken: bool,
    },
    /// A space when flat, a newline when broken.
    Line,
    /// Nothing when flat, a newline when broken.
    SoftLine,
    /// Always a newline; the groups around it break.
    HardLine,
    /// Text that depends on whether the enclosing group is broken.
    IfBreak {
        broken: &'static str,
        flat: &'static str,
    },
    /// A trailing comment: printed at the end of the current output line; the
    /// next line break in the document is forced.
    Trailing(String),
}

impl Doc {
    pub(crate) fn nil() -> Doc {
        Doc::Concat(Vec::new())
    }

    pub(crate) fn text(s: impl Into<String>) -> Doc {
        Doc::Text(s.into())
    }

    pub(crate) fn indent(doc: Doc) -> Doc {
        Doc::Indent(Box::new(doc))
    }

    pub(crate) fn group(doc: Doc, broken: bool) -> Doc {
        Doc::Group {
            doc: Box::new(doc),
            broken,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Flat,
    Break,
}

/// Marks the groups that must break: those holding a hard line, a broken
/// group, or the first line break after a trailing comment. Returns whether
/// the group around `doc` must break.
fn propagate(doc: &mut Doc, after_comment: &mut bool) -> bool {
    match doc {
        Doc::Text(_) | Doc::IfBreak { .. } => false,
        Doc::Concat(docs) => {
            let mut any = false;
            for d in docs {
                any |= propagate(d, after_comment);
            }
            any
        }
        Doc::Indent(d) => propagate(d, after_comment),
        Doc::Group { doc, broken } => {
            if propagate(doc, after_comment) {
                *broken = true;
            }
            *broken
        }
        Doc::Line | Doc::SoftLine => std::mem::take(after_comment),
        Doc::HardLine => {
            *after_comment = false;
            true
        }
        Doc::Trailing(_) => {
            *after_comment = true;
            false
        }
    }
}

/// One output line: its code and the trailing comment that ends it.
struct OutLine {
    code: String,
    comment: Option<String>,
}

struct Out {
    lines: Vec<OutLine>,
    cur: String,
    col: usize,
    comments: Vec<String>,
}

impl Out {
    fn push(&mut self, s: &str) {
        self.cur.push_str(s);
        self.col += width(s);
    }

    fn newline(&mut self, indent: usize) {
        self.end_line();
        self.cur = " ".repeat(indent);
        self.col = indent;
    }

    fn end_line(&mut self) {
        let code = self.cur.trim_end().to_string();
        // Two comments never share a line by construction (see `propagate`);
        // were it to happen, the output check of the caller reports it.
        let comment = if self.comments.is_empty() {
            None
        } else {
            Some(self.comments.join(" "))
        };
        self.comments.clear();
        self.lines.push(OutLine { code, comment });
    }
}

fn width(s: &str) -> usize {
    s.chars().count()
}

/// Prints `doc` within `max_width` columns where it can, one line per output
/// line, trailing comments aligned. The result has no final newline.
pub(crate) fn print(mut doc: Doc, max_width: usize) -> String {
    propagate(&mut doc, &mut false);
    let mut out = Out {
        lines: Vec::new(),
        cur: String::new(),
        col: 0,
        comments: Vec::new(),
    };
    let mut stack: Vec<(usize, Mode, &Doc)> = vec![(0, Mode::Break, &doc)];
    while let Some((indent, mode, d)) = stack.pop() {
        match d {
            Doc::Text(s) => out.push(s),
            Doc::Concat(docs) => stack.extend(docs.iter().rev().map(|d| (indent, mode, d))),
            Doc::Indent(d) => stack.push((indent + INDENT, mode, d)),
            Doc::Group { doc, broken } => {
                let m = if *broken {
                    Mode::Break
                } else if mode == Mode::Flat
                    || fits(doc, &stack, max_width as isize - out.col as isize)
                {
                    Mode::Flat
                } else {
                    Mode::Break
                };
                stack.push((indent, m, doc));
            }
            Doc::Line => match mode {
                Mode::Flat => out.push(" "),
                Mode::Break => out.newline(indent),
            },
            Doc::SoftLine => {
                if mode == Mode::Break {
                    out.newline(indent);
                }
            }
            Doc::HardLine => out.newline(indent),
            Doc::IfBreak { broken, flat } => {
                out.push(if mode == Mode::Break { broken } else { flat })
            }
            Doc::Trailing(c) => out.comments.push(c.clone()),
        }
    }
    out.end_line();
    align_comments(&out.lines)
}

/// Whether `doc` printed flat, followed by the rest of the line, fits in `room` columns.
fn fits(doc: &Doc, rest: &[(usize, Mode, &Doc)], mut room: isize) -> bool {
    let mut todo: Vec<(Mode, &Doc)> = vec![(Mode::Flat, doc)];
    let mut rest = rest.iter().rev();
    loop {
        if room < 0 {
            return false;
        }
        let (mode, d) = match todo.pop() {
            Some(next) => next,
            None => match rest.next() {
                Some(&(_, mode, d)) => (mode, d),
                None => return true,
            },
        };
        match d {
            Doc::Text(s) => room -= width(s) as isize,
            Doc::Concat(docs) => todo.extend(docs.iter().rev().map(|d| (mode, d))),
            Doc::Indent(d) => todo.push((mode, d)),
            Doc::Group { doc, broken } => {
                todo.push((if *broken { Mode::Break } else { mode }, doc))
            }
            Doc::Line => match mode {
                Mode::Flat => room -= 1,
                Mode::Break => return true,
            },
            Doc::SoftLine => {
                if mode == Mode::Break {
                    return true;
                }
            }
            Doc::HardLine => return true,
            Doc::IfBreak { broken, flat } => {
                room -= width(if mode == Mode::Break { broken } else { flat }) as isize
            }
            Doc::Trailing(_) => {}
        }
    }
}

fn indentation(line: &OutLine) -> usize {
    line.code.len() - line.code.trim_start().len()
}

/// Joins the lines, aligning the trailing comments of each run of
/// consecutive lines that have one and the same indentation to a common column.
fn align_comments(lines: &[OutLine]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < lines.len() {
        let indent = indentation(&lines[i]);
        let run = lines[i..]
            .iter()
            .take_while(|l| l.comment.is_some() && indentation(l) == indent)
            .count();
        if run == 0 {
            out.push_str(&lines[i].code);
            out.push('\n');
            i += 1;
            continue;
        }
        let column = lines[i..i + run]
            .iter()
            .map(|l| width(&l.code))
            .max()
            .unwrap_or(0)
            + COMMENT_GAP;
        for line in &lines[i..i + run] {
            out.push_str(&line.code);
            out.extend(std::iter::repeat_n(' ', column - width(&line.code)));
            out.push_str(line.comment.as_deref().unwrap_or_default());
            out.push('\n');
        }
        i += run;
    }
    out.pop();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[&str]) -> Doc {
        let mut inner = vec![Doc::SoftLine];
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                inner.push(Doc::text(","));
                inner.push(Doc::Line);
            }
            inner.push(Doc::text(*it));
        }
        inner.push(Doc::IfBreak {
            broken: ",",
            flat: "",
        });
        Doc::group(
            Doc::Concat(vec![
                Doc::text("["),
                Doc::indent(Doc::Concat(inner)),
                Doc::SoftLine,
                Doc::text("]"),
            ]),
            false,
        )
    }

    #[test]
    fn fits_or_breaks() {
        assert_eq!(print(list(&["a", "b"]), 10), "[a, b]");
        assert_eq!(print(list(&["aaaa", "bbbb"]), 10), "[\n  aaaa,\n  bbbb,\n]");
    }

    #[test]
    fn trailing_comment_breaks_the_next_line_only() {
        let doc = Doc::Concat(vec![
            Doc::text("x"),
            Doc::Trailing("# c".into()),
            Doc::group(
                Doc::Concat(vec![Doc::text("{"), Doc::Line, Doc::text("}")]),
                false,
            ),
        ]);
        assert_eq!(print(doc, 80), "x{   # c\n}");
    }

    #[test]
    fn comments_align_in_runs() {
        let doc = Doc::Concat(vec![
            Doc::text("a"),
            Doc::Trailing("# 1".into()),
            Doc::HardLine,
            Doc::text("bbb"),
            Doc::Trailing("# 2".into()),
            Doc::HardLine,
            Doc::text("c"),
            Doc::Trailing("# 3".into()),
            Doc::indent(Doc::Concat(vec![
                Doc::HardLine,
                Doc::text("d"),
                Doc::Trailing("# 4".into()),
            ])),
        ]);
        assert_eq!(print(doc, 80), "a     # 1\nbbb   # 2\nc     # 3\n  d   # 4");
    }
}
