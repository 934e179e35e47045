//! The parser: tokens to [`ast::File`], built with chumsky. It never fails:
//! bad input becomes `Error` nodes plus diagnostics, recovering at item
//! boundaries and at delimiters so one mistake does not hide the next.

use crate::ast::*;
use crate::lexer::{Token, TokenKind as T, UNIT_WORDS, split_duration};
use bkp_diagnostics::Span;
use chumsky::input::MappedInput;
use chumsky::prelude::*;

/// The parser's spans: 32-bit offsets, as in [`Span`], so that a token
/// pair has a token's size.
pub(crate) type PSpan = SimpleSpan<u32>;
pub(crate) type In<'s> = MappedInput<'s, T, PSpan, &'s [(T, PSpan)]>;
pub(crate) type Ex<'s, R> = extra::Err<R>;

/// The parser's error type. Valid input is parsed with [`EmptyErr`], which
/// costs nothing; only input with errors is parsed again with [`Rich`]
/// errors, whose expected-token sets make the messages.
pub(crate) trait PErr<'s>:
    chumsky::error::Error<'s, In<'s>>
    + chumsky::label::LabelError<'s, In<'s>, chumsky::DefaultExpected<'s, T>>
    + chumsky::label::LabelError<'s, In<'s>, &'static str>
    + 's
{
    /// An error with its own message (`CODE|message`).
    fn custom(span: PSpan, message: String) -> Self;
}

impl<'s> PErr<'s> for Rich<'s, T, PSpan> {
    fn custom(span: PSpan, message: String) -> Self {
        Rich::custom(span, message)
    }
}

impl<'s> PErr<'s> for EmptyErr {
    fn custom(_: PSpan, _: String) -> Self {
        EmptyErr::default()
    }
}

/// Prefix of custom error messages that carry their own diagnostic code,
/// written `CODE|message`.
pub(crate) const CODED: char = '|';

pub(crate) fn sp(s: PSpan) -> Span {
    Span::new(s.start as usize, s.end as usize)
}

/// The parser's span of `s`.
pub(crate) fn ps(s: Span) -> PSpan {
    PSpan::from(s.start() as u32..s.end() as u32)
}

/// Prepares tokens for chumsky, comments dropped. The list is converted
/// where it lies (a token and the parser's pair have the same size), so a
/// large file needs no second list.
pub(crate) fn into_parser_tokens(tokens: Vec<Token>) -> Vec<(T, PSpan)> {
    tokens
        .into_iter()
        .filter(|t| !t.kind.is_trivia())
        .map(|t| (t.kind, ps(t.span)))
        .collect()
}

/// One or more newlines and commas: what separates items.
fn sep<'s, R: PErr<'s>>() -> impl Parser<'s, In<'s>, (), Ex<'s, R>> + Clone {
    one_of([T::Newline, T::Comma])
        .repeated()
        .at_least(1)
        .ignored()
}

fn nl<'s, R: PErr<'s>>() -> impl Parser<'s, In<'s>, (), Ex<'s, R>> + Clone {
    just(T::Newline).repeated().ignored()
}

fn ident<'s, R: PErr<'s>>(src: &'s str) -> impl Parser<'s, In<'s>, Ident, Ex<'s, R>> + Clone {
    just(T::Ident)
        .map_with(move |_, e| {
            let span = sp(e.span());
            Ident {
                name: src[span.range()].to_string(),
                span,
            }
        })
        .labelled("name")
}

/// An identifier or a preset word.
fn name_or_preset<'s, R: PErr<'s>>(
    src: &'s str,
) -> impl Parser<'s, In<'s>, (Ident, bool), Ex<'s, R>> + Clone {
    one_of([T::Ident, T::Preset])
        .map_with(move |t, e| {
            let span = sp(e.span());
            (
                Ident {
                    name: src[span.range()].to_string(),
                    span,
                },
                t == T::Preset,
            )
        })
        .labelled("name")
}

