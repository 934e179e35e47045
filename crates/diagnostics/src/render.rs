//! Terminal rendering of diagnostics with ariadne.

use crate::{Diagnostic, LineIndex, Severity};
use ariadne::{CharSet, Color, Config, IndexType, Label, Report, ReportKind, Source};

/// How to draw reports.
#[derive(Clone, Copy, Debug)]
pub struct RenderOptions {
    pub color: bool,
    pub unicode: bool,
}

impl RenderOptions {
    /// Plain ASCII without colour: stable output for files and snapshots.
    pub const PLAIN: RenderOptions = RenderOptions {
        color: false,
        unicode: false,
    };
}

/// Renders diagnostics of one text; the source index is built once, so
/// rendering many diagnostics stays linear.
pub struct Renderer<'a> {
    path: &'a str,
    text: &'a str,
    index: LineIndex,
    source: Source<&'a str>,
    opts: RenderOptions,
}

impl<'a> Renderer<'a> {
    pub fn new(path: &'a str, text: &'a str, opts: RenderOptions) -> Self {
        Renderer {
            path,
            text,
            index: LineIndex::new(text),
            source: Source::from(text),
            opts,
        }
    }

    /// Renders one diagnostic.
    ///
    /// The first line is always `PATH:LINE:COL: severity[CODE]: message`
    /// (1-based line and character column) so tools and people can jump to
    /// it; ariadne's drawing of the source follows.
    pub fn render(&self, diag: &Diagnostic) -> String {
        let (path, text, opts) = (self.path, self.text, self.opts);
        let (line, col) = self.index.human(text, diag.span.start);
        let sev = match diag.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut out = format!(
            "{path}:{line}:{col}: {sev}[{}]: {}\n",
            diag.code, diag.message
        );
        let kind = match diag.severity {
            Severity::Error => ReportKind::Error,
            Severity::Warning => ReportKind::Warning,
        };
        let primary_color = match diag.severity {
            Severity::Error => Color::Red,
            Severity::Warning => Color::Yellow,
        };
        let clamp = |s: crate::Span| {
            let start = s.start.min(text.len());
            let end = s.end.clamp(start, text.len());
            (path, start..end)
        };
        let config = Config::default()
            .with_index_type(IndexType::Byte)
            .with_color(opts.color)
            .with_char_set(if opts.unicode {
                CharSet::Unicode
            } else {
                CharSet::Ascii
            });
        let label_text = if diag.label.is_empty() {
            diag.message.clone()
        } else {
            diag.label.clone()
        };
        let mut builder = Report::build(kind, clamp(diag.span))
            .with_config(config)
            .with_code(diag.code)
            .with_message(&diag.message)
            .with_label(
                Label::new(clamp(diag.span))
                    .with_message(label_text)
                    .with_color(primary_color)
                    .with_order(0),
            );
        for (i, rel) in diag.related.iter().enumerate() {
            builder = builder.with_label(
                Label::new(clamp(rel.span))
                    .with_message(&rel.message)
                    .with_color(Color::Blue)
                    .with_order(i as i32 + 1),
            );
        }
        for note in &diag.notes {
            builder = builder.with_note(note);
        }
        if let Some(help) = &diag.help {
            builder = builder.with_help(help);
        }
        let mut buf = Vec::new();
        if builder
            .finish()
            .write((path, &self.source), &mut buf)
            .is_ok()
        {
            out.push_str(&String::from_utf8_lossy(&buf));
        }
        out
    }
}

/// Renders one diagnostic against `text`, the contents of `path`.
pub fn render(diag: &Diagnostic, path: &str, text: &str, opts: RenderOptions) -> String {
    Renderer::new(path, text, opts).render(diag)
}

/// Renders every diagnostic, in order, separated by blank lines.
pub fn render_all(diags: &[Diagnostic], path: &str, text: &str, opts: RenderOptions) -> String {
    let r = Renderer::new(path, text, opts);
    diags
        .iter()
        .map(|d| r.render(d))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A one-line summary such as `2 errors, 1 warning`.
pub fn summary(diags: &[Diagnostic]) -> String {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    let plural = |n: usize, w: &str| {
        if n == 1 {
            format!("{n} {w}")
        } else {
            format!("{n} {w}s")
        }
    };
    format!(
        "{}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}
