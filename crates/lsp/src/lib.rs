//! `bkp lsp`: the language server, over stdio. A thin translation layer:
//! documents and their versions live here, every answer comes from
//! [`bkp_driver`] (diagnostics, exactly those of `bkp check`), [`bkp_ide`]
//! (completion, hover, navigation, ...) and [`bkp_fmt`] (formatting). This is
//! the only crate that knows LSP types; all position conversion happens in
//! [`position`].
//!
//! Edits are applied in the order they arrive, at the first poll of their
//! handler (which holds no lock across an await), and a change whose version
//! is not newer than the document's is dropped. Diagnostics are computed
//! after a short debounce, and published only if the document is still at
//! the version they were computed for. A panic in a handler is caught and
//! logged; the server goes on.

mod convert;
pub mod position;

use bkp_diagnostics::Span;
use bkp_driver::Analysis;
use position::{Conv, Encoding, apply_change};
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

/// How long diagnostics wait for further edits before being computed.
pub const DEBOUNCE: Duration = Duration::from_millis(50);

/// One open document.
struct Doc {
    text: String,
    version: i32,
    /// The analysis of `text`, once computed (compiled: backend diagnostics included).
    analysis: Option<Arc<Analysis>>,
}

#[derive(Default)]
struct State {
    docs: HashMap<Uri, Doc>,
    encoding: Option<Encoding>,
    snippets: bool,
}

/// The language server. Build it with [`LspService::new`]`(Backend::new)`.
pub struct Backend {
    client: Client,
    state: Arc<Mutex<State>>,
}

fn analyze(text: &str) -> Arc<Analysis> {
    let mut a = Analysis::new(text);
    a.compile();
    Arc::new(a)
}

fn lock(state: &Mutex<State>) -> std::sync::MutexGuard<'_, State> {
    // A panic elsewhere must not take the documents with it.
    state.lock().unwrap_or_else(|e| e.into_inner())
}

impl Backend {
    pub fn new(client: Client) -> Self {
        Backend {
            client,
            state: Arc::new(Mutex::new(State::default())),
        }
    }

    fn encoding(&self) -> Encoding {
        lock(&self.state).encoding.unwrap_or(Encoding::Utf16)
    }

    /// The current analysis of `uri`, computing it if the text changed.
    fn analysis(&self, uri: &Uri) -> Option<Arc<Analysis>> {
        let mut st = lock(&self.state);
        let doc = st.docs.get_mut(uri)?;
        if doc.analysis.is_none() {
            let text = doc.text.clone();
            let a = catch_unwind(|| analyze(&text)).ok()?;
            doc.analysis = Some(a);
        }
        doc.analysis.clone()
    }

    /// Runs `f` on the document's analysis, catching a panic (logged; the
    /// request then answers nothing).
    async fn with<T>(
        &self,
        what: &str,
        uri: &Uri,
        f: impl FnOnce(&Analysis, &Conv) -> Option<T>,
    ) -> Option<T> {
        let a = self.analysis(uri)?;
        let enc = self.encoding();
        let r = catch_unwind(AssertUnwindSafe(|| {
            let conv = Conv::new(&a.text, enc);
            f(&a, &conv)
        }));
        match r {
            Ok(v) => v,
            Err(p) => {
                let msg = p
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| p.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                self.client
                    .log_message(MessageType::ERROR, format!("bkp: {what} panicked: {msg}"))
                    .await;
                None
            }
        }
    }

