//! Realistic synthetic guests for trying the app and for benchmarks: Latin and Chinese names, greetings, phones,
//! birthdays, visit histories with recurring orders, and a few recoveries. The same seed and day give the same book.

mod decade;

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::domain::{Birthday, FollowUp, GuestRecord, Profile, Recovery, Visit};

fn list(text: &'static str) -> Vec<&'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

pub(super) struct Lists {
    latin_female: Vec<&'static str>,
    latin_male: Vec<&'static str>,
    latin_surnames: Vec<&'static str>,
    chinese_surnames: Vec<&'static str>,
    // Given names are gendered (伟 is a man's, 芳 a woman's), so each list goes with its greeting.
    chinese_given_female: Vec<&'static str>,
    chinese_given_male: Vec<&'static str>,
    menu: Vec<&'static str>,
    categories: Vec<&'static str>,
    follow_ups: Vec<&'static str>,
}

impl Lists {
    fn embedded() -> Self {
        Self {
            latin_female: list(include_str!("../../assets/demo/latin_female.txt")),
            latin_male: list(include_str!("../../assets/demo/latin_male.txt")),
            latin_surnames: list(include_str!("../../assets/demo/latin_surnames.txt")),
            chinese_surnames: list(include_str!("../../assets/demo/chinese_surnames.txt")),
            chinese_given_female: list(include_str!("../../assets/demo/chinese_given_female.txt")),
            chinese_given_male: list(include_str!("../../assets/demo/chinese_given_male.txt")),
            menu: list(include_str!("../../assets/demo/menu.txt")),
            categories: list(include_str!("../../assets/demo/categories.txt")),
            follow_ups: list(include_str!("../../assets/demo/follow_ups.txt")),
        }
    }
}

pub(super) const SEAT_AREAS: [(&str, u32); 5] =
    [("Window", 6), ("Bar", 8), ("Booth", 4), ("Terrace", 6), ("Table", 20)];
const ALLERGIES: [&str; 6] = ["peanuts", "shellfish", "gluten", "lactose", "sesame", "eggs"];
const PREFERENCES: [&str; 6] = ["high-calcium milk", "quiet table", "extra hot", "no ice", "window seat", "decaf"];
const TAGS: [&str; 4] = ["vip", "regular", "corporate", "local"];
pub(super) const STAFF: [&str; 6] = ["Nok", "Ana", "Wei", "Sam", "Li", "Marta"];
/// How far back visit histories reach.
const HISTORY_DAYS: i64 = 4 * 365;

/// How long and how uneven the demo guests' histories are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum History {
    /// Up to twenty visits a guest over four years: a book of a few years' use.
    #[default]
    Recent,
    /// Ten years, as uneven as a house's: most guests come once to three times, a few hundred hundreds of times,
    /// about ten visits a guest on the whole, and one guest with twenty thousand.
    Decade,
}

/// `count` synthetic guests, deterministic for `seed` and `today`; guest `i` gets a phone number no other has.
pub fn guests(count: usize, seed: u64, today: NaiveDate) -> Vec<GuestRecord> {
    generate(count, seed, today, History::Recent).collect()
}

/// `count` synthetic guests with the history asked for, made one at a time as they are taken: a book of any size
/// in the memory of one guest. `History::Recent` gives the guests of `guests`.
pub fn generate(count: usize, seed: u64, today: NaiveDate, history: History) -> impl Iterator<Item = GuestRecord> {
    let lists = Lists::embedded();
    let mut rng = fastrand::Rng::with_seed(seed);
    let end = today.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    (0..count).map(move |i| guest(&lists, &mut rng, i, seed, end, history))
}