/// Tokens skipped when recovering inside a block: anything up to the next
/// separator or closing delimiter, with nested brackets skipped whole.
fn skip_item<'s, R: PErr<'s>>() -> impl Parser<'s, In<'s>, (), Ex<'s, R>> + Clone {
    let nested = |open: T, close: T| nested_delimiters(open, close, BRACKETS, |_| ());
    choice((
        nested(T::LBrace, T::RBrace),
        nested(T::LBracket, T::RBracket),
        nested(T::LParen, T::RParen),
        none_of([
            T::Newline,
            T::Comma,
            T::RBrace,
            T::RBracket,
            T::RParen,
            T::Gt,
            T::LBrace,
            T::LBracket,
            T::LParen,
        ])
        .ignored(),
    ))
    .repeated()
    .at_least(1)
}

/// The items of a block (or of the file): `item (sep item)*`, tolerant of
/// junk. Extra tokens after an item on the same line are reported once and
/// skipped; the `stray` tokens (brackets the bracket check already reported)
/// are skipped silently.
fn block_items<'s, R: PErr<'s>, O: Clone + 's>(
    src: &'s str,
    item: impl Parser<'s, In<'s>, O, Ex<'s, R>> + Clone + 's,
    stray: &'static [T],
) -> impl Parser<'s, In<'s>, Vec<O>, Ex<'s, R>> + Clone {
    let trailing = any()
        .map_with(|t: T, e| (t, e.span()))
        .rewind()
        .then(skip_item())
        .validate(
            move |((t, at), ()): ((T, PSpan), ()),
                  e: &mut chumsky::input::MapExtra<'s, '_, In<'s>, Ex<'s, R>>,
                  emitter: &mut chumsky::input::Emitter<R>| {
                if t != T::Error {
                    let what = match t {
                        T::Ident | T::Preset | T::Int | T::Duration => {
                            format!("`{}`", &src[sp(at).range()])
                        }
                        other => other.describe().to_string(),
                    };
                    emitter.emit(R::custom(
                        PSpan::from(at.start..e.span().end),
                        format!("E0103{CODED}expected a new line or `,` before {what}"),
                    ));
                }
            },
        );
    choice((
        item.then_ignore(trailing.or_not()).map(Some),
        sep().to(None),
        one_of(stray).to(None),
    ))
    .repeated()
    .collect::<Somes<O>>()
    .map(|v| v.0)
}

/// A list collected with no spare room when short: the tree holds
/// thousands of one- and two-element lists, which [`Vec`]'s `collect` would
/// give room for four.
struct Tight<T>(Vec<T>);

impl<T> FromIterator<T> for Tight<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut v = Vec::new();
        for x in iter {
            push_tight(&mut v, x);
        }
        Tight(v)
    }
}

/// The `Some`s of a sequence, collected as [`Tight`] does.
struct Somes<T>(Vec<T>);

impl<T> FromIterator<Option<T>> for Somes<T> {
    fn from_iter<I: IntoIterator<Item = Option<T>>>(iter: I) -> Self {
        let mut v = Vec::new();
        for x in iter.into_iter().flatten() {
            push_tight(&mut v, x);
        }
        Somes(v)
    }
}

/// Pushes with capacities 1, 2, 4, ...: amortized constant time, and short
/// lists exactly sized.
fn push_tight<T>(v: &mut Vec<T>, x: T) {
    if v.len() == v.capacity() {
        v.reserve_exact(v.len().max(1));
    }
    v.push(x);
}

/// Tokens that may be a field name: identifiers, presets and keywords
/// (`role = ops` in a selection).
const KEY_WORDS: [T; 17] = [
    T::Ident,
    T::Preset,
    T::Vault,
    T::Plan,
    T::Rule,
    T::Select,
    T::Role,
    T::Grant,
    T::Let,
    T::Import,
    T::Arn,
    T::On,
    T::To,
    T::True,
    T::False,
    T::Stack,
    T::Ident,
];

