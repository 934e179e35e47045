//! Where the cursor is, read from the tokens alone so it works while the
//! code is incomplete: the stack of enclosing brackets with what each one
//! opens (a rule block, a list of events, a `cron(` call, ...), the tokens
//! of the current item before the cursor and the fields already set.

use bkp_diagnostics::Span;
use bkp_sema::schema::{BlockKind, FieldTy};
use bkp_syntax::lexer::{Token, TokenKind};

/// What an open bracket (or the file itself) contains.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Frame {
    /// The top level of the file.
    Top,
    /// `plan ... <`: plan properties, rules and selections.
    PlanBody,
    /// A record checked against a block schema.
    Block(BlockKind),
    /// A free-form record (tags, policy conditions, a `let` record).
    Record,
    /// A list, with the type of the field it is the value of.
    List(Option<FieldTy>),
    /// The arguments of a call to the named function.
    Call(String),
    /// Parentheses around an expression.
    Paren,
}

struct Open {
    frame: Frame,
    opener: TokenKind,
    /// Index (into the significant tokens) where the current item starts.
    item_start: usize,
    keys: Vec<String>,
}

/// The cursor's context.
#[derive(Debug)]
pub(crate) struct Ctx {
    /// The innermost frame.
    pub frame: Frame,
    /// Significant tokens of the current item before the cursor (the word
    /// being typed excluded).
    pub item: Vec<Token>,
    /// Keys already set in the innermost frame, before and after the cursor.
    pub keys: Vec<String>,
    /// The word being typed (empty at the cursor when there is none).
    pub prefix: Span,
    /// Whether the cursor is inside a string or a comment.
    pub in_literal: bool,
}

fn is_word(k: TokenKind) -> bool {
    k == TokenKind::Ident || k == TokenKind::Preset || k.is_keyword()
}

fn is_top_keyword(k: TokenKind) -> bool {
    matches!(
        k,
        TokenKind::Vault
            | TokenKind::Plan
            | TokenKind::Role
            | TokenKind::Let
            | TokenKind::Grant
            | TokenKind::Stack
    )
}

fn closes(opener: TokenKind, closer: TokenKind) -> bool {
    matches!(
        (opener, closer),
        (TokenKind::LBrace, TokenKind::RBrace)
            | (TokenKind::LBracket, TokenKind::RBracket)
            | (TokenKind::LParen, TokenKind::RParen)
            | (TokenKind::Lt, TokenKind::Gt)
    )
}

/// Computes the context of `offset` in `text` with its `tokens`.
pub(crate) fn at(text: &str, tokens: &[Token], offset: usize) -> Ctx {
    let offset = offset.min(text.len());
    let in_literal = tokens.iter().any(|t| {
        matches!(
            t.kind,
            TokenKind::Str | TokenKind::Comment | TokenKind::SingleQuoted
        ) && t.span.start() < offset
            && (offset < t.span.end()
                || (offset == t.span.end()
                    && (t.kind == TokenKind::Comment
                        || !text[t.span.range()].ends_with('"')
                        || t.span.len() == 1)))
    });
    let sig: Vec<Token> = tokens
        .iter()
        .copied()
        .filter(|t| !t.kind.is_trivia() && t.kind != TokenKind::Error)
        .collect();
    let before = sig.partition_point(|t| t.span.end() < offset);
    // The word touching the cursor from the left is what is being typed.
    let (prefix, upto) = match sig.get(before) {
        Some(t) if is_word(t.kind) && t.span.start() < offset && t.span.end() == offset => {
            (t.span, before)
        }
        _ => {
            let n = sig.partition_point(|t| t.span.end() <= offset);
            (Span::point(offset), n)
        }
    };
    let mut stack = vec![Open {
        frame: Frame::Top,
        opener: TokenKind::Error,
        item_start: 0,
        keys: Vec::new(),
    }];
    for i in 0..upto {
        step(text, &sig, i, &mut stack);
    }
    let top = stack.last().expect("the file frame stays");
    let item: Vec<Token> = sig[top.item_start.min(upto)..upto].to_vec();
    let mut keys = top.keys.clone();
    keys.extend(keys_after(
        text,
        &sig,
        upto + usize::from(!prefix.is_empty()),
    ));
    Ctx {
        frame: top.frame.clone(),
        item,
        keys,
        prefix,
        in_literal,
    }
}

fn at_line_start(text: &str, t: &Token) -> bool {
    t.span.start() == 0 || text.as_bytes()[t.span.start() - 1] == b'\n'
}