fn guest(
    lists: &Lists,
    rng: &mut fastrand::Rng,
    index: usize,
    seed: u64,
    end: DateTime<Utc>,
    history: History,
) -> GuestRecord {
    let female = rng.bool();
    // A bijection on 0..10^8 (7919 is prime to 10^8), so no two demo guests share a number.
    let number = (index as u64).wrapping_add(seed).wrapping_mul(7919) % 100_000_000;
    let chinese = rng.u8(..100) < 40;
    let (name, greeting, phone, email) = if chinese {
        let surname = pick(rng, &lists.chinese_surnames);
        let given = if female { pick(rng, &lists.chinese_given_female) } else { pick(rng, &lists.chinese_given_male) };
        let title = if female { "女士" } else { "先生" };
        let phone = format!("+86 139 {:04} {:04}", number / 10_000, number % 10_000);
        (format!("{surname}{given}"), format!("{surname}{title}"), phone, String::new())
    } else {
        let first = if female { pick(rng, &lists.latin_female) } else { pick(rng, &lists.latin_male) };
        let last = pick(rng, &lists.latin_surnames);
        let greeting = match rng.u8(..3) {
            0 => first.to_owned(),
            _ if female => format!("Ms. {last}"),
            _ => format!("Mr. {last}"),
        };
        let phone = format!("+44 20 {:04} {:04}", number / 10_000, number % 10_000);
        let email = if rng.bool() {
            format!("{}.{}{index}@example.com", ascii_lower(first), ascii_lower(last))
        } else {
            String::new()
        };
        (format!("{first} {last}"), greeting, phone, email)
    };
    let birthday = (rng.u8(..100) < 60).then(|| Birthday {
        year: (rng.u8(..100) < 80).then(|| rng.i32(1945..2005)),
        month: rng.u32(1..=12),
        day: rng.u32(1..=28),
    });
    let some = |rng: &mut fastrand::Rng, percent: u8, items: &[&'static str]| -> Vec<String> {
        if rng.u8(..100) < percent { vec![pick(rng, items).to_owned()] } else { Vec::new() }
    };
    // Drawn from a generator of their own, so that the guests of a seed are the same as before these were added.
    let mut own = fastrand::Rng::with_seed(seed ^ (index as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let (name, greeting, other_names) =
        if chinese { chinese_forms(&mut own, name, greeting, female) } else { (name, greeting, Vec::new()) };
    let profile = Profile {
        name,
        greeting,
        phone,
        email,
        birthday,
        tags: some(rng, 15, &TAGS),
        allergies: some(rng, 8, &ALLERGIES),
        preferences: some(rng, 20, &PREFERENCES),
        notes: String::new(),
        other_names,
    };
    let (visits, recoveries) = match history {
        History::Recent => {
            let visits = visits(lists, rng, end);
            let recovered = !visits.is_empty() && rng.u8(..100) < 3;
            (visits, if recovered { vec![recovery(lists, rng, end)] } else { vec![] })
        }
        History::Decade => decade::history(lists, &mut own, index, end),
    };
    GuestRecord { profile, visits, recoveries, noted: None, written: Vec::new() }
}

/// A Chinese name with, for one in forty, a surname read otherwise than its characters (曾, 单, 尉迟 …); as guests
/// from Taiwan and Hong Kong write it (one in ten in Traditional characters); and for one in seven an English name
/// before the surname as Hong Kong spells it ("Tony Chan"), kept as an other name.
fn chinese_forms(
    rng: &mut fastrand::Rng,
    mut name: String,
    mut greeting: String,
    female: bool,
) -> (String, String, Vec<String>) {
    if rng.u8(..40) == 0 {
        let rare = RARE_SURNAMES[rng.usize(..RARE_SURNAMES.len())];
        // The demo's own surnames are one character: the given name and the title stay.
        let (given, title): (String, String) = (name.chars().skip(1).collect(), greeting.chars().skip(1).collect());
        (name, greeting) = (format!("{rare}{given}"), format!("{rare}{title}"));
    }
    let (name, greeting) = if rng.u8(..10) == 0 {
        (crate::search::traditional(&name), crate::search::traditional(&greeting))
    } else {
        (name, greeting)
    };
    let mut other_names = Vec::new();
    if rng.u8(..7) == 0
        && let Some(surname) = name.chars().next().and_then(crate::search::cantonese)
    {
        let english = if female { ENGLISH_FEMALE } else { ENGLISH_MALE };
        let mut surname = surname.chars();
        let capital: String = surname.next().map(|c| c.to_ascii_uppercase()).into_iter().chain(surname).collect();
        other_names.push(format!("{} {capital}", english[rng.usize(..english.len())]));
    }
    (name, greeting, other_names)
}

/// Surnames read as surnames otherwise than their characters' common reading, and compound ones.
const RARE_SURNAMES: [&str; 12] = ["曾", "单", "解", "仇", "区", "查", "翟", "欧阳", "尉迟", "司马", "诸葛", "上官"];
const ENGLISH_MALE: [&str; 8] = ["Tony", "Kevin", "Jason", "Eric", "Vincent", "Henry", "Patrick", "Raymond"];
const ENGLISH_FEMALE: [&str; 8] = ["Vivian", "Grace", "Cherry", "Winnie", "Joyce", "Karen", "Fiona", "Amy"];

fn visits(lists: &Lists, rng: &mut fastrand::Rng, end: DateTime<Utc>) -> Vec<Visit> {
    let count = match rng.u8(..100) {
        0..10 => 0,
        10..30 => 1,
        30..70 => rng.usize(2..=5),
        _ => rng.usize(6..=20),
    };
    let (area, tables) = SEAT_AREAS[rng.usize(..SEAT_AREAS.len())];
    let usual_seat = format!("{area} {}", rng.u32(1..=tables));
    let usual_order = order(lists, rng);
    let loyal = rng.u8(..100) < 70;
    let mut offsets: Vec<i64> = (0..count).map(|_| rng.i64(0..HISTORY_DAYS * 24 * 60)).collect();
    offsets.sort_unstable_by(|a, b| b.cmp(a));
    offsets
        .into_iter()
        .map(|minutes_ago| {
            let regular_today = loyal && rng.u8(..100) < 75;
            let seat = if regular_today {
                usual_seat.clone()
            } else {
                let (area, tables) = SEAT_AREAS[rng.usize(..SEAT_AREAS.len())];
                format!("{area} {}", rng.u32(1..=tables))
            };
            let order = if regular_today { usual_order.clone() } else { order(lists, rng) };
            Visit {
                at: end - Duration::minutes(minutes_ago),
                seat,
                order,
                party_size: Some(rng.u32(1..=4)),
                staff: pick(rng, &STAFF).to_owned(),
                note: String::new(),
            }
        })
        .collect()
}

/// One to three different items from the menu.
pub(super) fn order(lists: &Lists, rng: &mut fastrand::Rng) -> Vec<String> {
    let mut items: Vec<String> = Vec::with_capacity(3);
    for _ in 0..rng.usize(1..=3) {
        let item = pick(rng, &lists.menu);
        if !items.iter().any(|i| i == item) {
            items.push(item.to_owned());
        }
    }
    items
}

pub(super) fn recovery(lists: &Lists, rng: &mut fastrand::Rng, end: DateTime<Utc>) -> Recovery {
    let opened_at = end - Duration::minutes(rng.i64(0..365 * 24 * 60));
    let open = rng.u8(..100) < 40;
    let category = pick(rng, &lists.categories);
    let follow_ups = (0..rng.usize(1..=3))
        .map(|_| FollowUp { done: !open || rng.bool(), ..FollowUp::new(pick(rng, &lists.follow_ups)) })
        .collect();
    Recovery {
        opened_at,
        category: category.to_owned(),
        what_happened: format!("{category} during the visit"),
        action_taken: "sincere apology".to_owned(),
        cost: Some(f64::from(rng.u32(0..=40)) * 5.0),
        follow_ups,
        resolved_at: (!open).then(|| opened_at + Duration::hours(rng.i64(1..72))),
        staff: pick(rng, &STAFF).to_owned(),
    }
}

pub(super) fn pick(rng: &mut fastrand::Rng, items: &[&'static str]) -> &'static str {
    items[rng.usize(..items.len())]
}

fn ascii_lower(name: &str) -> String {
    name.chars().filter(char::is_ascii_alphabetic).map(|c| c.to_ascii_lowercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn same_seed_same_guests() {
        assert_eq!(guests(50, 7, day()), guests(50, 7, day()));
        assert_ne!(guests(50, 7, day()), guests(50, 8, day()));
    }

    #[test]
    fn every_demo_guest_is_valid_and_has_its_own_phone() {
        let records = guests(2000, 1, day());
        let mut phones: Vec<&str> = records.iter().map(|r| r.profile.phone.as_str()).collect();
        phones.sort_unstable();
        phones.dedup();
        assert_eq!(phones.len(), 2000);
        assert!(records.iter().all(|r| r.clone().validated().is_ok()));
        assert!(records.iter().any(|r| r.profile.greeting.ends_with("先生")));
        assert!(records.iter().any(|r| !r.recoveries.is_empty()));
    }

    #[test]
    fn chinese_given_names_are_forty_a_gender_each_in_one_list() {
        let lists = Lists::embedded();
        for given in [&lists.chinese_given_female, &lists.chinese_given_male] {
            let mut distinct = given.clone();
            distinct.sort_unstable();
            distinct.dedup();
            assert!(given.len() >= 40 && distinct.len() == given.len(), "{given:?}");
        }
        assert!(lists.chinese_given_female.iter().all(|name| !lists.chinese_given_male.contains(name)));
    }

    #[test]
    fn every_greeting_matches_the_gender_of_the_list_the_name_came_from() {
        let lists = Lists::embedded();
        let records = guests(2000, 1, day());
        let (mut chinese, mut titled) = (0, 0);
        for record in &records {
            let (name, greeting) = (record.profile.name.as_str(), record.profile.greeting.as_str());
            if let Some((first, last)) = name.split_once(' ') {
                let female = lists.latin_female.contains(&first);
                assert_ne!(female, lists.latin_male.contains(&first), "{name}: the first name is in one list");
                match greeting.split_once(' ') {
                    Some((title, surname)) => {
                        assert_eq!((title, surname), (if female { "Ms." } else { "Mr." }, last), "{name}: {greeting}");
                        titled += 1;
                    }
                    None => assert_eq!(greeting, first),
                }
            } else {
                // A tenth are written in Traditional characters; the lists are Simplified.
                let (name, greeting) = (crate::search::simplified_text(name), crate::search::simplified_text(greeting));
                let (name, greeting) = (name.as_str(), greeting.as_str());
                let (surname, female) = match (greeting.strip_suffix("女士"), greeting.strip_suffix("先生")) {
                    (Some(surname), None) => (surname, true),
                    (None, Some(surname)) => (surname, false),
                    _ => panic!("{name}: {greeting} has no title"),
                };
                let given = name.strip_prefix(surname).unwrap();
                let (own, other) = if female {
                    (&lists.chinese_given_female, &lists.chinese_given_male)
                } else {
                    (&lists.chinese_given_male, &lists.chinese_given_female)
                };
                assert!(
                    lists.chinese_surnames.contains(&surname) || RARE_SURNAMES.contains(&surname),
                    "{name}: {greeting}"
                );
                assert!(own.contains(&given) && !other.contains(&given), "{name}: {greeting}");
                chinese += 1;
            }
        }
        assert!((700..=900).contains(&chinese), "about 40 % Chinese names: {chinese} of 2000");
        assert!(titled > 0);
    }
}