const BRACKETS: [(T, T); 3] = [
    (T::LBrace, T::RBrace),
    (T::LBracket, T::RBracket),
    (T::LParen, T::RParen),
];

/// Expressions.
pub(crate) fn expr<'s, R: PErr<'s>>(
    src: &'s str,
) -> impl Parser<'s, In<'s>, Expr, Ex<'s, R>> + Clone {
    recursive(move |expr| {
        let record = record_with(src, expr.clone());

        let string = just(T::Str).map_with(|_, e| Expr {
            kind: ExprKind::Str(Vec::new()),
            span: sp(e.span()),
        });

        // `35 days` is a common slip: diagnose it and keep the intended duration.
        let unit_word = just(T::Ident)
            .map_with(|_, e| sp(e.span()))
            .filter(move |s: &Span| UNIT_WORDS.iter().any(|(w, _)| *w == &src[s.range()]));
        let int = just(T::Int)
            .map_with(|_, e| sp(e.span()))
            .then(unit_word.or_not())
            .validate(move |(num, unit), _, emitter| {
                let value = parse_u64(&src[num.range()]);
                match (value, unit) {
                    (None, _) => {
                        emitter.emit(R::custom(
                            ps(num),
                            format!("E0106{CODED}integer `{}` is too large", &src[num.range()]),
                        ));
                        Expr::error(num)
                    }
                    (Some(v), None) => Expr {
                        kind: ExprKind::Int(v),
                        span: num,
                    },
                    (Some(v), Some(u)) => {
                        let word = &src[u.range()];
                        let suffix = UNIT_WORDS
                            .iter()
                            .find(|(w, _)| *w == word)
                            .map_or("d", |(_, s)| *s);
                        let whole = num.cover(u);
                        emitter.emit(R::custom(
                            ps(whole),
                            format!("E0105{CODED}`{v} {word}`: write durations as `{v}{suffix}`"),
                        ));
                        let unit = Unit::from_suffix(suffix).unwrap_or(Unit::Days);
                        Expr {
                            kind: ExprKind::Duration { amount: v, unit },
                            span: whole,
                        }
                    }
                }
            });

        let duration = just(T::Duration).map_with(move |_, e| {
            let span = sp(e.span());
            let (digits, unit) = split_duration(&src[span.range()]);
            match (parse_u64(digits), Unit::from_suffix(unit)) {
                (Some(amount), Some(unit)) => Expr {
                    kind: ExprKind::Duration { amount, unit },
                    span,
                },
                _ => Expr::error(span),
            }
        });
        let duration = duration.validate(move |ex: Expr, _, emitter| {
            if ex.kind == ExprKind::Error {
                let (digits, _) = split_duration(&src[ex.span.range()]);
                if parse_u64(digits).is_none() {
                    emitter.emit(R::custom(
                        ps(ex.span),
                        format!("E0106{CODED}number `{digits}` is too large"),
                    ));
                }
            }
            ex
        });

        let boolean =
            choice((just(T::True).to(true), just(T::False).to(false))).map_with(|b, e| Expr {
                kind: ExprKind::Bool(b),
                span: sp(e.span()),
            });

        let list = expr
            .clone()
            .separated_by(sep())
            .allow_leading()
            .allow_trailing()
            .collect::<Tight<_>>()
            .delimited_by(just(T::LBracket), just(T::RBracket))
            .map_with(|items, e| Expr {
                kind: ExprKind::List(items.0),
                span: sp(e.span()),
            })
            .recover_with(via_parser(nested_delimiters(
                T::LBracket,
                T::RBracket,
                BRACKETS,
                |s| Expr::error(sp(s)),
            )));

        let arg = ident(src)
            .then_ignore(just(T::Eq))
            .then_ignore(nl())
            .or_not()
            .then(expr.clone())
            .map_with(|(name, value), e| Arg {
                name,
                value,
                span: sp(e.span()),
            });
        let args = arg
            .separated_by(sep())
            .allow_leading()
            .allow_trailing()
            .collect::<Tight<_>>()
            .delimited_by(just(T::LParen), just(T::RParen))
            .map_with(|args, e| (args.0, sp(e.span())))
            .recover_with(via_parser(nested_delimiters(
                T::LParen,
                T::RParen,
                BRACKETS,
                |s| (Vec::new(), sp(s)),
            )));

        let name = name_or_preset(src);
        // `arn` is a keyword (`import arn "..."`) and also the `arn(...)` resource constructor.
        let callee = name.clone().or(just(T::Arn).map_with(move |_, e| {
            let span = sp(e.span());
            (
                Ident {
                    name: src[span.range()].to_string(),
                    span,
                },
                false,
            )
        }));
        let call = callee
            .then(args)
            .map(|((callee, _), (args, args_span))| ExprKind::Call {
                callee,
                args,
                args_span,
            });
        let tagged = name
            .clone()
            .then(record.clone())
            .map(|((tag, _), record)| ExprKind::Tagged { tag, record });
        let named =
            choice((call, tagged, name.map(|(id, _)| ExprKind::Name(id)))).map_with(|kind, e| {
                Expr {
                    kind,
                    span: sp(e.span()),
                }
            });

        let rec = record.map(|r| {
            let span = r.span;
            Expr {
                kind: ExprKind::Record(r),
                span,
            }
        });

        let paren = expr
            .clone()
            .delimited_by(just(T::LParen).then(nl()), nl().then(just(T::RParen)))
            .map_with(|inner, e| Expr {
                kind: ExprKind::Paren(Box::new(inner)),
                span: sp(e.span()),
            })
            .recover_with(via_parser(nested_delimiters(
                T::LParen,
                T::RParen,
                BRACKETS,
                |s| Expr::error(sp(s)),
            )));

        // Tokens already diagnosed by the lexer stand for an expression silently.
        let lexed_error = just(T::Error).map_with(|_, e| Expr::error(sp(e.span())));

        let atom = choice((
            string,
            duration,
            int,
            boolean,
            list,
            named,
            rec,
            paren,
            lexed_error,
        ))
        .labelled("expression")
        .boxed();

        fn binary(op: BinOp, lhs: Expr, rhs: Expr) -> Expr {
            let span = lhs.span.cover(rhs.span);
            Expr {
                kind: ExprKind::Binary {
                    op,
                    lhs: Box::new(lhs),
                    rhs: Box::new(rhs),
                },
                span,
            }
        }
        let operand = |op: &'static str, p: chumsky::Boxed<'s, 's, In<'s>, Expr, Ex<'s, R>>| {
            nl().ignore_then(p)
                .or(empty()
                    .map_with(|_, e| sp(e.span()))
                    .validate(move |at: Span, _, emitter| {
                        emitter.emit(R::custom(
                            ps(at),
                            format!("E0103{CODED}expected an expression after `{op}`"),
                        ));
                        Expr::error(at)
                    }))
        };
        // `a + b + c` is `(a + b) + c`: every operator of a chain is a
        // level of the tree, so a chain is cut at [`MAX_CHAIN`] operators,
        // as brackets are at their nesting limit.
        let chain = move |first: chumsky::Boxed<'s, 's, In<'s>, Expr, Ex<'s, R>>,
                          op: T,
                          bin: BinOp,
                          sym: &'static str| {
            first
                .clone()
                .then(
                    just(op)
                        .map_with(|_, e| sp(e.span()))
                        .then(operand(sym, first))
                        .repeated()
                        .collect::<Vec<(Span, Expr)>>(),
                )
                .validate(move |(lhs, rest): (Expr, Vec<(Span, Expr)>), _, emitter| {
                    if let Some((at, _)) = rest.get(MAX_CHAIN) {
                        emitter.emit(R::custom(
                            ps(*at),
                            format!("E0112{CODED}more than {MAX_CHAIN} `{sym}` in one expression"),
                        ));
                        let end = rest.last().map_or(lhs.span, |(_, r)| r.span);
                        return Expr::error(lhs.span.cover(end));
                    }
                    rest.into_iter().fold(lhs, |l, (_, r)| binary(bin, l, r))
                })
                .boxed()
        };
        let product = chain(atom, T::Star, BinOp::Mul, "*");
        chain(product, T::Plus, BinOp::Add, "+")
    })
}

