//! Spans, line/column lookup and the [`Diagnostic`] type that every stage of
//! bkp produces. Rendering for terminals (ariadne) lives in [`render`]; editors
//! convert the same values to their own protocol.

mod line_index;
pub mod render;

pub use line_index::{LineCol, LineCursor, LineIndex};

use std::fmt;

/// A half-open byte range `start..end` into one source text.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// An empty span at `offset`.
    pub const fn point(offset: usize) -> Self {
        Span {
            start: offset,
            end: offset,
        }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `offset` lies in the span, its end included (a cursor just
    /// after a token still touches it).
    pub fn touches(self, offset: usize) -> bool {
        self.start <= offset && offset <= self.end
    }

    pub fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// Shift by `delta` bytes (used for spans of re-lexed substrings).
    pub fn shift(self, delta: usize) -> Span {
        Span::new(self.start + delta, self.end + delta)
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
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

/// Sorts diagnostics by position, errors first on ties, and drops exact duplicates.
pub fn sort_and_dedup(diags: &mut Vec<Diagnostic>) {
    let key = |d: &Diagnostic| (d.span.start, d.span.end, d.severity, d.code);
    // Lists are mostly in order already, and a diagnostic is large to move.
    if !diags.is_sorted_by_key(key) {
        diags.sort_by_key(key);
    }
    diags.dedup_by(|a, b| a.span == b.span && a.code == b.code && a.message == b.message);
}
