//! Terminal rendering of diagnostics with ariadne.

use crate::{Diagnostic, LineCursor, Severity};
use ariadne::{CharSet, Color, Config, IndexType, Label, Report, ReportKind, Source};
use std::cell::Cell;
use std::fmt::Write;

/// How to draw reports.
#[derive(Clone, Copy, Debug)]
pub struct RenderOptions {
    pub color: bool,
    pub unicode: bool,
    /// How many errors, and how many warnings, of one text [`render_all`]
    /// draws in full; the ones after are listed by their first line only.
    pub full: usize,
    /// How many diagnostics of one code [`render_all`] draws in full; later
    /// repeats of the code are listed by their first line only.
    pub per_code: usize,
}

impl RenderOptions {
    /// Plain ASCII without colour, every report in full: stable output for
    /// files and snapshots.
    pub const PLAIN: RenderOptions = RenderOptions {
        color: false,
        unicode: false,
        full: usize::MAX,
        per_code: usize::MAX,
    };

    /// The command line's default for [`RenderOptions::full`]: enough to
    /// read every distinct problem, few enough that thousands of repeats of
    /// one warning stay a list rather than pages of drawings.
    pub const FULL_PER_SEVERITY: usize = 20;

    /// The command line's default for [`RenderOptions::per_code`]: the
    /// drawing of a sixth repeat of one warning teaches nothing new, its
    /// first line still says where it is.
    pub const FULL_PER_CODE: usize = 5;
}

/// Renders diagnostics of one text, in source order: each position is
/// counted on from the previous one, so rendering many stays linear.
pub struct Renderer<'a> {
    path: &'a str,
    text: &'a str,
    /// Where the previous header's position was found: diagnostics come in
    /// source order, so each position is counted on from the one before.
    cursor: Cell<LineCursor>,
    source: Source<&'a str>,
    /// The length in bytes of the text `source` holds.
    drawn: usize,
    opts: RenderOptions,
}

impl<'a> Renderer<'a> {
    pub fn new(path: &'a str, text: &'a str, opts: RenderOptions) -> Self {
        Self::reaching(path, text, opts, text.len())
    }

    /// A renderer for diagnostics whose spans all end by byte `reach`: the
    /// source it draws from stops at the end of that line, so a few reports
    /// near the start of a large file do not pay for indexing all of it.
    fn reaching(path: &'a str, text: &'a str, opts: RenderOptions, reach: usize) -> Self {
        let reach = reach.min(text.len());
        let end = text.as_bytes()[reach..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |i| reach + i + 1);
        Renderer {
            path,
            text,
            cursor: Cell::new(LineCursor::default()),
            source: Source::from(&text[..end]),
            drawn: end,
            opts,
        }
    }

    /// The first line of a report: `PATH:LINE:COL: severity[CODE]: message`.
    pub fn header(&self, diag: &Diagnostic) -> String {
        let mut out = String::new();
        self.write_header(diag, &mut out);
        out
    }

    /// Appends [`Renderer::header`] to `out`.
    fn write_header(&self, diag: &Diagnostic, out: &mut String) {
        let mut cursor = self.cursor.get();
        let (line, col) = cursor.human(self.text, diag.span.start());
        self.cursor.set(cursor);
        let sev = match diag.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // Writing to a `String` cannot fail.
        let _ = writeln!(
            out,
            "{}:{line}:{col}: {sev}[{}]: {}",
            self.path, diag.code, diag.message
        );
    }