/// The most operators in one chain (`a + b + ...`), each a level of the
/// tree: with [`MAX_NESTING`](crate::delimiters::MAX_NESTING) levels of
/// brackets, this bounds how deep any pass over an expression recurses.
pub const MAX_CHAIN: usize = 64;

fn parse_u64(digits: &str) -> Option<u64> {
    digits
        .parse::<u64>()
        .ok()
        .filter(|v| *v <= (i64::MAX as u64) / (60 * 24 * 365))
}

/// `key = value`, recovering to the next separator when malformed.
fn field<'s, R: PErr<'s>>(
    src: &'s str,
    expr: impl Parser<'s, In<'s>, Expr, Ex<'s, R>> + Clone + 's,
) -> impl Parser<'s, In<'s>, Field, Ex<'s, R>> + Clone {
    let key = choice((
        one_of(KEY_WORDS).map_with(move |_, e| {
            let span = sp(e.span());
            Key {
                name: src[span.range()].to_string(),
                quoted: false,
                span,
            }
        }),
        just(T::Str).map_with(move |_, e| {
            let span = sp(e.span());
            Key {
                name: unquote_simple(&src[span.range()]),
                quoted: true,
                span,
            }
        }),
    ))
    .labelled("field name");
    let value = expr.recover_with(via_parser(
        skip_item()
            .or_not()
            .map_with(|_, e| Expr::error(sp(e.span()))),
    ));
    key.then_ignore(just(T::Eq).labelled("`=` after the field name"))
        .then(value)
        .map_with(|(key, value), e| Field {
            key,
            value,
            span: sp(e.span()),
        })
}

