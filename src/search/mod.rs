//! Finding guests from what staff type: a name, part of one, phone digits, an email.

use crate::store::SearchRow;

/// Which field of the guest matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Greeting,
    Phone,
    Email,
}

/// One found guest: the row's index in the searched slice and the field that matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub index: usize,
    pub field: Field,
}

/// The best `limit` matches for `query`, best first. Case is ignored; three or more digits match anywhere in a phone
/// number whatever its punctuation. Ties go to the guest seen most recently, then to the one seen most often.
pub fn find(rows: &[SearchRow], query: &str, limit: usize) -> Vec<Hit> {
    let needle = query.trim().to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let digits: String = needle.chars().filter(char::is_ascii_digit).collect();
    let phone_query = digits.len() >= 3 && needle.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c));
    let mut hits: Vec<(u8, Hit)> = rows
        .iter()
        .enumerate()
        .filter_map(|(index, row)| {
            let (rank, field) = rank(row, &needle, phone_query.then_some(digits.as_str()))?;
            Some((rank, Hit { index, field }))
        })
        .collect();
    hits.sort_by(|(rank_a, a), (rank_b, b)| {
        let (ra, rb) = (&rows[a.index], &rows[b.index]);
        rank_a
            .cmp(rank_b)
            .then(rb.last_visit.cmp(&ra.last_visit))
            .then(rb.visit_count.cmp(&ra.visit_count))
            .then(ra.id.cmp(&rb.id))
    });
    hits.into_iter().take(limit).map(|(_, hit)| hit).collect()
}

/// Lower is better: a name that starts with the query, a name word that does, a name containing it, another field.
fn rank(row: &SearchRow, needle: &str, phone_digits: Option<&str>) -> Option<(u8, Field)> {
    let name = row.name.to_lowercase();
    if name.starts_with(needle) {
        return Some((0, Field::Name));
    }
    if name.split_whitespace().any(|word| word.starts_with(needle)) {
        return Some((1, Field::Name));
    }
    if name.contains(needle) {
        return Some((2, Field::Name));
    }
    if let Some(digits) = phone_digits {
        let phone: String = row.phone.chars().filter(char::is_ascii_digit).collect();
        if phone.contains(digits) {
            return Some((3, Field::Phone));
        }
    }
    if row.greeting.to_lowercase().contains(needle) {
        return Some((3, Field::Greeting));
    }
    if row.email.to_lowercase().contains(needle) {
        return Some((3, Field::Email));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::GuestId;
    use chrono::{TimeZone, Utc};

    fn row(id: i64, name: &str, phone: &str, last_day: Option<u32>) -> SearchRow {
        SearchRow {
            id: GuestId(id),
            name: name.into(),
            greeting: String::new(),
            phone: phone.into(),
            email: String::new(),
            tags: vec![],
            last_visit: last_day.map(|d| Utc.with_ymd_and_hms(2025, 1, d, 0, 0, 0).unwrap()),
            visit_count: 1,
        }
    }

    fn names(rows: &[SearchRow], query: &str) -> Vec<String> {
        find(rows, query, 10).into_iter().map(|hit| rows[hit.index].name.clone()).collect()
    }

    #[test]
    fn name_prefix_beats_word_prefix_beats_substring() {
        let rows = [row(1, "Jon Smith", "", None), row(2, "Emma Smithers", "", None), row(3, "Smith Jones", "", None)];
        assert_eq!(names(&rows, "smith"), ["Smith Jones", "Jon Smith", "Emma Smithers"]);
        assert_eq!(names(&rows, "MITH J"), ["Smith Jones"]);
    }

    #[test]
    fn phone_digits_match_whatever_the_punctuation() {
        let rows = [row(1, "Yu Ming", "+86 138-0000-0108", None), row(2, "Emma", "555 1234", None)];
        assert_eq!(names(&rows, "0108"), ["Yu Ming"]);
        assert_eq!(find(&rows, "0108", 10)[0].field, Field::Phone);
        assert!(names(&rows, "01").is_empty());
    }

    #[test]
    fn ties_go_to_the_most_recent_guest() {
        let rows = [row(1, "Emma A", "", Some(1)), row(2, "Emma B", "", Some(9)), row(3, "Emma C", "", None)];
        assert_eq!(names(&rows, "emma"), ["Emma B", "Emma A", "Emma C"]);
    }
}
