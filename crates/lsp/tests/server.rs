//! The server driven in process through tower's `LspService`: diagnostics
//! published and cleared, edits applied in order under rapid typing,
//! UTF-16 and UTF-8 positions, and robustness against bad input.

use bkp_lsp::Backend;
use futures::StreamExt;
use serde_json::{Value, json};
use std::time::Duration;
use tower::{Service, ServiceExt};
use tower_lsp_server::jsonrpc::Request;
use tower_lsp_server::{ClientSocket, LspService};

struct Harness {
    service: LspService<Backend>,
    socket: ClientSocket,
    next_id: i64,
}

const URI: &str = "file:///project/main.bkp";

impl Harness {
    async fn new(encodings: &[&str]) -> Harness {
        let (service, socket) = LspService::new(Backend::new);
        let mut h = Harness {
            service,
            socket,
            next_id: 1,
        };
        let init = h
            .request(
                "initialize",
                json!({
                    "capabilities": {
                        "general": { "positionEncodings": encodings },
                        "textDocument": { "completion": { "completionItem": { "snippetSupport": true } } }
                    }
                }),
            )
            .await;
        assert!(init.get("capabilities").is_some(), "{init}");
        h.notify("initialized", json!({})).await;
        h
    }

    /// Sends a request; the result, or `{"error": message}`.
    async fn request(&mut self, method: &'static str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        let req = Request::build(method).params(params).id(id).finish();
        let resp = self
            .service
            .ready()
            .await
            .unwrap()
            .call(req)
            .await
            .unwrap()
            .expect("a response");
        match resp.into_parts().1 {
            Ok(v) => v,
            Err(e) => json!({ "error": e.message }),
        }
    }

    async fn notify(&mut self, method: &'static str, params: Value) {
        let req = Request::build(method).params(params).finish();
        let r = self.service.ready().await.unwrap().call(req).await.unwrap();
        assert!(r.is_none());
    }

    async fn open(&mut self, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": URI, "languageId": "bkp", "version": 1, "text": text } }),
        )
        .await;
    }

    /// The next publishDiagnostics: its version and diagnostics.
    async fn diagnostics(&mut self) -> (Option<i64>, Vec<Value>) {
        loop {
            let msg = tokio::time::timeout(Duration::from_secs(10), self.socket.next())
                .await
                .expect("diagnostics in time")
                .expect("the server is up");
            let (method, _, params) = msg.into_parts();
            if method == "textDocument/publishDiagnostics" {
                let p = params.unwrap();
                return (
                    p["version"].as_i64(),
                    p["diagnostics"].as_array().unwrap().clone(),
                );
            }
        }
    }
}

fn pos(line: u32, character: u32) -> Value {
    json!({ "line": line, "character": character })
}

fn at(line: u32, character: u32) -> Value {
    json!({ "textDocument": { "uri": URI }, "position": pos(line, character) })
}

const MAIN: &str = "vault main { backup_vault_name = \"main\" }\nplan P -> vault main <\n  rule Keep {\n    delete_aftr = 35d\n  }\n>\n";

#[tokio::test]
async fn publishes_and_clears_diagnostics() {
    let mut h = Harness::new(&[]).await;
    h.open(MAIN).await;
    let (version, diags) = h.diagnostics().await;
    assert_eq!(version, Some(1));
    assert_eq!(diags.len(), 1, "{diags:?}");
    let d = &diags[0];
    assert_eq!(d["code"], "E0210");
    assert_eq!(d["range"]["start"], pos(3, 4));
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("did you mean `delete_after`")
    );
    assert!(
        d["data"]["explanation"]
            .as_str()
            .unwrap()
            .contains("schema")
    );
    // The quick fix is offered at the diagnostic.
    let actions = h
        .request(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": URI }, "range": { "start": pos(3, 6), "end": pos(3, 6) }, "context": { "diagnostics": [] } }),
        )
        .await;
    assert_eq!(actions[0]["title"], "change to `delete_after`");
    h.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": URI } }),
    )
    .await;
    let (_, diags) = h.diagnostics().await;
    assert!(diags.is_empty());
}

#[tokio::test]
async fn rapid_edits_apply_in_order_and_publish_the_latest() {
    let mut h = Harness::new(&[]).await;
    h.open("").await;
    let _ = h.diagnostics().await;
    // Type `vault v { removal_policy = destroy }` one character at a time,
    // sending every change before any handler has finished.
    let text = "vault v { removal_policy = destroyy }";
    let mut calls = Vec::new();
    for (i, c) in text.chars().enumerate() {
        let req = Request::build("textDocument/didChange")
            .params(json!({
                "textDocument": { "uri": URI, "version": i as i64 + 2 },
                "contentChanges": [{ "range": { "start": pos(0, i as u32), "end": pos(0, i as u32) }, "text": c.to_string() }]
            }))
            .finish();
        calls.push(h.service.ready().await.unwrap().call(req));
    }
    futures::future::join_all(calls).await;
    let last = text.len() as i64 + 1;
    let (version, diags) = h.diagnostics().await;
    assert_eq!(version, Some(last), "only the latest version is published");
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(diags[0]["message"].as_str().unwrap().contains("destroyy"));
    // A stale change (older version) is dropped.
    h.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": URI, "version": 3 }, "contentChanges": [{ "text": "garbage" }] }),
    )
    .await;
    let syms = h
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": URI } }),
        )
        .await;
    assert_eq!(syms[0]["name"], "v");
}

