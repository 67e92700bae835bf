//! Does the search find the guest staff mean? Fifty queries as staff type them — misspelt and partial names,
//! pinyin in full, by initials and mixed with characters, phone endings — on a fixed demo book. The intended guest
//! must be in the top three for at least 48 of them.

use chrono::NaiveDate;
use regulars::demo;
use regulars::domain::GuestRecord;
use regulars::search::{Index, search_key};
use regulars::store::{DEFAULT_BUSY_TIMEOUT, Store};

const GUESTS: usize = 5000;

/// Guests whose name no other guest in the book has: for the others, staff would add a phone digit or two.
fn distinct(records: &[GuestRecord]) -> Vec<(usize, &GuestRecord)> {
    records
        .iter()
        .enumerate()
        .filter(|(_, r)| records.iter().filter(|o| o.profile.name == r.profile.name).count() == 1)
        .collect()
}

fn pinyin_syllables(name: &str) -> Vec<String> {
    search_key(name).split_whitespace().filter(|w| w.is_ascii()).map(str::to_owned).collect()
}

/// The fifty (query, intended guest's position in `records`) pairs.
fn queries(records: &[GuestRecord]) -> Vec<(String, usize, &'static str)> {
    let unique = distinct(records);
    let latin: Vec<_> = unique
        .iter()
        .filter(|(_, r)| r.profile.name.is_ascii())
        .filter(|(_, r)| r.profile.name.split(' ').all(|w| w.len() >= 4))
        .collect();
    let chinese: Vec<_> =
        unique.iter().filter(|(_, r)| !r.profile.name.is_ascii() && !r.profile.name.contains(' ')).collect();
    let mut pairs = Vec::new();
    for (i, r) in latin.iter().take(10) {
        // Two letters of the surname swapped, as a hurried hand types it.
        let (first, last) = r.profile.name.split_once(' ').unwrap_or_default();
        let mut surname: Vec<char> = last.to_lowercase().chars().collect();
        surname.swap(1, 2);
        pairs.push((format!("{} {}", first.to_lowercase(), surname.iter().collect::<String>()), *i, "misspelt"));
    }
    for (i, r) in latin.iter().skip(10).take(10) {
        let (first, last) = r.profile.name.split_once(' ').unwrap_or_default();
        pairs.push((format!("{} {}", &first[..3], &last[..3]).to_lowercase(), *i, "partial"));
    }
    for (i, r) in chinese.iter().take(10) {
        pairs.push((pinyin_syllables(&r.profile.name).concat(), *i, "pinyin"));
    }
    // Initials are shared by many names ("sxy": 孙秀英, 苏欣怡 …): staff type them for a guest whose initials are
    // theirs alone, as they type a name only for a guest whose name is.
    let initials = |name: &str| -> String { pinyin_syllables(name).iter().filter_map(|s| s.chars().next()).collect() };
    let own_initials = chinese.iter().skip(10).filter(|(_, r)| {
        records.iter().filter(|o| initials(&o.profile.name) == initials(&r.profile.name)).count() == 1
    });
    for (i, r) in own_initials.take(5) {
        pairs.push((initials(&r.profile.name), *i, "initials"));
    }
    for (i, r) in chinese.iter().skip(15).take(5) {
        let surname = r.profile.name.chars().next().map(String::from).unwrap_or_default();
        let given: String = pinyin_syllables(&r.profile.name).iter().skip(1).filter_map(|s| s.chars().next()).collect();
        pairs.push((format!("{surname}{given}"), *i, "mixed"));
    }
    for (i, r) in records.iter().enumerate().skip(100).step_by(37).take(10) {
        let digits: String = r.profile.phone.chars().filter(char::is_ascii_digit).collect();
        pairs.push((digits[digits.len() - 4..].to_owned(), i, "phone ending"));
    }
    pairs
}

#[test]
fn the_intended_guest_is_in_the_top_three_for_48_of_50_queries() {
    let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let records = demo::guests(GUESTS, 7, day);
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("book.db"), DEFAULT_BUSY_TIMEOUT).unwrap();
    let summary = store.import(records.clone(), "test", "demo").unwrap();
    assert_eq!(summary.added, GUESTS, "every demo guest is a guest of their own, so ids follow the list");
    let mut index = regulars::feed::whole_book(&store).unwrap();

    let pairs = queries(&records);
    assert_eq!(pairs.len(), 50);
    let mut misses = Vec::new();
    for (query, intended, kind) in &pairs {
        let found = index.search(query, 3);
        let top: Vec<&str> = found.hits.iter().map(|h| index.guest(h.entry).name).collect();
        let ids: Vec<i64> = found.hits.iter().map(|h| index.guest(h.entry).id.0).collect();
        if !ids.contains(&(*intended as i64 + 1)) {
            misses.push(format!("{kind} {query:?} for {}: top 3 {top:?}", records[*intended].profile.name));
        }
    }
    eprintln!("{} of 50 in the top three; missed:\n{}", 50 - misses.len(), misses.join("\n"));
    assert!(misses.len() <= 2, "{} of 50 missed", misses.len());
}

/// The demo book the counter's faults were found on: 2,000 guests, seed 1.
fn demo_index() -> (tempfile::TempDir, Index, Vec<GuestRecord>) {
    let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut records = demo::guests(2000, 1, day);
    // The two names the fault was seen with, should this seed not give them.
    for (name, greeting) in [("于明", "于先生"), ("余明辉", "余先生")] {
        if !records.iter().any(|r| r.profile.name == name) {
            let mut record = records[0].clone();
            record.profile.name = name.into();
            record.profile.greeting = greeting.into();
            record.profile.phone = format!("+86 100 {}", records.len());
            records.push(record);
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("book.db"), DEFAULT_BUSY_TIMEOUT).unwrap();
    store.import(records.clone(), "test", "demo").unwrap();
    let index = regulars::feed::whole_book(&store).unwrap();
    (dir, index, records)
}

#[test]
fn a_whole_name_comes_first_and_an_english_title_finds_a_chinese_greeting() {
    let (_dir, mut index, _) = demo_index();
    for query in ["yuming", "yu ming", "于明"] {
        let found = index.search(query, 5);
        let first = index.guest(found.hits[0].entry).name;
        assert_eq!(first, "于明", "{query:?} puts {first} first");
    }
    // Spoken, "Mr. Yu" is 于先生 or 余先生 (both are Yu; in Traditional 於先生, 餘先生): one of them comes first,
    // never Mr. Yusuf.
    let found = index.search("Mr. Yu", 10);
    let greetings: Vec<String> =
        found.hits.iter().map(|h| regulars::search::simplified_text(index.guest(h.entry).greeting)).collect();
    let greetings: Vec<&str> = greetings.iter().map(String::as_str).collect();
    assert!(matches!(greetings[0], "于先生" | "余先生"), "{greetings:?}");
    let first_other = greetings.iter().position(|g| !matches!(*g, "于先生" | "余先生")).unwrap_or(greetings.len());
    assert!(greetings[first_other..].iter().all(|g| !matches!(*g, "于先生" | "余先生")), "{greetings:?}");
    let found = index.search("Mr. Yu", 200);
    let yusuf = found.hits.iter().position(|h| index.guest(h.entry).name.starts_with("Yusuf"));
    let yu =
        found.hits.iter().position(|h| regulars::search::simplified_text(index.guest(h.entry).greeting) == "于先生");
    assert!(yu.is_some() && (yusuf.is_none() || yu < yusuf), "于先生 at {yu:?}, Yusuf at {yusuf:?}");
}
