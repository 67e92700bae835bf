//! The in-memory search index over every guest in the book.

use crate::store::SearchRow;

/// Which field of the guest matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Greeting,
    Phone,
    Email,
    /// No query: guests listed by their last visit.
    Recent,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Greeting => "greeting",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Recent => "recent",
        }
    }
}

/// One found guest: where its row is in the index, the field that matched, and for a name match the positions (in
/// characters) of the name that matched, for highlighting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub row: usize,
    pub field: Field,
    pub positions: Vec<usize>,
}

/// The best hits for a query, and how many guests matched in all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Found {
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// Every guest's searchable fields, prepared once so that a search does no per-guest allocation.
#[derive(Debug, Default)]
pub struct Index {
    rows: Vec<SearchRow>,
    keys: Vec<Keys>,
}

#[derive(Debug)]
struct Keys {
    name: String,
    greeting: String,
    phone_digits: String,
    email: String,
}

impl Keys {
    fn of(row: &SearchRow) -> Self {
        Self {
            name: row.name.to_lowercase(),
            greeting: row.greeting.to_lowercase(),
            phone_digits: row.phone.chars().filter(char::is_ascii_digit).collect(),
            email: row.email.to_lowercase(),
        }
    }
}

impl Index {
    pub fn new(rows: Vec<SearchRow>) -> Self {
        let keys = rows.iter().map(Keys::of).collect();
        Self { rows, keys }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn row(&self, index: usize) -> &SearchRow {
        &self.rows[index]
    }

    /// Adds a guest, or replaces the one with the same id: new and edited guests are found at once.
    pub fn upsert(&mut self, row: SearchRow) {
        let keys = Keys::of(&row);
        match self.rows.iter().position(|r| r.id == row.id) {
            Some(i) => (self.rows[i], self.keys[i]) = (row, keys),
            None => {
                self.rows.push(row);
                self.keys.push(keys);
            }
        }
    }

    /// The best `limit` matches for `query`, best first; an empty query lists the most recent guests. Case is
    /// ignored; three or more digits match anywhere in a phone number whatever its punctuation. Ties go to the guest
    /// seen most recently, then to the one seen most often, then to the older entry in the book.
    pub fn search(&self, query: &str, limit: usize) -> Found {
        let needle = query.trim().to_lowercase();
        let mut ranked: Vec<(u8, usize, Field)> = if needle.is_empty() {
            (0..self.rows.len()).map(|i| (0, i, Field::Recent)).collect()
        } else {
            let digits: String = needle.chars().filter(char::is_ascii_digit).collect();
            let phone = digits.len() >= 3 && needle.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c));
            let phone = phone.then_some(digits.as_str());
            self.keys
                .iter()
                .enumerate()
                .filter_map(|(i, keys)| rank(keys, &needle, phone).map(|(rank, field)| (rank, i, field)))
                .collect()
        };
        let total = ranked.len();
        let order = |a: &(u8, usize, Field), b: &(u8, usize, Field)| {
            let (ra, rb) = (&self.rows[a.1], &self.rows[b.1]);
            a.0.cmp(&b.0)
                .then(rb.last_visit.cmp(&ra.last_visit))
                .then(rb.visit_count.cmp(&ra.visit_count))
                .then(ra.id.cmp(&rb.id))
        };
        if limit < ranked.len() {
            ranked.select_nth_unstable_by(limit, order);
            ranked.truncate(limit);
        }
        ranked.sort_unstable_by(order);
        let hits = ranked
            .into_iter()
            .map(|(_, row, field)| {
                let positions = if field == Field::Name { self.positions(row, &needle) } else { Vec::new() };
                Hit { row, field, positions }
            })
            .collect();
        Found { total, hits }
    }

    /// Character positions of the first occurrence of `needle` in the guest's name.
    fn positions(&self, row: usize, needle: &str) -> Vec<usize> {
        let name = &self.keys[row].name;
        // Lower-casing can change the length of a few rare letters; highlight only when it did not.
        if name.chars().count() != self.rows[row].name.chars().count() {
            return Vec::new();
        }
        name.find(needle)
            .map(|byte| {
                let start = name[..byte].chars().count();
                (start..start + needle.chars().count()).collect()
            })
            .unwrap_or_default()
    }
}