    /// Schedules diagnostics for `uri` at `version` after `delay`.
    fn schedule(&self, uri: Uri, version: i32, delay: Duration) {
        let state = self.state.clone();
        let client = self.client.clone();
        tokio::spawn(async move {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            let (text, cached, enc) = {
                let st = lock(&state);
                match st.docs.get(&uri) {
                    Some(d) if d.version == version => (
                        d.text.clone(),
                        d.analysis.clone(),
                        st.encoding.unwrap_or(Encoding::Utf16),
                    ),
                    _ => return, // superseded or closed
                }
            };
            let target = uri.clone();
            let diags = tokio::task::spawn_blocking(move || {
                catch_unwind(AssertUnwindSafe(|| {
                    let a = cached.unwrap_or_else(|| analyze(&text));
                    let conv = Conv::new(&a.text, enc);
                    let d: Vec<Diagnostic> = a
                        .diagnostics
                        .iter()
                        .map(|d| convert::diagnostic(d, &conv, &target))
                        .collect();
                    (a, d)
                }))
                .ok()
            })
            .await
            .ok()
            .flatten();
            let Some((a, diags)) = diags else {
                client
                    .log_message(MessageType::ERROR, "bkp: analysis panicked")
                    .await;
                return;
            };
            {
                let mut st = lock(&state);
                match st.docs.get_mut(&uri) {
                    Some(d) if d.version == version => {
                        if d.analysis.is_none() {
                            d.analysis = Some(a);
                        }
                    }
                    _ => return,
                }
            }
            client.publish_diagnostics(uri, diags, Some(version)).await;
        });
    }
}

