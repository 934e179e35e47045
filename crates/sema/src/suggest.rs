//! "Did you mean" suggestions by edit distance.

/// Levenshtein distance between two strings, by characters.
#[cfg(test)]
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    Rows::default()
        .within(&a, b.chars(), usize::MAX)
        .unwrap_or(usize::MAX)
}

/// The two rows of the distance table, kept between candidates.
#[derive(Default)]
struct Rows {
    prev: Vec<usize>,
    cur: Vec<usize>,
}

impl Rows {
    /// The distance from `a` to `b` if it is at most `limit`; gives up as
    /// soon as every entry of a row exceeds the limit.
    fn within(&mut self, a: &[char], b: impl Iterator<Item = char>, limit: usize) -> Option<usize> {
        self.prev.clear();
        self.prev.extend(0..=a.len());
        self.cur.clear();
        self.cur.resize(a.len() + 1, 0);
        for (i, cb) in b.enumerate() {
            self.cur[0] = i + 1;
            let mut row_min = self.cur[0];
            for (j, ca) in a.iter().enumerate() {
                let cost = usize::from(*ca != cb);
                let v = (self.prev[j] + cost)
                    .min(self.prev[j + 1] + 1)
                    .min(self.cur[j] + 1);
                self.cur[j + 1] = v;
                row_min = row_min.min(v);
            }
            if row_min > limit {
                return None;
            }
            std::mem::swap(&mut self.prev, &mut self.cur);
        }
        let d = self.prev[a.len()];
        (d <= limit).then_some(d)
    }
}

/// The number of characters of `s`, cheaply for ASCII.
fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// The closest candidate to `word`, if it is close enough to be a likely
/// typo (case aside); among equally close ones the shortest, then the first
/// in alphabetical order, so that the answer never depends on the
/// candidates' order.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let lower: Vec<char> = word.chars().map(|c| c.to_ascii_lowercase()).collect();
    let limit = (lower.len() / 3).max(1) + 1;
    let mut rows = Rows::default();
    candidates
        .into_iter()
        .filter(|c| *c != word)
        // The distance is at least the difference in length: most
        // candidates are ruled out without computing it.
        .filter(|c| char_len(c).abs_diff(lower.len()) <= limit)
        .filter_map(|c| {
            let d = rows.within(&lower, c.chars().map(|x| x.to_ascii_lowercase()), limit)?;
            Some((d, c))
        })
        .min_by_key(|(d, c)| (*d, c.len(), *c))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance("été", "ete"), 2);
        assert_eq!(did_you_mean("Dayly", ["daily"]), Some("daily"));
        assert_eq!(
            did_you_mean("delete_aftr", ["delete_after", "start_window"]),
            Some("delete_after")
        );
        assert_eq!(did_you_mean("dayly", ["daily", "weekly"]), Some("daily"));
        assert_eq!(did_you_mean("zzz", ["daily", "weekly"]), None);
        // Ties go the same way whatever the order of the candidates.
        assert_eq!(did_you_mean("vx", ["vb", "va"]), Some("va"));
        assert_eq!(did_you_mean("vx", ["va", "vb"]), Some("va"));
        assert_eq!(did_you_mean("daily", ["daily"]), None);
    }
}