/// Lower is better: a name that starts with the query, a name word that does, a name containing it, another field.
fn rank(keys: &Keys, needle: &str, phone_digits: Option<&str>) -> Option<(u8, Field)> {
    if keys.name.starts_with(needle) {
        return Some((0, Field::Name));
    }
    if keys.name.split_whitespace().any(|word| word.starts_with(needle)) {
        return Some((1, Field::Name));
    }
    if keys.name.contains(needle) {
        return Some((2, Field::Name));
    }
    if phone_digits.is_some_and(|digits| keys.phone_digits.contains(digits)) {
        return Some((3, Field::Phone));
    }
    if keys.greeting.contains(needle) {
        return Some((3, Field::Greeting));
    }
    if keys.email.contains(needle) {
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

    fn names(index: &Index, query: &str) -> Vec<String> {
        index.search(query, 10).hits.into_iter().map(|hit| index.row(hit.row).name.clone()).collect()
    }

    #[test]
    fn name_prefix_beats_word_prefix_beats_substring() {
        let index = Index::new(vec![
            row(1, "Jon Smith", "", None),
            row(2, "Emma Smithers", "", None),
            row(3, "Smith Jones", "", None),
        ]);
        assert_eq!(names(&index, "smith"), ["Smith Jones", "Jon Smith", "Emma Smithers"]);
        assert_eq!(names(&index, "MITH J"), ["Smith Jones"]);
    }

    #[test]
    fn phone_digits_match_whatever_the_punctuation() {
        let index = Index::new(vec![row(1, "Yu Ming", "+86 138-0000-0108", None), row(2, "Emma", "555 1234", None)]);
        assert_eq!(names(&index, "0108"), ["Yu Ming"]);
        assert_eq!(index.search("0108", 10).hits[0].field, Field::Phone);
        assert!(names(&index, "01").is_empty());
    }

    #[test]
    fn ties_go_to_the_most_recent_guest() {
        let index =
            Index::new(vec![row(1, "Emma A", "", Some(1)), row(2, "Emma B", "", Some(9)), row(3, "Emma C", "", None)]);
        assert_eq!(names(&index, "emma"), ["Emma B", "Emma A", "Emma C"]);
        assert_eq!(names(&index, ""), ["Emma B", "Emma A", "Emma C"]);
    }

    #[test]
    fn a_bounded_search_counts_every_match_and_keeps_the_best() {
        let rows = (1..=20).map(|d| row(d.into(), &format!("Guest {d}"), "", Some(d))).collect();
        let index = Index::new(rows);
        let found = index.search("guest", 3);
        assert_eq!(found.total, 20);
        let best: Vec<&str> = found.hits.iter().map(|h| index.row(h.row).name.as_str()).collect();
        assert_eq!(best, ["Guest 20", "Guest 19", "Guest 18"]);
    }

    #[test]
    fn highlights_the_matched_characters_of_the_name() {
        let index = Index::new(vec![row(1, "于明 Yu Ming", "", None)]);
        assert_eq!(index.search("ming", 1).hits[0].positions, [6, 7, 8, 9]);
        assert_eq!(index.search("于", 1).hits[0].positions, [0]);
    }

    #[test]
    fn upserted_guests_are_found_at_once() {
        let mut index = Index::new(vec![row(1, "Ann", "", None)]);
        index.upsert(row(2, "Bob", "", None));
        index.upsert(row(1, "Anna", "", None));
        assert_eq!(names(&index, "ann"), ["Anna"]);
        assert_eq!(names(&index, "bob"), ["Bob"]);
    }
}
