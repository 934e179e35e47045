//! The JSON the backend builds and prints: objects keep insertion order
//! without hashing, and keys and strings known at compile time are borrowed,
//! so that a template costs little more to build than its text does to write.
//!
//! [`Json::to_pretty`] prints exactly what `serde_json::to_string_pretty`
//! prints for the same value (2-space indentation, the same escapes).

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use std::borrow::Cow;

/// A string of the template: borrowed when static, owned when computed.
pub type Str = Cow<'static, str>;

/// A JSON value of a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json {
    /// `true` or `false`.
    Bool(bool),
    /// A number: a template only holds non-negative integers.
    Num(u64),
    /// A string.
    Str(Str),
    /// An array.
    Arr(Vec<Json>),
    /// An object.
    Obj(Object),
}

/// A JSON object: keys in insertion order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Object(Vec<(Str, Json)>);

impl Object {
    /// An empty object.
    pub fn new() -> Object {
        Object(Vec::new())
    }

    /// An empty object with room for `n` entries.
    pub fn with_capacity(n: usize) -> Object {
        Object(Vec::with_capacity(n))
    }

    /// Appends an entry whose key the caller knows is not there yet (the
    /// backend's fixed property names).
    pub fn push(&mut self, key: impl Into<Str>, value: impl Into<Json>) {
        self.0.push((key.into(), value.into()));
    }

    /// Sets `key` as a JSON object does: a new key goes last, an existing one
    /// keeps its place and takes the new value (for keys written by users).
    pub fn insert(&mut self, key: impl Into<Str>, value: impl Into<Json>) {
        let key = key.into();
        let value = value.into();
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => self.0.push((key, value)),
        }
    }

    /// Appends the entries of `other`, whose keys the caller knows are new.
    pub fn append(&mut self, mut other: Object) {
        self.0.append(&mut other.0);
    }

    /// Whether the object has no entries.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The value at `key`.
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The entries in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Json)> {
        self.0.iter().map(|(k, v)| (k.as_ref(), v))
    }
}

impl FromIterator<(Str, Json)> for Object {
    fn from_iter<I: IntoIterator<Item = (Str, Json)>>(iter: I) -> Object {
        let mut o = Object::new();
        for (k, v) in iter {
            o.insert(k, v);
        }
        o
    }
}

impl From<Object> for Json {
    fn from(o: Object) -> Json {
        Json::Obj(o)
    }
}

impl From<&'static str> for Json {
    fn from(s: &'static str) -> Json {
        Json::Str(Cow::Borrowed(s))
    }
}

impl From<Str> for Json {
    fn from(s: Str) -> Json {
        Json::Str(s)
    }
}

impl From<String> for Json {
    fn from(s: String) -> Json {
        Json::Str(Cow::Owned(s))
    }
}

impl From<u64> for Json {
    fn from(n: u64) -> Json {
        Json::Num(n)
    }
}

impl From<bool> for Json {
    fn from(b: bool) -> Json {
        Json::Bool(b)
    }
}

impl From<Vec<Json>> for Json {
    fn from(items: Vec<Json>) -> Json {
        Json::Arr(items)
    }
}

impl FromIterator<Json> for Json {
    fn from_iter<I: IntoIterator<Item = Json>>(iter: I) -> Json {
        Json::Arr(iter.into_iter().collect())
    }
}

/// An object from `key => value` pairs with fixed, distinct keys.
macro_rules! obj {
    ($($key:literal => $value:expr),* $(,)?) => {{
        let mut o = $crate::json::Object::with_capacity([$($key),*].len());
        $(o.push($key, $value);)*
        $crate::json::Json::Obj(o)
    }};
}
pub(crate) use obj;

