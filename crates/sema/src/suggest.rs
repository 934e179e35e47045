//! "Did you mean" suggestions by edit distance.

/// Levenshtein distance between two strings, by characters.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The closest candidate to `word`, if it is close enough to be a likely
/// typo; among equally close ones the shortest, then the first in
/// alphabetical order, so that the answer never depends on the candidates'
/// order.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let len = word.chars().count();
    let limit = (len / 3).max(1) + 1;
    let lower = word.to_ascii_lowercase();
    candidates
        .into_iter()
        .filter(|c| *c != word)
        // The distance is at least the difference in length: most
        // candidates are ruled out without computing it.
        .filter(|c| c.chars().count().abs_diff(len) <= limit)
        .filter_map(|c| {
            let d = distance(&lower, &c.to_ascii_lowercase());
            (d <= limit).then_some((d, c))
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
