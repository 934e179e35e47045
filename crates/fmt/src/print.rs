//! The syntax tree to a [`Doc`]. The tree gives the structure; the tokens,
//! consumed in order by a cursor, give the text and the comments. Every
//! emitted token goes through [`Printer::tok`], so each comment is printed
//! exactly once, next to the token it is attached to.

use crate::doc::Doc;
use crate::trivia::{Gap, Trivia, tidy};
use bkp_syntax::ast::*;
use bkp_syntax::lexer::TokenKind as T;

/// The four bracketed sequences, and parentheses around an expression.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Block {
    /// `{ a = 1, b = 2 }`: spaces inside when flat; one field per line, no commas, when broken.
    Record,
    /// `< rule a, rule b >`: like a record.
    Plan,
    /// `[a, b]`: no spaces inside; one element per line with trailing commas when broken.
    List,
    /// `f(a, k = b)`: like a list.
    Args,
    /// `(a + b)`: one expression; breaks only for comments or width.
    Paren,
}

impl Block {
    fn spaced(self) -> bool {
        matches!(self, Block::Record | Block::Plan)
    }

    fn commas_when_broken(self) -> bool {
        matches!(self, Block::List | Block::Args)
    }

    /// Whether a newline written directly inside keeps the block broken.
    fn keeps_source_breaks(self) -> bool {
        self != Block::Paren
    }
}

pub(crate) struct Printer<'a> {
    src: &'a str,
    tv: Trivia<'a>,
    pos: usize,
    leading_taken: Vec<bool>,
    /// Set when the tree and the tokens disagree (never for a clean parse).
    pub failed: bool,
}

fn cat(docs: Vec<Doc>) -> Doc {
    Doc::Concat(docs)
}

fn sp() -> Doc {
    Doc::text(" ")
}

impl<'a> Printer<'a> {
    pub fn new(src: &'a str, tv: Trivia<'a>) -> Self {
        let n = tv.tokens.len();
        Printer {
            src,
            tv,
            pos: 0,
            leading_taken: vec![false; n],
            failed: false,
        }
    }

    pub fn all_consumed(&self) -> bool {
        self.pos == self.tv.tokens.len()
    }