impl Json {
    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The value at `key`, if this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(o) => o.get(key),
            _ => None,
        }
    }

    /// Pretty-printed with 2-space indentation, as `serde_json` prints it.
    pub fn to_pretty(&self) -> String {
        let mut out = Vec::with_capacity(1 << 16);
        self.write_into(&mut out, 0);
        String::from_utf8(out).expect("the printer writes whole UTF-8 strings")
    }

    /// Writes the value pretty-printed, as [`Json::to_pretty`] does, to
    /// `sink` in pieces of about [`CHUNK`] bytes: the text of a large
    /// template is never all in memory.
    pub fn write_pretty_to<W: std::io::Write>(&self, sink: W) -> std::io::Result<()> {
        let mut out = Chunked {
            buf: Vec::with_capacity(CHUNK + CHUNK / 4),
            sink,
        };
        self.write_chunked(&mut out, 0)?;
        out.flush()
    }

    /// As [`Json::write_into`], passing `out`'s text on to its sink after
    /// each member that fills it.
    fn write_chunked<W: std::io::Write>(
        &self,
        out: &mut Chunked<W>,
        depth: usize,
    ) -> std::io::Result<()> {
        match self {
            Json::Arr(items) if !items.is_empty() => {
                out.buf.push(b'[');
                for (i, item) in items.iter().enumerate() {
                    member(&mut out.buf, i, depth + 1);
                    item.write_chunked(out, depth + 1)?;
                    out.pass_on_when_full()?;
                }
                newline(&mut out.buf, depth);
                out.buf.push(b']');
            }
            Json::Obj(o) if !o.is_empty() => {
                out.buf.push(b'{');
                for (i, (k, v)) in o.0.iter().enumerate() {
                    member(&mut out.buf, i, depth + 1);
                    key(&mut out.buf, k);
                    v.write_chunked(out, depth + 1)?;
                    out.pass_on_when_full()?;
                }
                newline(&mut out.buf, depth);
                out.buf.push(b'}');
            }
            _ => self.write_into(&mut out.buf, depth),
        }
        Ok(())
    }

    /// Appends the pretty-printed value, at nesting depth `depth`.
    fn write_into(&self, out: &mut Vec<u8>, depth: usize) {
        match self {
            Json::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
            Json::Num(n) => out.extend_from_slice(itoa::Buffer::new().format(*n).as_bytes()),
            Json::Str(s) => write_str(out, s),
            Json::Arr(items) if items.is_empty() => out.extend_from_slice(b"[]"),
            Json::Arr(items) => {
                out.push(b'[');
                for (i, item) in items.iter().enumerate() {
                    member(out, i, depth + 1);
                    item.write_into(out, depth + 1);
                }
                newline(out, depth);
                out.push(b']');
            }
            Json::Obj(o) if o.is_empty() => out.extend_from_slice(b"{}"),
            Json::Obj(o) => {
                out.push(b'{');
                for (i, (k, v)) in o.0.iter().enumerate() {
                    member(out, i, depth + 1);
                    key(out, k);
                    v.write_into(out, depth + 1);
                }
                newline(out, depth);
                out.push(b'}');
            }
        }
    }
}

/// About how much text [`Json::write_pretty_to`] gathers before passing it on.
pub const CHUNK: usize = 32 << 10;

/// A text buffer in front of a byte sink.
struct Chunked<W> {
    buf: Vec<u8>,
    sink: W,
}

impl<W: std::io::Write> Chunked<W> {
    /// Passes the text on once there is a chunk of it.
    fn pass_on_when_full(&mut self) -> std::io::Result<()> {
        if self.buf.len() >= CHUNK {
            self.sink.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    /// Passes the rest of the text on and flushes the sink.
    fn flush(&mut self) -> std::io::Result<()> {
        self.sink.write_all(&self.buf)?;
        self.buf.clear();
        self.sink.flush()
    }
}

/// The start of the `i`th member of an array or object at depth `depth`:
/// the comma after the previous one, a line break and the indentation.
fn member(out: &mut Vec<u8>, i: usize, depth: usize) {
    const LINE: &[u8] = b",\n                                                                ";
    let n = 2 * depth;
    let from = usize::from(i == 0);
    if n < LINE.len() - 1 {
        out.extend_from_slice(&LINE[from..2 + n]);
    } else {
        if i > 0 {
            out.push(b',');
        }
        newline(out, depth);
    }
}

/// An object's key and the `: ` after it.
fn key(out: &mut Vec<u8>, k: &Str) {
    write_str(out, k);
    out.extend_from_slice(b": ");
}

/// A line break and the indentation of nesting depth `depth`.
fn newline(out: &mut Vec<u8>, depth: usize) {
    const LINE: &[u8] = b"\n                                                                ";
    let mut n = depth * 2;
    let first = n.min(LINE.len() - 1);
    out.extend_from_slice(&LINE[..1 + first]);
    n -= first;
    while n > 0 {
        let k = n.min(LINE.len() - 1);
        out.extend_from_slice(&LINE[1..1 + k]);
        n -= k;
    }
}

/// `ESCAPES[b]`: how byte `b` is escaped in a JSON string, `0` for not at all,
/// `u` for `\u00XX`, else the letter after the backslash.
const ESCAPES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x0c] = b'f';
    t[b'\n' as usize] = b'n';
    t[b'\r' as usize] = b'r';
    t[b'\t' as usize] = b't';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// Whether any of the eight bytes of `word` is a control character, `"` or `\\`.
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    // A byte below `n` (for `n` ≤ 128) sets its high bit in `x - n * ONES & !x`.
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * n as u64) & !x & HIGHS;
    let zero = |x: u64| below(x, 1);
    below(word, 0x20) | zero(word ^ (ONES * b'"' as u64)) | zero(word ^ (ONES * b'\\' as u64)) != 0
}