/// A field that failed to parse: skipped, represented by a key-less error field.
fn bad_field<'s, R: PErr<'s>>() -> impl Parser<'s, In<'s>, Field, Ex<'s, R>> + Clone {
    skip_item().map_with(|_, e| {
        let span = sp(e.span());
        Field {
            key: Key {
                name: String::new(),
                quoted: false,
                span: Span::point(span.start()),
            },
            value: Expr::error(span),
            span,
        }
    })
}

fn record_with<'s, R: PErr<'s>>(
    src: &'s str,
    expr: impl Parser<'s, In<'s>, Expr, Ex<'s, R>> + Clone + 's,
) -> impl Parser<'s, In<'s>, Record, Ex<'s, R>> + Clone {
    block_items(
        src,
        field(src, expr).recover_with(via_parser(bad_field())),
        &[T::RBracket, T::RParen, T::Gt],
    )
    .delimited_by(just(T::LBrace), just(T::RBrace))
    .map_with(|fields, e| Record {
        fields,
        span: sp(e.span()),
    })
    .recover_with(via_parser(nested_delimiters(
        T::LBrace,
        T::RBrace,
        BRACKETS,
        |s| Record {
            fields: Vec::new(),
            span: sp(s),
        },
    )))
    .boxed()
}

/// Resolves escapes of a record key written as a string; keys take no interpolation.
fn unquote_simple(text: &str) -> String {
    let inner = text.strip_prefix('"').unwrap_or(text);
    let inner = inner.strip_suffix('"').unwrap_or(inner);
    crate::strings::unescape_lossy(inner)
}

