//! Latency and memory of the server on a generated 5,000-line file, driven
//! in process: didChange to published diagnostics, completion and hover
//! round trips, and resident memory before and after 10,000 edits.
//! Run with `cargo bench -p bkp-lsp --bench latency`. It uses the `bkp`
//! binary's allocator (mimalloc), so it measures the server as shipped.

use bkp_lsp::{Backend, DEBOUNCE};
use futures::StreamExt;
use serde_json::{Value, json};
use std::time::{Duration, Instant};
use tower::{Service, ServiceExt};
use tower_lsp_server::jsonrpc::Request;
use tower_lsp_server::{ClientSocket, LspService};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const URI: &str = "file:///bench/big.bkp";

fn generate(lines: usize) -> String {
    let mut s = String::from(
        "# generated\nvault main { backup_vault_name = \"main\" }\nvault other = import \"o\"\n",
    );
    let mut i = 0;
    while s.lines().count() < lines {
        s.push_str(&format!(
            "plan P{i} -> vault main <\n  rule R{i} {{\n    schedule = cron(hour = \"3\", minute = \"0\")\n    start_window = 1h\n    delete_after = 35d\n    copy_actions = [{{ destination_backup_vault = other, delete_after = 2w }}]\n  }}\n  select S{i} {{ resources = [dynamodb_table(\"t{i}\")] }}\n>\n"
        ));
        i += 1;
    }
    s
}

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

struct H {
    service: LspService<Backend>,
    socket: ClientSocket,
    id: i64,
}

impl H {
    async fn call(&mut self, method: &'static str, params: Value, request: bool) {
        let mut b = Request::build(method).params(params);
        if request {
            self.id += 1;
            b = b.id(self.id);
        }
        self.service
            .ready()
            .await
            .unwrap()
            .call(b.finish())
            .await
            .unwrap();
    }

    /// How long a position request on `URI` at `line`:`character` takes.
    async fn timed_request(&mut self, method: &'static str, line: u32, character: u32) -> Duration {
        let t = Instant::now();
        self.call(
            method,
            json!({ "textDocument": { "uri": URI }, "position": { "line": line, "character": character } }),
            true,
        )
        .await;
        t.elapsed()
    }

    async fn published(&mut self, version: i64) {
        loop {
            let msg = tokio::time::timeout(Duration::from_secs(30), self.socket.next())
                .await
                .expect("diagnostics in time")
                .expect("server up");
            let (method, _, params) = msg.into_parts();
            if method == "textDocument/publishDiagnostics"
                && params.and_then(|p| p["version"].as_i64()) == Some(version)
            {
                return;
            }
        }
    }
}

fn change(version: i64, line: u32, insert: bool) -> Value {
    json!({
        "textDocument": { "uri": URI, "version": version },
        "contentChanges": [if insert {
            json!({ "range": { "start": { "line": line, "character": 1 }, "end": { "line": line, "character": 1 } }, "text": "x" })
        } else {
            json!({ "range": { "start": { "line": line, "character": 1 }, "end": { "line": line, "character": 2 } }, "text": "" })
        }]
    })
}

fn stats(name: &str, mut v: Vec<Duration>) {
    v.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name:<40} median {:>7.2} ms   p90 {:>7.2} ms   max {:>7.2} ms   (n={})",
        ms(v[v.len() / 2]),
        ms(v[v.len() * 9 / 10]),
        ms(*v.last().unwrap()),
        v.len()
    );
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let text = generate(5000);
    println!("file: {} lines, {} bytes", text.lines().count(), text.len());
    let (service, socket) = LspService::new(Backend::new);
    let mut h = H {
        service,
        socket,
        id: 0,
    };
    h.call("initialize", json!({ "capabilities": {} }), true)
        .await;
    h.call("initialized", json!({}), false).await;
    h.call(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": URI, "languageId": "bkp", "version": 1, "text": text } }),
        false,
    )
    .await;
    h.published(1).await;

    // didChange -> publishDiagnostics (the debounce included, then without).
    let mut version = 1;
    let mut lat = Vec::new();
    for i in 0..30 {
        version += 1;
        let t = Instant::now();
        h.call(
            "textDocument/didChange",
            change(version, 0, i % 2 == 0),
            false,
        )
        .await;
        h.published(version).await;
        lat.push(t.elapsed());
    }
    let without: Vec<Duration> = lat.iter().map(|d| d.saturating_sub(DEBOUNCE)).collect();
    stats("didChange -> diagnostics (with debounce)", lat);
    stats("didChange -> diagnostics (minus debounce)", without);

    // Completion in a rule block deep in the file, and hover on a field.
    let line = (text.lines().count() - 6) as u32;
    let mut comp = Vec::new();
    let mut hov = Vec::new();
    for _ in 0..50 {
        comp.push(h.timed_request("textDocument/completion", line, 4).await);
        hov.push(h.timed_request("textDocument/hover", line, 6).await);
    }
    stats("completion (analysis cached)", comp);
    stats("hover (analysis cached)", hov);

    // Completion right after an edit: the analysis is recomputed first.
    let mut fresh = Vec::new();
    for i in 0..20 {
        version += 1;
        h.call(
            "textDocument/didChange",
            change(version, 0, i % 2 == 0),
            false,
        )
        .await;
        fresh.push(h.timed_request("textDocument/completion", line, 4).await);
    }
    stats("completion right after an edit", fresh);

    // Memory over 10,000 edits (a completion every 100 keeps analyses coming).
    h.published(version).await;
    let before = rss_kib();
    for i in 0..10_000 {
        version += 1;
        h.call(
            "textDocument/didChange",
            change(version, 0, i % 2 == 0),
            false,
        )
        .await;
        if i % 100 == 0 {
            h.call(
                "textDocument/completion",
                json!({ "textDocument": { "uri": URI }, "position": { "line": line, "character": 4 } }),
                true,
            )
            .await;
        }
        // Drain what the server sent meanwhile.
        while let Some(Some(_)) = futures::FutureExt::now_or_never(h.socket.next()) {}
    }
    h.published(version).await;
    let after = rss_kib();
    println!(
        "RSS before 10,000 edits {:>8} KiB, after {:>8} KiB ({:+} KiB)",
        before,
        after,
        after as i64 - before as i64
    );
}