/// A JSON string literal with `serde_json`'s escapes (see [`write_escaped`]).
///
/// A borrowed string is one of the backend's own literals (property names,
/// resource types, AWS names), none of which needs an escape: it is copied
/// as it is, which is most of the strings of a template.
fn write_str(out: &mut Vec<u8>, s: &Str) {
    match s {
        Cow::Borrowed(lit) => {
            debug_assert!(
                !lit.bytes().any(|b| ESCAPES[b as usize] != 0),
                "a static string of a template needs an escape: {lit:?}"
            );
            out.reserve(lit.len() + 2);
            out.push(b'"');
            out.extend_from_slice(lit.as_bytes());
            out.push(b'"');
        }
        Cow::Owned(text) => write_escaped(out, text),
    }
}

/// A JSON string literal with `serde_json`'s escapes: `\"`, `\\`, `\b`, `\f`,
/// `\n`, `\r`, `\t`, other control characters as `\u00XX`, the rest verbatim.
fn write_escaped(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time while none of them needs an escape.
        if let Some(word) = bytes.get(i..i + 8)
            && !needs_escape(u64::from_le_bytes(word.try_into().expect("eight bytes")))
        {
            i += 8;
            continue;
        }
        let b = bytes[i];
        i += 1;
        let escape = ESCAPES[b as usize];
        if escape == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[start..i - 1]);
        out.push(b'\\');
        out.push(escape);
        if escape == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"00");
            out.push(HEX[(b >> 4) as usize]);
            out.push(HEX[(b & 0xf) as usize]);
        }
        start = i;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Bool(b) => serializer.serialize_bool(*b),
            Json::Num(n) => serializer.serialize_u64(*n),
            Json::Str(s) => serializer.serialize_str(s),
            Json::Arr(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Obj(o) => {
                let mut map = serializer.serialize_map(Some(o.0.len()))?;
                for (k, v) in &o.0 {
                    map.serialize_entry(k.as_ref(), v)?;
                }
                map.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn value() -> impl Strategy<Value = Json> {
        let leaf = prop_oneof![
            any::<bool>().prop_map(Json::Bool),
            any::<u64>().prop_map(Json::Num),
            any::<String>().prop_map(Json::from),
            "[\"\\\\\\x00-\\x1f\\x7f a-z]{0,8}".prop_map(Json::from),
        ];
        leaf.prop_recursive(4, 64, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Arr),
                prop::collection::vec(("[a-z\"\\n]{0,6}", inner), 0..6).prop_map(|entries| {
                    Json::Obj(
                        entries
                            .into_iter()
                            .map(|(k, v)| (Str::from(k), v))
                            .collect(),
                    )
                }),
            ]
        })
    }

    proptest! {
        #[test]
        fn prints_as_serde_json_does(v in value()) {
            let expected = serde_json::to_string_pretty(&v).unwrap();
            prop_assert_eq!(v.to_pretty(), expected);
        }
    }

    proptest! {
        #[test]
        fn streams_what_it_prints(v in value()) {
            let mut streamed = Vec::new();
            v.write_pretty_to(&mut streamed).unwrap();
            prop_assert_eq!(String::from_utf8(streamed).unwrap(), v.to_pretty());
        }
    }

    /// A sink that records the size of every write.
    struct Writes(Vec<usize>, Vec<u8>);

    impl std::io::Write for Writes {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.push(buf.len());
            self.1.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_large_value_is_written_in_chunks() {
        let members: Object = (0..20_000u64)
            .map(|i| {
                (
                    Str::from(format!("Resource{i}")),
                    Json::from(vec![Json::Num(i)]),
                )
            })
            .collect();
        let v = Json::Obj(members);
        let mut sink = Writes(Vec::new(), Vec::new());
        v.write_pretty_to(&mut sink).unwrap();
        assert_eq!(String::from_utf8(sink.1).unwrap(), v.to_pretty());
        assert!(sink.0.len() > 10, "{} writes", sink.0.len());
        // One member at most past a chunk.
        assert!(sink.0.iter().all(|&n| n < CHUNK + 100), "{:?}", sink.0);
    }

    #[test]
    fn insert_keeps_the_first_place_of_a_key() {
        let mut o = Object::new();
        o.insert("a", 1u64);
        o.insert("b", 2u64);
        o.insert("a", 3u64);
        assert_eq!(Json::Obj(o).to_pretty(), "{\n  \"a\": 3,\n  \"b\": 2\n}");
    }

    #[test]
    fn static_strings_print_as_owned_ones() {
        let v = Json::from(vec![
            Json::from("AWS::Backup::BackupPlan"),
            Json::from("x".to_string()),
        ]);
        let mut o = Object::new();
        o.push("Type", v);
        let v = Json::Obj(o);
        assert_eq!(v.to_pretty(), serde_json::to_string_pretty(&v).unwrap());
    }

    #[test]
    fn escapes() {
        let s = Json::from("a\"b\\c\u{8}\u{c}\n\r\t\u{1}é".to_string());
        assert_eq!(s.to_pretty(), serde_json::to_string(&s).unwrap());
        assert_eq!(s.to_pretty(), r#""a\"b\\c\b\f\n\r\t\u0001é""#);
    }
}