fn invalid(msg: impl Into<String>) -> Error {
    let mut e = Error::invalid_params(msg.into());
    e.data = None;
    e
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let offered = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.clone())
            .unwrap_or_default();
        let enc = if offered.contains(&PositionEncodingKind::UTF8) {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        };
        let snippets = params
            .capabilities
            .text_document
            .as_ref()
            .and_then(|t| t.completion.as_ref())
            .and_then(|c| c.completion_item.as_ref())
            .and_then(|i| i.snippet_support)
            .unwrap_or(false);
        {
            let mut st = lock(&self.state);
            st.encoding = Some(enc);
            st.snippets = snippets;
        }
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "bkp".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(match enc {
                    Encoding::Utf8 => PositionEncodingKind::UTF8,
                    Encoding::Utf16 => PositionEncodingKind::UTF16,
                }),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        ..Default::default()
                    },
                )),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec!["(".into(), "[".into(), "{".into()]),
                    ..Default::default()
                }),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                rename_provider: Some(OneOf::Right(RenameOptions {
                    prepare_provider: Some(true),
                    work_done_progress_options: Default::default(),
                })),
                document_symbol_provider: Some(OneOf::Left(true)),
                document_formatting_provider: Some(OneOf::Left(true)),
                document_range_formatting_provider: Some(OneOf::Left(true)),
                semantic_tokens_provider: Some(
                    SemanticTokensServerCapabilities::SemanticTokensOptions(
                        SemanticTokensOptions {
                            legend: SemanticTokensLegend {
                                token_types: convert::TOKEN_TYPES.to_vec(),
                                token_modifiers: convert::TOKEN_MODIFIERS.to_vec(),
                            },
                            full: Some(SemanticTokensFullOptions::Bool(true)),
                            range: None,
                            ..Default::default()
                        },
                    ),
                ),
                folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                        ..Default::default()
                    },
                )),
                inlay_hint_provider: Some(OneOf::Left(true)),
                ..Default::default()
            },
            offset_encoding: None,
        })
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        lock(&self.state).docs.insert(
            doc.uri.clone(),
            Doc {
                text: doc.text,
                version: doc.version,
                analysis: None,
            },
        );
        self.schedule(doc.uri, doc.version, Duration::ZERO);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        let applied = {
            let mut st = lock(&self.state);
            let enc = st.encoding.unwrap_or(Encoding::Utf16);
            match st.docs.get_mut(&uri) {
                Some(doc) if version > doc.version => {
                    for c in &params.content_changes {
                        apply_change(&mut doc.text, c.range, &c.text, enc);
                    }
                    doc.version = version;
                    doc.analysis = None;
                    Ok(())
                }
                Some(doc) => Err(format!(
                    "bkp: dropped change to version {version}: the document is at {}",
                    doc.version
                )),
                None => Err(format!(
                    "bkp: change to a document that is not open: {}",
                    uri.as_str()
                )),
            }
        };
        match applied {
            Ok(()) => self.schedule(uri, version, DEBOUNCE),
            Err(msg) => self.client.log_message(MessageType::WARNING, msg).await,
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        lock(&self.state).docs.remove(&uri);
        self.client.publish_diagnostics(uri, Vec::new(), None).await;
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let pos = params.text_document_position;
        let snippets = lock(&self.state).snippets;
        Ok(self
            .with("completion", &pos.text_document.uri, |a, conv| {
                let offset = conv.offset(pos.position);
                let items = bkp_ide::completions(a, offset)
                    .into_iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let (text, format) = match &c.insert_text {
                            Some(t) if snippets => (t.clone(), InsertTextFormat::SNIPPET),
                            Some(t) => (convert::strip_snippet(t), InsertTextFormat::PLAIN_TEXT),
                            None => (c.label.clone(), InsertTextFormat::PLAIN_TEXT),
                        };
                        CompletionItem {
                            label: c.label.clone(),
                            kind: Some(convert::completion_kind(c.kind)),
                            detail: Some(c.detail.clone()),
                            documentation: (!c.documentation.is_empty()).then(|| {
                                Documentation::MarkupContent(MarkupContent {
                                    kind: MarkupKind::Markdown,
                                    value: c.documentation.clone(),
                                })
                            }),
                            sort_text: Some(format!("{i:04}")),
                            filter_text: c.label.split_whitespace().next().map(str::to_string),
                            insert_text_format: Some(format),
                            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                                conv.range(c.replace),
                                text,
                            ))),
                            ..Default::default()
                        }
                    })
                    .collect();
                Some(CompletionResponse::Array(items))
            })
            .await)
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let pos = params.text_document_position_params;
        Ok(self
            .with("hover", &pos.text_document.uri, |a, conv| {
                let h = bkp_ide::hover(a, conv.offset(pos.position))?;
                Some(Hover {
                    contents: HoverContents::Markup(MarkupContent {
                        kind: MarkupKind::Markdown,
                        value: h.markdown,
                    }),
                    range: Some(conv.range(h.range)),
                })
            })
            .await)
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let pos = params.text_document_position_params;
        let uri = pos.text_document.uri.clone();
        Ok(self
            .with("definition", &pos.text_document.uri, |a, conv| {
                let span = bkp_ide::goto_definition(a, conv.offset(pos.position))?;
                Some(GotoDefinitionResponse::Scalar(Location::new(
                    uri,
                    conv.range(span),
                )))
            })
            .await)
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let pos = params.text_document_position;
        let uri = pos.text_document.uri.clone();
        let decl = params.context.include_declaration;
        Ok(self
            .with("references", &pos.text_document.uri, |a, conv| {
                let spans = bkp_ide::references(a, conv.offset(pos.position), decl);
                Some(
                    spans
                        .into_iter()
                        .map(|s| Location::new(uri.clone(), conv.range(s)))
                        .collect(),
                )
            })
            .await)
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        let r = self
            .with("prepareRename", &params.text_document.uri, |a, conv| {
                Some(
                    bkp_ide::prepare_rename(a, conv.offset(params.position))
                        .map(|s| PrepareRenameResponse::Range(conv.range(s))),
                )
            })
            .await;
        match r {
            None => Ok(None),
            Some(Ok(r)) => Ok(Some(r)),
            Some(Err(msg)) => Err(invalid(msg)),
        }
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let pos = params.text_document_position;
        let uri = pos.text_document.uri.clone();
        let r = self
            .with("rename", &pos.text_document.uri, |a, conv| {
                Some(
                    bkp_ide::rename(a, conv.offset(pos.position), &params.new_name).map(|edits| {
                        let edits = edits
                            .into_iter()
                            .map(|e| TextEdit::new(conv.range(e.span), e.text))
                            .collect();
                        WorkspaceEdit::new(HashMap::from([(uri, edits)]))
                    }),
                )
            })
            .await;
        match r {
            None => Ok(None),
            Some(Ok(e)) => Ok(Some(e)),
            Some(Err(msg)) => Err(invalid(msg)),
        }
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        Ok(self
            .with("documentSymbol", &params.text_document.uri, |a, conv| {
                Some(DocumentSymbolResponse::Nested(
                    bkp_ide::document_symbols(a)
                        .iter()
                        .map(|s| convert::symbol(s, conv))
                        .collect(),
                ))
            })
            .await)
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        Ok(self
            .with("formatting", &params.text_document.uri, |a, conv| {
                let out = bkp_fmt::format(&a.text).ok()?;
                if out == a.text {
                    return Some(Vec::new());
                }
                Some(vec![TextEdit::new(
                    conv.range(Span::new(0, a.text.len())),
                    out,
                )])
            })
            .await)
    }

    async fn range_formatting(
        &self,
        params: DocumentRangeFormattingParams,
    ) -> Result<Option<Vec<TextEdit>>> {
        Ok(self
            .with("rangeFormatting", &params.text_document.uri, |a, conv| {
                let edits = bkp_fmt::format_range(&a.text, conv.span(params.range)).ok()?;
                Some(
                    edits
                        .into_iter()
                        .map(|(s, t)| TextEdit::new(conv.range(s), t))
                        .collect(),
                )
            })
            .await)
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        Ok(self
            .with("semanticTokens", &params.text_document.uri, |a, conv| {
                let mut data = Vec::new();
                let (mut line, mut col) = (0u32, 0u32);
                for t in bkp_ide::semantic_tokens(a) {
                    let p = conv.position(t.span.start());
                    // Tokens never span lines (strings end at the line's end).
                    let len = conv.len(t.span);
                    let delta_line = p.line - line;
                    let delta_start = if delta_line == 0 {
                        p.character - col
                    } else {
                        p.character
                    };
                    data.push(SemanticToken {
                        delta_line,
                        delta_start,
                        length: len,
                        token_type: convert::token_type(t.kind),
                        token_modifiers_bitset: t.modifiers,
                    });
                    line = p.line;
                    col = p.character;
                }
                Some(SemanticTokensResult::Tokens(SemanticTokens {
                    result_id: None,
                    data,
                }))
            })
            .await)
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        Ok(self
            .with("foldingRange", &params.text_document.uri, |a, conv| {
                Some(
                    bkp_ide::folding_ranges(a)
                        .into_iter()
                        .map(|s| {
                            let r = conv.range(s);
                            let comment = a.text[s.range()].starts_with('#');
                            FoldingRange {
                                start_line: r.start.line,
                                end_line: r.end.line,
                                kind: comment.then_some(FoldingRangeKind::Comment),
                                ..Default::default()
                            }
                        })
                        .collect(),
                )
            })
            .await)
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri.clone();
        Ok(self
            .with("codeAction", &params.text_document.uri, |a, conv| {
                let range = conv.span(params.range);
                let actions = bkp_ide::code_actions(a, range)
                    .into_iter()
                    .enumerate()
                    .map(|(i, act)| {
                        let edits = act
                            .edits
                            .iter()
                            .map(|e| TextEdit::new(conv.range(e.span), e.text.clone()))
                            .collect();
                        CodeActionOrCommand::CodeAction(CodeAction {
                            title: act.title,
                            kind: Some(CodeActionKind::QUICKFIX),
                            diagnostics: act
                                .diagnostic
                                .map(|d| vec![convert::diagnostic(&a.diagnostics[d], conv, &uri)]),
                            edit: Some(WorkspaceEdit::new(HashMap::from([(uri.clone(), edits)]))),
                            is_preferred: Some(i == 0),
                            ..Default::default()
                        })
                    })
                    .collect();
                Some(actions)
            })
            .await)
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        Ok(self
            .with("inlayHint", &params.text_document.uri, |a, conv| {
                Some(
                    bkp_ide::inlay_hints(a, conv.span(params.range))
                        .into_iter()
                        .map(|h| InlayHint {
                            position: conv.position(h.offset),
                            label: InlayHintLabel::String(h.label),
                            kind: None,
                            text_edits: None,
                            tooltip: None,
                            padding_left: None,
                            padding_right: None,
                            data: None,
                        })
                        .collect(),
                )
            })
            .await)
    }
}

/// Serves the language server on stdin and stdout until the client exits.
pub async fn run() {
    let (service, socket) = LspService::new(Backend::new);
    Server::new(tokio::io::stdin(), tokio::io::stdout(), socket)
        .serve(service)
        .await;
}

/// [`run`] on its own Tokio runtime (for a synchronous `main`).
pub fn run_stdio() {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a Tokio runtime")
        .block_on(run());
}