const EMOJI: &str =
    "# 😀😀\nvault main { backup_vault_name = \"😀\" }\nplan P -> vault main <\n  rule weekly\n>\n";

#[tokio::test]
async fn utf16_positions_by_default() {
    let mut h = Harness::new(&[]).await;
    h.open(EMOJI).await;
    let (_, diags) = h.diagnostics().await;
    // The invalid vault name `"😀"` spans 4 UTF-16 units.
    assert_eq!(diags[0]["range"]["end"], pos(1, 37));
    // `main` in `-> vault main` is at line 2, UTF-16 column 16.
    let def = h.request("textDocument/definition", at(2, 17)).await;
    assert_eq!(def["range"]["start"], pos(1, 6));
    // An edit after the emoji of the comment, in UTF-16 units (2 per emoji).
    h.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": URI, "version": 2 }, "contentChanges": [{ "range": { "start": pos(0, 6), "end": pos(0, 6) }, "text": "!" }] }),
    )
    .await;
    let hover = h.request("textDocument/hover", at(0, 3)).await;
    assert!(hover.is_null());
    let fmt = h
        .request("textDocument/formatting", json!({ "textDocument": { "uri": URI }, "options": { "tabSize": 2, "insertSpaces": true } }))
        .await;
    let new_text = fmt[0]["newText"].as_str().unwrap_or("");
    assert!(
        fmt.as_array().unwrap().is_empty() || new_text.starts_with("# 😀😀!\n"),
        "{fmt}"
    );
}

#[tokio::test]
async fn utf8_positions_when_offered() {
    let mut h = Harness::new(&["utf-8", "utf-16"]).await;
    h.open(EMOJI).await;
    let (_, diags) = h.diagnostics().await;
    // The invalid vault name `"😀"` spans 6 bytes.
    assert_eq!(diags[0]["range"]["start"], pos(1, 33));
    assert_eq!(diags[0]["range"]["end"], pos(1, 39));
    let refs = h
        .request(
            "textDocument/references",
            json!({ "textDocument": { "uri": URI }, "position": pos(1, 7), "context": { "includeDeclaration": true } }),
        )
        .await;
    let refs = refs.as_array().unwrap();
    assert_eq!(refs.len(), 2);
    assert_eq!(refs[1]["range"]["start"], pos(2, 16));
    // The string's emoji is 4 bytes: the closing quote is at byte column 38.
    let tokens = h
        .request(
            "textDocument/semanticTokens/full",
            json!({ "textDocument": { "uri": URI } }),
        )
        .await;
    let data: Vec<u64> = tokens["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    // The string token `"😀"` has length 6 in UTF-8.
    assert!(data.chunks(5).any(|t| t[2] == 6 && t[3] == 10), "{data:?}");
}

#[tokio::test]
async fn robust_against_bad_requests() {
    let mut h = Harness::new(&[]).await;
    h.open(MAIN).await;
    let _ = h.diagnostics().await;
    // Unknown document.
    let r = h
        .request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": "file:///nope.bkp" }, "position": pos(0, 0) }),
        )
        .await;
    assert!(r.is_null());
    // Positions past the end of the line and of the file.
    for p in [pos(0, 999), pos(999, 0), pos(999, 999)] {
        let params = json!({ "textDocument": { "uri": URI }, "position": p });
        h.request("textDocument/hover", params.clone()).await;
        h.request("textDocument/completion", params.clone()).await;
        h.request("textDocument/definition", params).await;
    }
    // Malformed parameters get an error, not a crash.
    let r = h
        .request("textDocument/hover", json!({ "bogus": true }))
        .await;
    assert!(r.get("error").is_some());
    // Rename to a keyword is refused with a reason.
    let r = h
        .request(
            "textDocument/rename",
            json!({ "textDocument": { "uri": URI }, "position": pos(0, 7), "newName": "plan" }),
        )
        .await;
    assert!(r["error"].as_str().unwrap().contains("keyword"), "{r}");
    // A change to an unknown document, and one with an out-of-range range.
    h.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": "file:///nope.bkp", "version": 2 }, "contentChanges": [{ "text": "x" }] }),
    )
    .await;
    h.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": URI, "version": 2 }, "contentChanges": [{ "range": { "start": pos(99, 5), "end": pos(0, 0) }, "text": "# end\n" }] }),
    )
    .await;
    // Still serving.
    let c = h.request("textDocument/completion", at(3, 4)).await;
    assert!(c.as_array().is_some_and(|a| !a.is_empty()));
}

#[tokio::test]
async fn completion_hover_and_rename() {
    let mut h = Harness::new(&[]).await;
    h.open("vault main\nvault other = import \"o\"\nplan P = daily35 -> vault main <\n  rule weekly -> vault \n>\n").await;
    let _ = h.diagnostics().await;
    let c = h.request("textDocument/completion", at(3, 23)).await;
    let labels: Vec<&str> = c
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["main", "other"]);
    let hover = h.request("textDocument/hover", at(2, 11)).await;
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("kept 35 days, in vault main")
    );
    let r = h
        .request(
            "textDocument/rename",
            json!({ "textDocument": { "uri": URI }, "position": pos(0, 7), "newName": "primary" }),
        )
        .await;
    assert_eq!(r["changes"][URI].as_array().unwrap().len(), 2);
}
