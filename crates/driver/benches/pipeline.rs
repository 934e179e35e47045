//! The whole pipeline, source text to template JSON, on generated policies
//! of 1k, 10k and 100k lines (the generator of the syntax benchmark: teams
//! with comments, `let`s, a vault, a role and grant, a plan with a rule and
//! a selection; 36 lines and 5 resources per team).
//!
//! `cargo bench -p bkp-driver --bench pipeline` prints MB/s of source for:
//!
//! - `pipeline/compile/N lines`: [`Analysis::new`] (lexing, parsing,
//!   semantics) and [`Analysis::compile`] (the CloudFormation backend). Past
//!   100 teams a policy has more than the 500 resources a stack may hold,
//!   which is an error by design: `compile` still computes every resource's
//!   logical id (for the limit and for id clashes) but builds no JSON past
//!   the limit, and returns no template, so the 10k and 100k-line runs stop
//!   before printing JSON. Roughly constant throughput across the sizes
//!   means the pipeline grows linearly.
//! - `pipeline/erroneous/N lines`: the same at 10k and 100k lines with
//!   errors in every team (see [`erroneous`]): error handling is linear too.
//! - `pipeline/to_json/500 resources`: [`bkp_cfn::to_json`] alone, on the
//!   largest template under the limit (100 teams, 3.6k lines); throughput
//!   counted in bytes of that template's *source*, so that its time adds to
//!   `compile`'s on the same scale.
//! - `pipeline/end_to_end/N lines`: the three steps together, text to JSON
//!   text, on the 1k-line policy and on the 3.6k-line one at the limit.
//!
//! Target: at least 20 MB/s end to end.

/// The `bkp` binary's allocator, so the figures are those of the tool as shipped.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "../../syntax/benches/policy/mod.rs"]
mod policy;

use bkp_driver::Analysis;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

/// Source text to template JSON; `None` when the program has errors.
fn end_to_end(src: &str) -> Option<String> {
    let mut analysis = Analysis::new(src);
    let template = analysis.compile()?;
    Some(bkp_cfn::to_json(&template))
}

fn pipeline(c: &mut Criterion) {
    let mut group = c.benchmark_group("pipeline");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));

    for lines in [1_000, 10_000, 100_000] {
        let src = policy::policy_of_lines(lines);
        let teams = lines.div_ceil(policy::TEAM_LINES);
        let mut analysis = Analysis::new(src.as_str());
        let template = analysis.compile();
        // Valid programs; past the resource limit the limit is the one error.
        let over = teams * policy::TEAM_RESOURCES > bkp_cfn::MAX_RESOURCES;
        assert_eq!(template.is_none(), over);
        assert!(
            analysis
                .diagnostics
                .iter()
                .all(|d| d.code == bkp_cfn::TOO_MANY_RESOURCES),
            "{:?}",
            &analysis.diagnostics[..analysis.diagnostics.len().min(3)]
        );
        bench_compile(&mut group, "compile", lines, &src);
    }

    // The same policies with an error or two per team: linear too.
    for lines in [10_000, 100_000] {
        let src = erroneous(&policy::policy_of_lines(lines));
        let errors = Analysis::new(src.as_str())
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .count();
        assert!(errors > lines / policy::TEAM_LINES, "{errors}");
        bench_compile(&mut group, "erroneous", lines, &src);
    }

    let at_limit = policy::policy(bkp_cfn::MAX_RESOURCES / policy::TEAM_RESOURCES);
    let template = Analysis::new(at_limit.as_str())
        .compile()
        .expect("500 resources compile");
    group.throughput(Throughput::BytesDecimal(at_limit.len() as u64));
    group.bench_with_input(
        BenchmarkId::new("to_json", "500 resources"),
        &template,
        |b, t| b.iter(|| bkp_cfn::to_json(black_box(t))),
    );

    let small = policy::policy_of_lines(1_000);
    for (name, src) in [("1k lines", &small), ("3.6k lines", &at_limit)] {
        assert!(end_to_end(src).is_some());
        group.throughput(Throughput::BytesDecimal(src.len() as u64));
        group.bench_with_input(BenchmarkId::new("end_to_end", name), src, |b, src| {
            b.iter(|| end_to_end(black_box(src)))
        });
    }
    group.finish();
}

/// Benchmarks analysis and backend (`Analysis::new` + `compile`) on `src`.
fn bench_compile(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    lines: usize,
    src: &str,
) {
    group.throughput(Throughput::BytesDecimal(src.len() as u64));
    group.bench_with_input(
        BenchmarkId::new(name, format!("{}k lines", lines / 1000)),
        src,
        |b, src| {
            b.iter(|| {
                let mut analysis = Analysis::new(black_box(src));
                analysis.compile()
            })
        },
    );
}

/// `src` with the mistakes whose handling once grew faster than the input:
/// an unclosed bracket at the top, a misspelled vault in every plan (each
/// unknown name looks for a suggestion) and a plan without rules per team.
fn erroneous(src: &str) -> String {
    let mut out = String::from("let broken = [1d,\n");
    for (i, line) in src.lines().enumerate() {
        if line.starts_with("plan ") {
            out.push_str(&format!("plan NoRules{i} < >\n"));
        }
        out.push_str(&line.replace("-> vault vault_", "-> vault vualt_"));
        out.push('\n');
    }
    out
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
