//! Lexing and parsing throughput on a ~10 MB generated policy (thousands of
//! teams, each with comments, `let`s, interpolated strings, a vault, a role,
//! a grant and a plan with a rule and a selection: see [`policy`]).
//!
//! `cargo bench -p bkp-syntax --bench syntax` prints the throughput in MB/s
//! (decimal megabytes of source per second):
//!
//! - `syntax/lex`: [`bkp_syntax::lexer::lex`], every token and lexical
//!   diagnostic;
//! - `syntax/parse`: [`bkp_syntax::parse`], the whole front end from text:
//!   lexing, the bracket check, the parser and string expansion.
//!
//! Targets: lexing at least 200 MB/s, parsing at least 30 MB/s.

/// The `bkp` binary's allocator, so the figures are those of the tool as shipped.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod policy;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

/// The size of the generated source.
const SOURCE_BYTES: usize = 10_000_000;

fn syntax(c: &mut Criterion) {
    let src = policy::policy_of_size(SOURCE_BYTES);
    // The input is valid: a benchmark of error recovery would measure something else.
    let parsed = bkp_syntax::parse(&src);
    assert!(
        parsed.diagnostics.is_empty(),
        "the generated policy has diagnostics: {:?}",
        &parsed.diagnostics[..parsed.diagnostics.len().min(3)]
    );
    eprintln!(
        "source: {:.1} MB, {} lines, {} tokens, {} items",
        src.len() as f64 / 1e6,
        src.lines().count(),
        parsed.tokens.len(),
        parsed.file.items.len()
    );
    drop(parsed);

    let mut group = c.benchmark_group("syntax");
    group
        .throughput(Throughput::BytesDecimal(src.len() as u64))
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    group.bench_function("lex", |b| {
        b.iter(|| bkp_syntax::lexer::lex(black_box(&src)))
    });
    group.bench_function("parse", |b| b.iter(|| bkp_syntax::parse(black_box(&src))));
    group.finish();
}

criterion_group!(benches, syntax);
criterion_main!(benches);