/// The whole file.
pub(crate) fn file<'s, R: PErr<'s>>(src: &'s str) -> impl Parser<'s, In<'s>, File, Ex<'s, R>> {
    let expr = expr(src).boxed();
    let record = record_with(src, expr.clone());
    let name = ident(src);

    // After `->` and after `= import`, the rest is committed: what is missing
    // is reported here rather than as junk after the declaration.
    let missing = |what: &'static str| {
        move |at: Span, emitter: &mut chumsky::input::Emitter<R>| {
            emitter.emit(R::custom(ps(at), format!("E0111{CODED}{what}")));
        }
    };
    let vault_target = just(T::Arrow)
        .map_with(|_, e| sp(e.span()))
        .then(just(T::Vault).map_with(|_, e| sp(e.span())).or_not())
        .then(name.clone().or_not())
        .validate(move |((arrow, kw), n), _, emitter| {
            let after = Span::point(kw.unwrap_or(arrow).end());
            if kw.is_none() {
                missing("expected `vault` after `->`: write `-> vault NAME`")(after, emitter);
            } else if n.is_none() {
                missing("expected the name of a vault after `-> vault`")(after, emitter);
            }
            n.unwrap_or(Ident {
                name: String::new(),
                span: after,
            })
        })
        .map_with(|vault, e| VaultTarget {
            vault,
            span: sp(e.span()),
        });

    let import = just(T::Eq)
        .map_with(|_, e| sp(e.span()))
        .then(just(T::Import).map_with(|_, e| sp(e.span())).or_not())
        .then(just(T::Arn).map_with(|_, e| sp(e.span())).or_not())
        .then(expr.clone().or_not())
        .validate(move |(((eq, import), arn), value), e, emitter| {
            let after = Span::point(arn.or(import).unwrap_or(eq).end());
            if import.is_none() {
                missing(
                    "expected `import` after `=`: write `= import \"name\"` or a block `{ ... }`",
                )(after, emitter);
            } else if value.is_none() {
                missing("expected the imported name or ARN as a string after `import`")(
                    after, emitter,
                );
            }
            let value = value.unwrap_or_else(|| Expr::error(after));
            DeclBody::Import {
                by_arn: arn.is_some(),
                value,
                span: sp(e.span()),
            }
        });
    let decl_body = choice((import, record.clone().or_not().map(DeclBody::New)));

    let let_decl = just(T::Let)
        .ignore_then(name.clone())
        .then_ignore(just(T::Eq))
        .then(expr.clone())
        .map_with(|(name, value), e| {
            Item::Let(LetDecl {
                name,
                value,
                span: sp(e.span()),
            })
        });

    let vault = just(T::Vault)
        .ignore_then(name.clone())
        .then(decl_body.clone())
        .map_with(|(name, body), e| {
            Item::Vault(VaultDecl {
                name,
                body,
                span: sp(e.span()),
            })
        });

    let role = just(T::Role)
        .ignore_then(name.clone())
        .then(decl_body)
        .map_with(|(name, body), e| {
            Item::Role(RoleDecl {
                name,
                body,
                span: sp(e.span()),
            })
        });

    let grant = just(T::Grant)
        .ignore_then(name.clone())
        .then(expr.clone())
        .then_ignore(just(T::On).labelled("`on` and the vault"))
        .then(name.clone())
        .map_with(|((role, actions), vault), e| {
            Item::Grant(GrantDecl {
                role,
                actions,
                vault,
                span: sp(e.span()),
            })
        });

    let stack = just(T::Stack)
        .ignore_then(name.clone())
        .then(record.clone().or_not())
        .map_with(|(name, body), e| {
            Item::Stack(StackDecl {
                name,
                body,
                span: sp(e.span()),
            })
        });

    let rule = just(T::Rule)
        .map_with(|_, e| sp(e.span()))
        .then(name_or_preset(src).or_not())
        .then(vault_target.clone().or_not())
        .then(record.clone().or_not())
        .map_with(|(((keyword, name), vault), body), e| {
            let is_preset = name.as_ref().is_some_and(|(_, p)| *p);
            PlanItem::Rule(RuleDecl {
                keyword,
                name: name.map(|(n, _)| n),
                is_preset,
                vault,
                body,
                span: sp(e.span()),
            })
        });
    let select = just(T::Select)
        .map_with(|_, e| sp(e.span()))
        .then(name.clone().or_not())
        .then(record.clone().or_not())
        .map_with(|((keyword, name), body), e| {
            PlanItem::Select(SelectDecl {
                keyword,
                name,
                body,
                span: sp(e.span()),
            })
        });
    let plan_field = field(src, expr.clone()).map(PlanItem::Field);
    let nested_decl = one_of([T::Vault, T::Plan, T::Role, T::Grant, T::Let, T::Stack])
        .map_with(move |t, e| (t, sp(e.span())))
        .then_ignore(none_of([T::Eq]).rewind())
        .then(skip_item().or_not())
        .validate(move |((t, at), _), e, emitter| {
            emitter.emit(R::custom(
                ps(at),
                format!(
                    "E0111{CODED}{} declarations go at the top level, not inside a plan",
                    t.describe()
                ),
            ));
            PlanItem::Error(sp(e.span()))
        });
    let plan_item = choice((rule, select, nested_decl, plan_field))
        .labelled("`rule`, `select` or a plan property");
    let plan_item = plan_item.recover_with(via_parser(
        skip_item().map_with(|_, e| PlanItem::Error(sp(e.span()))),
    ));
    let plan_body = block_items(src, plan_item, &[T::RBrace, T::RBracket, T::RParen])
        .delimited_by(just(T::Lt), just(T::Gt))
        .map_with(|items, e| PlanBody {
            items,
            span: sp(e.span()),
        })
        .recover_with(via_parser(nested_delimiters(T::Lt, T::Gt, BRACKETS, |s| {
            PlanBody {
                items: Vec::new(),
                span: sp(s),
            }
        })));

    let preset_word = name_or_preset(src).map(|(n, _)| n);
    let plan_head = choice((
        name_or_preset(src)
            .filter(|(_, p)| *p)
            .map(|(n, _)| (None, Some(n))),
        name.clone()
            .then(
                just(T::Eq)
                    .ignore_then(preset_word.labelled("preset name"))
                    .or_not(),
            )
            .map(|(n, p)| (Some(n), p)),
    ))
    .or_not()
    .map(Option::unwrap_or_default);
    let plan = just(T::Plan)
        .ignore_then(plan_head)
        .then(vault_target.or_not())
        .then(plan_body.or_not())
        .map_with(|(((name, preset), vault), body), e| {
            Item::Plan(PlanDecl {
                name,
                preset,
                vault,
                body,
                span: sp(e.span()),
            })
        });

    let item = choice((let_decl, vault, role, grant, stack, plan))
        .labelled("a declaration")
        .boxed();
    let item = item.recover_with(via_parser(
        choice((
            skip_item(),
            one_of([T::RBrace, T::RBracket, T::RParen, T::Gt]).ignored(),
        ))
        .repeated()
        .at_least(1)
        .map_with(|_, e| Item::Error(sp(e.span()))),
    ));

    block_items(
        src,
        item,
        &[
            T::RBrace,
            T::RBracket,
            T::RParen,
            T::Gt,
            T::LBrace,
            T::LBracket,
            T::LParen,
            T::Lt,
        ],
    )
    .then_ignore(end())
    .map(|items| File { items })
}

#[cfg(test)]
mod tests {
    use super::*;
    use bkp_diagnostics::Span;

    #[test]
    fn owned_tokens_become_the_parsers_in_place() {
        let tokens: Vec<Token> = (0..1000)
            .map(|i| Token {
                kind: if i % 3 == 0 { T::Comment } else { T::Comma },
                span: Span::new(i, i + 1),
            })
            .collect();
        let before = tokens.as_ptr() as usize;
        let expected: Vec<_> = tokens
            .iter()
            .filter(|t| t.kind != T::Comment)
            .map(|t| (t.kind, ps(t.span)))
            .collect();
        let converted = into_parser_tokens(tokens);
        assert_eq!(converted, expected);
        assert_eq!(
            converted.as_ptr() as usize,
            before,
            "a second list was allocated"
        );
    }
}