    /// Renders one diagnostic.
    ///
    /// The first line is always `PATH:LINE:COL: severity[CODE]: message`
    /// (1-based line and character column) so tools and people can jump to
    /// it; ariadne's drawing of the source follows.
    pub fn render(&self, diag: &Diagnostic) -> String {
        let (path, opts) = (self.path, self.opts);
        let mut out = self.header(diag);
        let kind = match diag.severity {
            Severity::Error => ReportKind::Error,
            Severity::Warning => ReportKind::Warning,
        };
        let primary_color = match diag.severity {
            Severity::Error => Color::Red,
            Severity::Warning => Color::Yellow,
        };
        let drawn = self.drawn;
        let clamp = |s: crate::Span| {
            let start = s.start().min(drawn);
            let end = s.end().clamp(start, drawn);
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

/// Renders every diagnostic, in order: the first [`RenderOptions::full`]
/// errors and as many warnings in full, at most [`RenderOptions::per_code`]
/// of each code, separated by blank lines; any others by their first line
/// ([`Renderer::header`]).
pub fn render_all(diags: &[Diagnostic], path: &str, text: &str, opts: RenderOptions) -> String {
    render_all_split(diags, path, text, opts, PARALLEL_MIN_DIAGNOSTICS)
}

/// From this many diagnostics on, [`render_all`] renders two halves of the
/// list on two threads.
const PARALLEL_MIN_DIAGNOSTICS: usize = 2_000;

/// [`render_all`], in two halves on two threads from `parallel_min`
/// diagnostics on.
fn render_all_split(
    diags: &[Diagnostic],
    path: &str,
    text: &str,
    opts: RenderOptions,
    parallel_min: usize,
) -> String {
    let full: Vec<bool> = drawn_in_full(diags, opts).collect();
    let header_len = |d: &Diagnostic| path.len() + d.code.0.len() + d.message.len() + HEADER_EXTRA;
    // Renders `diags[range]` after those before it, with `room` bytes
    // reserved for the first lines.
    let render_range = |range: std::ops::Range<usize>, room: usize| {
        let reach = range
            .clone()
            .filter(|&i| full[i])
            .flat_map(|i| {
                let d = &diags[i];
                std::iter::once(d.span).chain(d.related.iter().map(|r| r.span))
            })
            .map(|s| s.end())
            .max()
            .unwrap_or(0);
        let r = Renderer::reaching(path, text, opts, reach);
        let mut out = String::with_capacity(room);
        for i in range {
            // A blank line around each report drawn in full.
            if i > 0 && (full[i] || full[i - 1]) {
                out.push('\n');
            }
            if full[i] {
                out.push_str(&r.render(&diags[i]));
            } else {
                r.write_header(&diags[i], &mut out);
            }
        }
        out
    };
    // Room for every first line, the drawings aside: the list of a large
    // file is then written without copying it as it grows.
    let headers: usize = diags.iter().map(header_len).sum();
    let parallel = diags.len() >= parallel_min.max(2)
        && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    if !parallel {
        return render_range(0..diags.len(), headers);
    }
    let middle = diags.len() / 2;
    let rest_room = diags[middle..].iter().map(header_len).sum();
    let (mut out, rest) = std::thread::scope(|scope| {
        let rest = scope.spawn(|| render_range(middle..diags.len(), rest_room));
        (render_range(0..middle, headers), rest.join())
    });
    match rest {
        Ok(rest) => out.push_str(&rest),
        Err(panic) => std::panic::resume_unwind(panic),
    }
    out
}

/// The bytes of a first line besides its path, code and message: two
/// numbers, the severity and punctuation.
const HEADER_EXTRA: usize = 32;

/// How many of `diags` [`render_all`] lists by their first line only.
pub fn brief_count(diags: &[Diagnostic], opts: RenderOptions) -> usize {
    drawn_in_full(diags, opts).filter(|full| !full).count()
}

/// For each diagnostic, whether it is drawn in full: among the first
/// `opts.full` of its severity drawn so, and the first `opts.per_code` of its code.
fn drawn_in_full(diags: &[Diagnostic], opts: RenderOptions) -> impl Iterator<Item = bool> + '_ {
    let (mut errors, mut warnings) = (0usize, 0usize);
    // Few distinct codes occur in one text: a list is enough.
    let mut by_code: Vec<(crate::Code, usize)> = Vec::new();
    diags.iter().map(move |d| {
        let of_code = match by_code.iter_mut().find(|(c, _)| *c == d.code) {
            Some((_, n)) => n,
            None => {
                by_code.push((d.code, 0));
                &mut by_code.last_mut().expect("just pushed").1
            }
        };
        *of_code += 1;
        if *of_code > opts.per_code {
            return false;
        }
        let seen = match d.severity {
            Severity::Error => &mut errors,
            Severity::Warning => &mut warnings,
        };
        *seen += 1;
        *seen <= opts.full
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Code, Span};

    #[test]
    fn past_the_limit_of_a_severity_only_the_first_line_is_printed() {
        let text = "a = 1\nb = 2\nc = 3\n";
        let diags = [
            Diagnostic::warning(Code("W0001"), Span::new(0, 1), "first warning"),
            Diagnostic::error(Code("E0001"), Span::new(6, 7), "only error"),
            Diagnostic::warning(Code("W0001"), Span::new(12, 13), "second warning"),
        ];
        let opts = RenderOptions {
            full: 1,
            ..RenderOptions::PLAIN
        };
        assert_eq!(brief_count(&diags, opts), 1);
        let out = render_all(&diags, "f.bkp", text, opts);
        // The error is the first of its severity: drawn in full after the warning.
        assert_eq!(out.matches("[W0001] Warning").count(), 1, "{out}");
        assert_eq!(out.matches("[E0001] Error").count(), 1, "{out}");
        assert!(
            out.ends_with("\nf.bkp:3:1: warning[W0001]: second warning\n"),
            "{out}"
        );
        let all = render_all(&diags, "f.bkp", text, RenderOptions::PLAIN);
        assert_eq!(brief_count(&diags, RenderOptions::PLAIN), 0);
        assert_eq!(all.matches("[W0001] Warning").count(), 2, "{all}");
    }

    #[test]
    fn past_the_limit_of_a_code_only_the_first_line_is_printed() {
        let text = "a = 1\nb = 2\nc = 3\n";
        let diags = [
            Diagnostic::warning(Code("W0001"), Span::new(0, 1), "first of W0001"),
            Diagnostic::warning(Code("W0001"), Span::new(6, 7), "second of W0001"),
            Diagnostic::warning(Code("W0002"), Span::new(12, 13), "first of W0002"),
        ];
        let opts = RenderOptions {
            per_code: 1,
            ..RenderOptions::PLAIN
        };
        assert_eq!(brief_count(&diags, opts), 1);
        let out = render_all(&diags, "f.bkp", text, opts);
        assert_eq!(out.matches("[W0001] Warning").count(), 1, "{out}");
        assert_eq!(out.matches("[W0002] Warning").count(), 1, "{out}");
        assert!(
            out.contains("\nf.bkp:2:1: warning[W0001]: second of W0001\n\nf.bkp:3:1:"),
            "{out}"
        );
    }

    #[test]
    fn two_halves_render_as_one() {
        let text: String = (0..200).map(|i| format!("let a{i} = {i}\n")).collect();
        let diags: Vec<Diagnostic> = (0..200)
            .map(|i| {
                let at = text.find(&format!("a{i} ")).unwrap();
                let span = Span::new(at, at + 2);
                match i % 7 {
                    0 => Diagnostic::error(Code("E0001"), span, "an error"),
                    3 => Diagnostic::warning(Code("W0002"), span, "another")
                        .with_related(Span::new(0, 3), "the first"),
                    _ => Diagnostic::warning(Code("W0001"), span, "a warning"),
                }
            })
            .collect();
        // Drawn in full on both sides of the middle, or nowhere.
        for opts in [
            RenderOptions::PLAIN,
            RenderOptions {
                full: 4,
                per_code: 100,
                ..RenderOptions::PLAIN
            },
            RenderOptions {
                full: 0,
                ..RenderOptions::PLAIN
            },
        ] {
            let one = render_all_split(&diags, "f.bkp", &text, opts, usize::MAX);
            let two = render_all_split(&diags, "f.bkp", &text, opts, 0);
            assert_eq!(one, two);
        }
    }

    #[test]
    fn first_lines_count_lines_and_characters_in_any_order() {
        let text = "é = 1\n\nab é x\nlast";
        let r = Renderer::new("f.bkp", text, RenderOptions::PLAIN);
        let at = |offset: usize| {
            let d = Diagnostic::warning(Code("W0001"), Span::new(offset, offset), "m");
            r.header(&d)
        };
        let x = text.find('x').unwrap();
        assert_eq!(at(x), "f.bkp:3:6: warning[W0001]: m\n");
        assert_eq!(at(x), "f.bkp:3:6: warning[W0001]: m\n");
        assert_eq!(at(text.len()), "f.bkp:4:5: warning[W0001]: m\n");
        // Before the previous position: counted again from the start.
        assert_eq!(at(3), "f.bkp:1:3: warning[W0001]: m\n");
        assert_eq!(at(7), "f.bkp:2:1: warning[W0001]: m\n");
        assert_eq!(at(text.len() + 5), "f.bkp:4:5: warning[W0001]: m\n");
        assert_eq!(at(0), "f.bkp:1:1: warning[W0001]: m\n");
    }

    #[test]
    fn reports_near_the_start_draw_as_with_the_whole_text() {
        let mut text = String::from("let a = 1\nlet b = \"é\"\n");
        for i in 0..1000 {
            text.push_str(&format!("let x{i} = {i}\n"));
        }
        let first = Diagnostic::warning(Code("W0001"), Span::new(4, 5), "first")
            .with_related(Span::new(14, 22), "second line");
        let late = Diagnostic::warning(
            Code("W0001"),
            Span::new(text.len() - 3, text.len() - 2),
            "late",
        );
        let diags = [first.clone(), late];
        let opts = RenderOptions {
            full: 1,
            ..RenderOptions::PLAIN
        };
        let whole = Renderer::new("f.bkp", &text, opts).render(&first);
        let out = render_all(&diags, "f.bkp", &text, opts);
        assert!(out.starts_with(&whole), "{out}\n---\n{whole}");
        assert!(whole.contains("second line"), "{whole}");
    }
}
