//! Reading sources and writing outputs, with one-line error messages.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

/// Reads a source file, or explains in one line why it cannot.
pub fn read_source(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path)
        .map_err(|e| format!("bkp: cannot read {}: {}", path.display(), reason(&e)))?;
    within_limit(bytes.len(), &path.display().to_string())?;
    crate::alloc::expect_input(bytes.len());
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "bkp: {} is not valid UTF-8 (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

/// Source positions are 32-bit: a larger text is refused, not misplaced.
fn within_limit(len: usize, what: &str) -> Result<(), String> {
    if len > bkp_diagnostics::Span::MAX_TEXT {
        return Err(format!(
            "bkp: {what} is too large ({len} bytes; bkp reads at most {} bytes)",
            bkp_diagnostics::Span::MAX_TEXT
        ));
    }
    Ok(())
}

/// Reads all of standard input as UTF-8.
pub fn read_stdin() -> Result<String, String> {
    let mut buf = Vec::new();
    std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
        .map_err(|e| format!("bkp: cannot read stdin: {e}"))?;
    within_limit(buf.len(), "stdin")?;
    crate::alloc::expect_input(buf.len());
    String::from_utf8(buf).map_err(|e| {
        format!(
            "bkp: stdin is not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Writes `contents` to `path` atomically: a temporary file in the same
/// folder, then a rename, so readers never see a partial file.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), String> {
    write_atomic_with(path, |f| f.write_all(contents))
}

/// As [`write_atomic`], with `write` producing the contents.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
) -> Result<(), String> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let tmp = dir.join(format!(".{name}.bkp-tmp-{}", std::process::id()));
    let result = File::create(&tmp)
        .and_then(|f| {
            let mut out = BufWriter::new(f);
            write(&mut out)?;
            out.flush()
        })
        .and_then(|_| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(format!(
            "bkp: cannot write {}: {}",
            path.display(),
            reason(&e)
        ));
    }
    Ok(())
}

fn reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "it is a directory".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_past_the_span_limit_are_refused() {
        let max = bkp_diagnostics::Span::MAX_TEXT;
        assert!(within_limit(max, "a.bkp").is_ok());
        let err = within_limit(max + 1, "a.bkp").unwrap_err();
        assert!(
            err.starts_with("bkp: a.bkp is too large (4294967296 bytes"),
            "{err}"
        );
    }
}
