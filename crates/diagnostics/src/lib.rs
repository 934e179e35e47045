//! Spans, line/column lookup and the [`Diagnostic`] type that every stage of
//! bkp produces. Rendering for terminals (ariadne) lives in [`render`]; editors
//! convert the same values to their own protocol.

mod line_index;
pub mod render;

pub use line_index::{LineCol, LineCursor, LineIndex};

use std::fmt;

/// A half-open byte range `start..end` into one source text.
///
/// Offsets are stored as `u32`: spans are in every token, tree node, model
/// entry and diagnostic, and half their size keeps a large program's memory
/// down. Texts are at most [`Span::MAX_TEXT`] bytes (the command line
/// refuses larger files); offsets past it are clamped, never wrapped.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Span {
    start: u32,
    end: u32,
}

/// An offset as stored in a [`Span`].
const fn offset(at: usize) -> u32 {
    if at > Span::MAX_TEXT {
        u32::MAX
    } else {
        at as u32
    }
}

impl Span {
    /// The longest text spans can point into, in bytes.
    pub const MAX_TEXT: usize = u32::MAX as usize;

    pub const fn new(start: usize, end: usize) -> Self {
        Span {
            start: offset(start),
            end: offset(end),
        }
    }

    /// An empty span at `offset`.
    pub const fn point(at: usize) -> Self {
        Span::new(at, at)
    }

    /// The first byte.
    pub const fn start(self) -> usize {
        self.start as usize
    }

    /// One past the last byte.
    pub const fn end(self) -> usize {
        self.end as usize
    }

    /// The same span ending at `end`.
    pub const fn with_end(self, end: usize) -> Span {
        Span::new(self.start(), end)
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn len(self) -> usize {
        self.end() - self.start()
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `offset` lies in the span, its end included (a cursor just
    /// after a token still touches it).
    pub fn touches(self, offset: usize) -> bool {
        self.start() <= offset && offset <= self.end()
    }

    pub fn contains(self, offset: usize) -> bool {
        self.start() <= offset && offset < self.end()
    }

    /// Shift by `delta` bytes (used for spans of re-lexed substrings).
    pub fn shift(self, delta: usize) -> Span {
        Span::new(self.start() + delta, self.end() + delta)
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// A stable diagnostic code such as `E0101`. The catalogue with explanations
/// lives next to the stage that emits the code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code(pub &'static str);

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// A secondary location that explains the primary one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub span: Span,
    pub message: Text,
}

/// One text replacement of a [`Fix`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

/// A machine-applicable repair, offered as a quick fix by editors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix replacing one span with `text`.
    pub fn replace(title: impl Into<String>, span: Span, text: impl Into<String>) -> Fix {
        Fix {
            title: title.into(),
            edits: vec![Edit {
                span,
                text: text.into(),
            }],
        }
    }
}

/// A diagnostic's text: most are fixed, and a static text costs no allocation.
pub type Text = std::borrow::Cow<'static, str>;

/// A located message from any stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub message: Text,
    pub span: Span,
    /// Text under the primary span; defaults to the message when empty.
    pub label: Text,
    pub related: Vec<Related>,
    pub notes: Vec<Text>,
    pub help: Option<Text>,
    pub fixes: Vec<Fix>,
}

impl Diagnostic {
    pub fn error(code: Code, span: Span, message: impl Into<Text>) -> Self {
        Self::new(Severity::Error, code, span, message)
    }

    pub fn warning(code: Code, span: Span, message: impl Into<Text>) -> Self {
        Self::new(Severity::Warning, code, span, message)
    }

    fn new(severity: Severity, code: Code, span: Span, message: impl Into<Text>) -> Self {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            span,
            label: Text::Borrowed(""),
            related: Vec::new(),
            notes: Vec::new(),
            help: None,
            fixes: Vec::new(),
        }
    }

    pub fn with_label(mut self, label: impl Into<Text>) -> Self {
        self.label = label.into();
        self
    }

    pub fn with_related(mut self, span: Span, message: impl Into<Text>) -> Self {
        // Most diagnostics have one related place or two: room for four
        // (what a first push gives) would be mostly empty in a long list.
        self.related.reserve_exact(1);
        self.related.push(Related {
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_note(mut self, note: impl Into<Text>) -> Self {
        self.notes.reserve_exact(1);
        self.notes.push(note.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<Text>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The order of a sorted list: by position, errors first on ties.
fn order_key(d: &Diagnostic) -> (usize, usize, Severity, Code) {
    (d.span.start(), d.span.end(), d.severity, d.code)
}

/// Whether two diagnostics say the same thing at the same place.
fn same(a: &Diagnostic, b: &Diagnostic) -> bool {
    a.span == b.span && a.code == b.code && a.message == b.message
}

/// Sorts diagnostics by position, errors first on ties, and drops exact duplicates.
pub fn sort_and_dedup(diags: &mut Vec<Diagnostic>) {
    // Lists are mostly in order already, and a diagnostic is large to move.
    if !diags.is_sorted_by_key(order_key) {
        diags.sort_by_key(order_key);
    }
    diags.dedup_by(|a, b| same(a, b));
}

/// Adds `new` to `diags`, a list [`sort_and_dedup`] left in order, with the
/// result of appending and sorting again: a few are inserted where they
/// belong, without moving the others more than once or reading them all.
pub fn insert_sorted(diags: &mut Vec<Diagnostic>, new: Vec<Diagnostic>) {
    const FEW: usize = 16;
    if new.len() > FEW {
        diags.extend(new);
        sort_and_dedup(diags);
        return;
    }
    for d in new {
        let key = order_key(&d);
        // After the equal ones, as a stable sort puts what came last.
        let at = diags.partition_point(|x| order_key(x) <= key);
        let duplicate = at.checked_sub(1).is_some_and(|i| same(&diags[i], &d))
            || diags.get(at).is_some_and(|x| same(x, &d));
        if !duplicate {
            diags.insert(at, d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserting_in_order_is_appending_and_sorting() {
        let d = |start: usize, code: &'static str, msg: &'static str, error: bool| {
            let span = Span::new(start, start + 1);
            if error {
                Diagnostic::error(Code(code), span, msg)
            } else {
                Diagnostic::warning(Code(code), span, msg)
            }
        };
        let mut list = vec![
            d(1, "W1", "a", false),
            d(5, "E1", "b", true),
            d(5, "W1", "c", false),
            d(9, "W2", "d", false),
        ];
        sort_and_dedup(&mut list);
        let news = [
            vec![d(0, "E2", "first", true)],
            vec![d(5, "W1", "c", false)],
            vec![d(5, "W1", "other", false), d(5, "E1", "b2", true)],
            vec![d(9, "W2", "d", false), d(12, "E3", "last", true)],
            (0..20).map(|i| d(i, "W3", "many", false)).collect(),
            vec![],
        ];
        for new in news {
            let mut inserted = list.clone();
            insert_sorted(&mut inserted, new.clone());
            let mut sorted = list.clone();
            sorted.extend(new);
            sort_and_dedup(&mut sorted);
            assert_eq!(inserted, sorted);
        }
    }
}
