//! A property of the whole search over 10,000 demo guests, every one of them: each is found in the top three by
//! their name, by their name's full pinyin and by each of its derived spellings, wherever no other guest shares that
//! reading.

use std::collections::HashMap;

use chrono::NaiveDate;
use regulars::demo;
use regulars::domain::GuestId;
use regulars::search::{Index, SearchKeys, SearchRow, search_key};

/// The letters of a reading as search compares them (accents and scripts folded, case ignored): two guests whose
/// readings have the same letters are found alike.
fn letters(text: &str) -> String {
    search_key(text).chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

#[test]
fn every_guest_is_found_by_each_spelling_of_their_name() {
    let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let records = demo::guests(10_000, 3, day);
    let keys: Vec<(String, SearchKeys)> = records
        .iter()
        .map(|r| (search_key(&r.profile.name), SearchKeys::of(&r.profile.name, "", "", &r.profile.other_names)))
        .collect();
    let mut index = Index::default();
    for (i, (record, (name_key, keys))) in records.iter().zip(&keys).enumerate() {
        index.upsert(&SearchRow {
            id: GuestId(i as i64 + 1),
            name: &record.profile.name,
            greeting: "",
            phone: "",
            email: "",
            tags: vec![],
            name_key,
            greeting_key: "",
            last_visit: None,
            visit_count: 0,
            spellings: &keys.spellings,
        });
    }
    // Each guest's readings: the name as written, its pinyin, and every spelling stored with it.
    let readings: Vec<Vec<String>> = records
        .iter()
        .zip(&keys)
        .map(|(record, (name_key, keys))| {
            let mut readings = vec![record.profile.name.clone()];
            if !name_key.is_ascii() {
                readings.push(name_key.chars().filter(char::is_ascii).collect::<String>().trim().to_owned());
            }
            readings.extend(keys.spellings.lines().filter_map(|line| line.split_once('\t')).map(|(_, s)| s.to_owned()));
            readings
        })
        .collect();
    let mut shared: HashMap<String, usize> = HashMap::new();
    for reading in readings.iter().flatten() {
        *shared.entry(letters(reading)).or_default() += 1;
    }
    let (mut tried, mut missed) = (0, Vec::new());
    for (i, guest_readings) in readings.iter().enumerate() {
        for reading in guest_readings {
            let key = letters(reading);
            if key.is_empty() || shared.get(&key) != Some(&1) {
                continue;
            }
            tried += 1;
            let found = index.search(reading, 3);
            if !found.hits.iter().any(|hit| index.guest(hit.entry).id == GuestId(i as i64 + 1)) {
                let top: Vec<&str> = found.hits.iter().map(|hit| index.guest(hit.entry).name).collect();
                missed.push(format!("{reading:?} for {}, not {top:?}", records[i].profile.name));
            }
        }
    }
    assert!(tried > 9_000, "enough readings tried: {tried}");
    assert!(missed.is_empty(), "{} of {tried} missed: {:?}", missed.len(), &missed[..missed.len().min(20)]);
}