fn step(text: &str, sig: &[Token], i: usize, stack: &mut Vec<Open>) {
    let t = sig[i];
    if is_top_keyword(t.kind) && at_line_start(text, &t) && stack.len() > 1 {
        // A declaration at column 0: whatever was left open before is broken.
        stack.truncate(1);
        stack[0].item_start = i;
    }
    let top = stack.last_mut().expect("the file frame stays");
    match t.kind {
        TokenKind::Newline | TokenKind::Comma => top.item_start = i + 1,
        TokenKind::Eq => {
            let item = &sig[top.item_start..i];
            if let [k] = item
                && (is_word(k.kind) || k.kind == TokenKind::Str)
            {
                top.keys
                    .push(text[k.span.range()].trim_matches('"').to_string());
            }
        }
        TokenKind::LBrace | TokenKind::LBracket | TokenKind::LParen | TokenKind::Lt => {
            let frame = opened(text, &sig[top.item_start..i], &top.frame, t.kind);
            stack.push(Open {
                frame,
                opener: t.kind,
                item_start: i + 1,
                keys: Vec::new(),
            });
        }
        TokenKind::RBrace | TokenKind::RBracket | TokenKind::RParen | TokenKind::Gt => {
            if let Some(pos) = stack.iter().rposition(|o| closes(o.opener, t.kind))
                && pos > 0
            {
                stack.truncate(pos);
            }
        }
        _ => {}
    }
}

/// The field a `K = ` item sets, if the item starts so.
pub(crate) fn item_key<'a>(text: &'a str, item: &[Token]) -> Option<&'a str> {
    match item {
        [k, eq, ..]
            if eq.kind == TokenKind::Eq && (is_word(k.kind) || k.kind == TokenKind::Str) =>
        {
            Some(text[k.span.range()].trim_matches('"'))
        }
        _ => None,
    }
}

/// The schema type of field `key` in `frame`.
pub(crate) fn field_ty(frame: &Frame, key: &str) -> Option<FieldTy> {
    match frame {
        Frame::Block(k) => k.field(key).map(|f| f.ty),
        Frame::PlanBody => BlockKind::Plan.field(key).map(|f| f.ty),
        _ => None,
    }
}

fn opened(text: &str, item: &[Token], frame: &Frame, opener: TokenKind) -> Frame {
    let key_ty = item_key(text, item).and_then(|k| field_ty(frame, k));
    match opener {
        TokenKind::LBrace => {
            if let Some(FieldTy::Block(k)) = key_ty {
                return Frame::Block(k);
            }
            if let Some(last) = item.last()
                && last.kind == TokenKind::Ident
                && matches!(&text[last.span.range()], "deny" | "allow")
            {
                return Frame::Block(BlockKind::Statement);
            }
            if let Frame::List(Some(FieldTy::Blocks(k))) = frame {
                return Frame::Block(*k);
            }
            if item_key(text, item).is_some() {
                return Frame::Record;
            }
            match item.first().map(|t| t.kind) {
                Some(TokenKind::Rule) => Frame::Block(BlockKind::Rule),
                Some(TokenKind::Select) => Frame::Block(BlockKind::Select),
                Some(TokenKind::Vault) if *frame == Frame::Top => Frame::Block(BlockKind::Vault),
                Some(TokenKind::Role) => Frame::Block(BlockKind::Role),
                Some(TokenKind::Stack) => Frame::Block(BlockKind::Stack),
                _ => Frame::Record,
            }
        }
        TokenKind::LBracket => Frame::List(key_ty),
        TokenKind::LParen => match item.last() {
            Some(t) if t.kind == TokenKind::Ident => Frame::Call(text[t.span.range()].to_string()),
            _ => Frame::Paren,
        },
        _ => {
            if item.first().map(|t| t.kind) == Some(TokenKind::Plan) {
                Frame::PlanBody
            } else {
                Frame::Paren
            }
        }
    }
}

/// Keys set at depth 0 after `from`, until the frame closes.
fn keys_after(text: &str, sig: &[Token], from: usize) -> Vec<String> {
    let mut keys = Vec::new();
    let mut depth = 0usize;
    let mut item_start = true;
    let mut i = from;
    while i < sig.len() {
        let t = sig[i];
        if is_top_keyword(t.kind) && at_line_start(text, &t) {
            break;
        }
        match t.kind {
            TokenKind::LBrace | TokenKind::LBracket | TokenKind::LParen | TokenKind::Lt => {
                depth += 1
            }
            TokenKind::RBrace | TokenKind::RBracket | TokenKind::RParen | TokenKind::Gt => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            TokenKind::Newline | TokenKind::Comma if depth == 0 => {
                item_start = true;
                i += 1;
                continue;
            }
            k if (is_word(k) || k == TokenKind::Str)
                && depth == 0
                && item_start
                && sig.get(i + 1).is_some_and(|n| n.kind == TokenKind::Eq) =>
            {
                keys.push(text[t.span.range()].trim_matches('"').to_string());
            }
            _ => {}
        }
        item_start = false;
        i += 1;
    }
    keys
}