    fn gap(&self) -> &Gap<'a> {
        &self.tv.gaps[self.pos]
    }

    fn peek(&self) -> Option<T> {
        self.tv.tokens.get(self.pos).map(|t| t.kind)
    }

    /// Emits the next token with its leading comments (unless already taken)
    /// and its trailing comment.
    fn tok(&mut self) -> Doc {
        let k = self.pos;
        let Some(token) = self.tv.tokens.get(k) else {
            self.failed = true;
            return Doc::nil();
        };
        let text = Doc::text(&self.src[token.span.range()]);
        self.pos += 1;
        let mut out = Vec::with_capacity(3);
        if !std::mem::replace(&mut self.leading_taken[k], true) {
            out.push(self.leading_of(k));
        }
        out.push(text);
        if let Some(c) = self.tv.gaps[k + 1].trailing {
            out.push(Doc::Trailing(tidy(c.text)));
        }
        cat(out)
    }

    /// [`Self::tok`], checking that the token is of the kind the tree implies.
    fn expect(&mut self, kinds: &[T]) -> Doc {
        if !self.peek().is_some_and(|k| kinds.contains(&k)) {
            self.failed = true;
        }
        self.tok()
    }

    /// A name-like token: identifiers, presets, and keywords (the grammar
    /// allows some as field names and callees, such as `role = ops` or `arn(...)`).
    fn expect_name(&mut self) -> Doc {
        if !self
            .peek()
            .is_some_and(|k| matches!(k, T::Ident | T::Preset) || k.is_keyword())
        {
            self.failed = true;
        }
        self.tok()
    }

    /// The own-line comments before token `k`, each followed by a newline.
    fn leading_of(&self, k: usize) -> Doc {
        let gap = &self.tv.gaps[k];
        let mut out = Vec::new();
        for (i, c) in gap.own.iter().enumerate() {
            if i > 0 && c.blank_before {
                out.push(Doc::HardLine);
            }
            out.push(Doc::text(tidy(c.text)));
            out.push(Doc::HardLine);
        }
        if !gap.own.is_empty() && gap.blank_before_next {
            out.push(Doc::HardLine);
        }
        cat(out)
    }

    /// Takes the leading comments of the next token now, so they print
    /// before (outside) the construct that starts with it.
    fn take_leading(&mut self) -> Doc {
        match self.leading_taken.get_mut(self.pos) {
            Some(taken) if !*taken => {
                *taken = true;
                self.leading_of(self.pos)
            }
            _ => Doc::nil(),
        }
    }

    /// Whether a blank line precedes the next token and its comments.
    fn blank_before(&self) -> bool {
        let gap = self.gap();
        gap.own
            .first()
            .map_or(gap.blank_before_next, |c| c.blank_before)
    }

    fn comments_before(&self) -> bool {
        let gap = self.gap();
        gap.trailing.is_some() || !gap.own.is_empty()
    }

    // ---- the file and its declarations ----

    pub fn file(&mut self, file: &File) -> Doc {
        let mut out = Vec::new();
        for (i, item) in file.items.iter().enumerate() {
            if i > 0 {
                out.push(Doc::HardLine);
                if self.blank_before() {
                    out.push(Doc::HardLine);
                }
            }
            out.push(self.take_leading());
            out.push(self.item(item));
        }
        let eof = self
            .tv
            .gaps
            .last()
            .map(|g| g.own.clone())
            .unwrap_or_default();
        for (i, c) in eof.iter().enumerate() {
            if i > 0 || !file.items.is_empty() {
                out.push(Doc::HardLine);
                if c.blank_before {
                    out.push(Doc::HardLine);
                }
            }
            out.push(Doc::text(tidy(c.text)));
        }
        cat(out)
    }

    fn item(&mut self, item: &Item) -> Doc {
        match item {
            Item::Let(d) => {
                let kw = self.expect(&[T::Let]);
                let name = self.expect(&[T::Ident]);
                let eq = self.expect(&[T::Eq]);
                let value = self.expr(&d.value);
                cat(vec![kw, sp(), name, sp(), eq, sp(), value])
            }
            Item::Vault(VaultDecl { body, .. }) | Item::Role(RoleDecl { body, .. }) => {
                let kw = self.expect(&[T::Vault, T::Role]);
                let name = self.expect(&[T::Ident]);
                let mut out = vec![kw, sp(), name];
                match body {
                    DeclBody::New(None) => {}
                    DeclBody::New(Some(r)) => {
                        out.push(sp());
                        out.push(self.record(r));
                    }
                    DeclBody::Import { by_arn, value, .. } => {
                        out.push(sp());
                        out.push(self.expect(&[T::Eq]));
                        out.push(sp());
                        out.push(self.expect(&[T::Import]));
                        if *by_arn {
                            out.push(sp());
                            out.push(self.expect(&[T::Arn]));
                        }
                        out.push(sp());
                        out.push(self.expr(value));
                    }
                }
                cat(out)
            }
            Item::Grant(g) => {
                let kw = self.expect(&[T::Grant]);
                let role = self.expect(&[T::Ident]);
                let actions = self.expr(&g.actions);
                let on = self.expect(&[T::On]);
                let vault = self.expect(&[T::Ident]);
                cat(vec![kw, sp(), role, sp(), actions, sp(), on, sp(), vault])
            }
            Item::Stack(s) => {
                let kw = self.expect(&[T::Stack]);
                let name = self.expect(&[T::Ident]);
                let mut out = vec![kw, sp(), name];
                if let Some(r) = &s.body {
                    out.push(sp());
                    out.push(self.record(r));
                }
                cat(out)
            }
            Item::Plan(p) => self.plan(p),
            Item::Error(_) => {
                self.failed = true;
                Doc::nil()
            }
        }
    }

    fn plan(&mut self, p: &PlanDecl) -> Doc {
        let mut out = vec![self.expect(&[T::Plan])];
        if p.name.is_some() {
            out.push(sp());
            out.push(self.expect(&[T::Ident]));
            if p.preset.is_some() {
                out.push(sp());
                out.push(self.expect(&[T::Eq]));
            }
        }
        if p.preset.is_some() {
            out.push(sp());
            out.push(self.expect_name());
        }
        if let Some(v) = &p.vault {
            out.push(sp());
            out.push(self.vault_target(v));
        }
        if let Some(body) = &p.body {
            out.push(sp());
            out.push(self.block(Block::Plan, &body.items, |p, it| p.plan_item(it)));
        }
        cat(out)
    }

    fn vault_target(&mut self, _: &VaultTarget) -> Doc {
        let arrow = self.expect(&[T::Arrow]);
        let kw = self.expect(&[T::Vault]);
        let name = self.expect(&[T::Ident]);
        cat(vec![arrow, sp(), kw, sp(), name])
    }

    fn plan_item(&mut self, item: &PlanItem) -> Doc {
        match item {
            PlanItem::Field(f) => self.field(f),
            PlanItem::Rule(r) => {
                let mut out = vec![self.expect(&[T::Rule])];
                if r.name.is_some() {
                    out.push(sp());
                    out.push(self.expect_name());
                }
                if let Some(v) = &r.vault {
                    out.push(sp());
                    out.push(self.vault_target(v));
                }
                if let Some(b) = &r.body {
                    out.push(sp());
                    out.push(self.record(b));
                }
                cat(out)
            }
            PlanItem::Select(s) => {
                let mut out = vec![self.expect(&[T::Select])];
                if s.name.is_some() {
                    out.push(sp());
                    out.push(self.expect(&[T::Ident]));
                }
                if let Some(b) = &s.body {
                    out.push(sp());
                    out.push(self.record(b));
                }
                cat(out)
            }
            PlanItem::Error(_) => {
                self.failed = true;
                Doc::nil()
            }
        }
    }

    // ---- blocks ----

    fn record(&mut self, r: &Record) -> Doc {
        self.block(Block::Record, &r.fields, |p, f| p.field(f))
    }

    fn field(&mut self, f: &Field) -> Doc {
        let key = if self.peek() == Some(T::Str) {
            self.tok()
        } else {
            self.expect_name()
        };
        let eq = self.expect(&[T::Eq]);
        let value = self.expr(&f.value);
        cat(vec![key, sp(), eq, sp(), value])
    }

    /// A bracketed sequence: opener, elements, closer. Broken when the source
    /// had a newline directly inside it (not counting newlines nested in the
    /// elements), when anything inside is broken or holds a comment, and when
    /// it does not fit the width.
    fn block<E>(
        &mut self,
        kind: Block,
        elems: &[E],
        mut elem: impl FnMut(&mut Self, &E) -> Doc,
    ) -> Doc {
        let open = self.tok();
        let mut source_break = false;
        let mut inner = Vec::new();
        for (i, e) in elems.iter().enumerate() {
            source_break |= self.gap().newline;
            if i == 0 {
                inner.push(if kind.spaced() {
                    Doc::Line
                } else {
                    Doc::SoftLine
                });
            } else {
                inner.push(if kind.commas_when_broken() {
                    Doc::text(",")
                } else {
                    Doc::IfBreak {
                        broken: "",
                        flat: ",",
                    }
                });
                inner.push(Doc::Line);
                if self.blank_before() {
                    inner.push(Doc::HardLine);
                }
            }
            inner.push(self.take_leading());
            inner.push(elem(self, e));
        }
        if !elems.is_empty() && kind.commas_when_broken() {
            inner.push(Doc::IfBreak {
                broken: ",",
                flat: "",
            });
        }
        source_break |= self.gap().newline;
        // Comments before the closer stay inside the block.
        let closing: Vec<_> = self.gap().own.clone();
        for (i, c) in closing.iter().enumerate() {
            inner.push(Doc::HardLine);
            if c.blank_before && (i > 0 || !elems.is_empty()) {
                inner.push(Doc::HardLine);
            }
            inner.push(Doc::text(tidy(c.text)));
        }
        if let Some(t) = self.leading_taken.get_mut(self.pos) {
            *t = true;
        }
        let close = self.tok();
        if elems.is_empty() {
            // `{}`, or a comment alone inside.
            let comment_after_open = self.tv.gaps[self.pos - 1].trailing.is_some();
            let line = if closing.is_empty() && !comment_after_open {
                Doc::nil()
            } else {
                Doc::HardLine
            };
            return cat(vec![open, Doc::indent(cat(inner)), line, close]);
        }
        let last = if kind.spaced() {
            Doc::Line
        } else {
            Doc::SoftLine
        };
        let broken = source_break && kind.keeps_source_breaks();
        Doc::group(
            cat(vec![open, Doc::indent(cat(inner)), last, close]),
            broken,
        )
    }

    // ---- expressions ----

    fn expr(&mut self, e: &Expr) -> Doc {
        match &e.kind {
            ExprKind::Int(_) => self.expect(&[T::Int]),
            ExprKind::Duration { .. } => self.expect(&[T::Duration]),
            ExprKind::Bool(_) => self.expect(&[T::True, T::False]),
            ExprKind::Str(_) => self.expect(&[T::Str]),
            ExprKind::Name(_) => self.expect_name(),
            ExprKind::List(items) => self.block(Block::List, items, |p, e| p.expr(e)),
            ExprKind::Record(r) => self.record(r),
            ExprKind::Call { args, .. } => {
                let callee = self.expect_name();
                let args = self.block(Block::Args, args, |p, a| p.arg(a));
                cat(vec![callee, args])
            }
            ExprKind::Tagged { record, .. } => {
                let tag = self.expect_name();
                let record = self.record(record);
                cat(vec![tag, sp(), record])
            }
            ExprKind::Binary { op, .. } => self.binary(e, *op),
            ExprKind::Paren(inner) => {
                self.block(Block::Paren, std::slice::from_ref(&**inner), |p, e| {
                    p.expr(e)
                })
            }
            ExprKind::Error => {
                self.failed = true;
                Doc::nil()
            }
        }
    }

    fn arg(&mut self, a: &Arg) -> Doc {
        let Some(_) = &a.name else {
            return self.expr(&a.value);
        };
        let name = self.expect(&[T::Ident]);
        let eq = self.expect(&[T::Eq]);
        if self.comments_before() {
            // The source broke the line after `=` to hold a comment.
            let lead = self.take_leading();
            let value = self.expr(&a.value);
            return cat(vec![
                name,
                sp(),
                eq,
                Doc::indent(cat(vec![Doc::HardLine, lead, value])),
            ]);
        }
        let value = self.expr(&a.value);
        cat(vec![name, sp(), eq, sp(), value])
    }

    /// A chain of the same operator, `a + b + c`, breaking after operators
    /// (the only place the grammar allows a newline) when too long.
    fn binary(&mut self, e: &Expr, op: BinOp) -> Doc {
        let mut operands = Vec::new();
        let mut cur = e;
        while let ExprKind::Binary { op: o, lhs, rhs } = &cur.kind {
            if *o != op {
                break;
            }
            operands.push(&**rhs);
            cur = lhs;
        }
        operands.push(cur);
        operands.reverse();
        let first = self.expr(operands[0]);
        let kind = match op {
            BinOp::Add => T::Plus,
            BinOp::Mul => T::Star,
        };
        let mut rest = Vec::new();
        for operand in &operands[1..] {
            rest.push(sp());
            rest.push(self.expect(&[kind]));
            rest.push(Doc::Line);
            rest.push(self.take_leading());
            rest.push(self.expr(operand));
        }
        Doc::group(cat(vec![first, Doc::indent(cat(rest))]), false)
    }
}
