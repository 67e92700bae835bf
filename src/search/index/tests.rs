//! The index on hand-made guests: matching, folding, ranking, narrowing, upserts.
use super::*;
use crate::search::{SearchKeys, search_key};
use chrono::{TimeZone, Utc};

/// A guest as the store would pass it; `name_key` is leaked so that rows can be built in a line.
fn row(id: i64, name: &str, phone: &str, last_day: Option<u32>, visits: u32) -> SearchRow<'static> {
    let leak = |s: &str| -> &'static str { Box::leak(s.to_owned().into_boxed_str()) };
    SearchRow {
        id: GuestId(id),
        name: leak(name),
        greeting: "",
        phone: leak(phone),
        email: "",
        tags: vec![],
        name_key: leak(&search_key(name)),
        greeting_key: "",
        last_visit: last_day.map(|d| Utc.with_ymd_and_hms(2025, 1, d, 0, 0, 0).unwrap()),
        visit_count: visits,
        spellings: leak(&SearchKeys::of(name, "", "", &[]).spellings),
    }
}

fn named(id: i64, name: &str) -> SearchRow<'static> {
    row(id, name, "", None, 0)
}

fn build(rows: impl IntoIterator<Item = SearchRow<'static>>) -> Index {
    let mut index = Index::default();
    for row in rows {
        index.upsert(&row);
    }
    index
}

fn names(index: &mut Index, query: &str) -> Vec<String> {
    let hits = index.search(query, 10).hits;
    hits.into_iter().map(|hit| index.guest(hit.entry).name.to_owned()).collect()
}

#[test]
fn pinyin_full_initials_and_mixed_find_a_chinese_name() {
    let mut index = build([named(1, "于明"), named(2, "王建华"), named(3, "Yvonne Miller")]);
    for query in ["yuming", "yu ming", "ym", "于m", "于明", "yum"] {
        assert_eq!(names(&mut index, query).first().map(String::as_str), Some("于明"), "query {query:?}");
    }
    assert_eq!(names(&mut index, "wjh"), ["王建华"]);
    assert_eq!(index.search("ym", 1).hits[0].positions, [0, 1], "highlights point at the characters");
}

#[test]
fn accents_and_full_width_fold_and_case_is_smart() {
    let mut index = build([named(1, "José GARCÍA"), named(2, "emma stone")]);
    assert_eq!(names(&mut index, "jose"), ["José GARCÍA"]);
    assert_eq!(names(&mut index, "garcia"), ["José GARCÍA"]);
    assert_eq!(names(&mut index, "ＥＭＭＡ"), Vec::<String>::new(), "capitals make the search case-sensitive");
    assert_eq!(names(&mut index, "ｅｍｍａ"), ["emma stone"]);
    assert_eq!(names(&mut index, "Jose"), ["José GARCÍA"]);
    assert!(names(&mut index, "JOSE").is_empty());
}

#[test]
fn one_typo_is_forgiven_when_nothing_matches_as_typed() {
    let mut index = build([named(1, "Jon Smith"), named(2, "Emma Stone"), named(3, "Smyth Moss")]);
    for typo in ["smtih", "smiht", "smyth jon", "jon smitth", "emma sotne"] {
        let found = index.search(typo, 10);
        assert!(found.close, "{typo:?} has no exact match");
        let first = found.hits.first().map(|h| index.guest(h.entry).name);
        assert!(matches!(first, Some("Jon Smith" | "Emma Stone")), "{typo:?} found {first:?}");
    }
    let exact = index.search("smyth", 10);
    assert!(!exact.close);
    assert_eq!(exact.total, 1, "an exact match is never padded with close ones");
    assert_eq!(index.search("zzzz", 10).total, 0);
}

#[test]
fn phone_digits_match_anywhere_in_the_number() {
    let mut index = build([row(1, "Yu Ming", "+86 138-0000-0108", None, 0), row(2, "Emma", "555 1234", None, 0)]);
    assert_eq!(names(&mut index, "0108"), ["Yu Ming"]);
    assert_eq!(index.search("0108", 10).hits[0].field, Field::Phone);
    assert_eq!(names(&mut index, "138-0000"), ["Yu Ming"]);
}

#[test]
fn every_term_must_match_in_some_field() {
    let mut guest = row(1, "Emma Stone", "555 0108", None, 0);
    guest.greeting = "Ms. Stone";
    guest.greeting_key = "Ms. Stone";
    guest.tags = vec!["VIP".into()];
    guest.email = "JJ.Boss@example.com";
    let mut index = build([guest, named(2, "Emma Smith")]);
    assert_eq!(names(&mut index, "emma 0108"), ["Emma Stone"]);
    assert_eq!(names(&mut index, "emma #vip"), ["Emma Stone"]);
    assert_eq!(names(&mut index, "#vip").len(), 1);
    assert_eq!(index.search("#vip", 1).hits[0].field, Field::Tag);
    assert_eq!(names(&mut index, "ms."), ["Emma Stone"]);
    assert_eq!(names(&mut index, "boss@ex"), ["Emma Stone"]);
    assert_eq!(names(&mut index, "jjboss"), ["Emma Stone"], "the address's own part matches fuzzily");
    assert_eq!(index.search("jjboss", 1).hits[0].field, Field::Email);
    assert!(names(&mut index, "xmpl").is_empty(), "the domain does not");
    assert_eq!(index.search("ms.", 1).hits[0].field, Field::Greeting);
    assert!(names(&mut index, "emma zed").is_empty());
}

#[test]
fn a_better_match_beats_more_visits_and_a_whole_word_beats_a_scatter() {
    let mut index = build([row(1, "Sam Ismith", "", Some(20), 90), row(2, "Jon Smith", "", Some(1), 1)]);
    assert_eq!(names(&mut index, "smith"), ["Jon Smith", "Sam Ismith"]);
    let mut index = build([row(1, "Sarah Maxwell Ito", "", Some(20), 90), row(2, "Emma Smith", "", None, 0)]);
    assert_eq!(names(&mut index, "smit"), ["Emma Smith", "Sarah Maxwell Ito"]);
}

#[test]
fn equal_matches_go_to_recent_then_frequent_then_older_entries() {
    let rows = vec![
        row(1, "Emma A", "", Some(1), 5),
        row(2, "Emma B", "", Some(9), 1),
        row(3, "Emma C", "", Some(1), 7),
        row(4, "Emma D", "", None, 0),
        row(5, "Emma E", "", None, 0),
    ];
    let mut index = build(rows);
    let expected = ["Emma B", "Emma C", "Emma A", "Emma D", "Emma E"];
    assert_eq!(names(&mut index, "emma"), expected);
    assert_eq!(names(&mut index, ""), expected);
    assert_eq!(names(&mut index, "emma"), expected, "the same input gives the same order");
}

#[test]
fn a_longer_query_narrows_the_previous_matches_with_the_same_answer_as_a_fresh_search() {
    let rows = || (1..=5000).map(|i| named(i, &format!("Guest {i} {}", if i % 2 == 0 { "Even" } else { "Odd" })));
    let mut typed = build(rows());
    for query in ["g", "gu", "gu ", "gu ev", "gu odd", "gu odd 4", "gu odd 49", "gu odd 499", "0", "01", "010"] {
        let narrowed = typed.search(query, 20);
        let fresh = build(rows()).search(query, 20);
        assert_eq!(narrowed, fresh, "query {query:?}");
    }
    assert_eq!(typed.search("gu ev", 3).total, 2500);
}

#[test]
fn a_deletion_or_a_query_typed_again_gives_the_answer_of_a_fresh_search() {
    let rows = || (1..=5000).map(|i| named(i, &format!("Guest {i} {}", if i % 2 == 0 { "Even" } else { "Odd" })));
    let mut typed = build(rows());
    let session =
        ["g", "gu", "gu ", "gu o", "gu od", "gu odd", "gu od", "gu o", "gu ", "gu e", "gu ev", "g", "gx", "g"];
    for query in session.into_iter().chain(["", "0", "01", "0", "", "gu odd 49", "gu odd 4", "gu odd 499"]) {
        let kept = typed.search(query, 20);
        assert_eq!(kept, build(rows()).search(query, 20), "query {query:?}");
    }
    // A change to the index forgets what was answered.
    assert_eq!(typed.search("gu odd", 20).total, 2500);
    typed.upsert(&named(5001, "Guest Odd"));
    assert_eq!(typed.search("gu odd", 20).total, 2501);
    typed.remove(GuestId(1));
    assert_eq!(typed.search("gu odd", 20).total, 2500);
}

#[test]
fn first_keystrokes_answered_ahead_are_the_answers_of_a_fresh_search() {
    let rows = |n| (1..=n).map(|i| named(i, &format!("Guest {i} {}", ["Emma", "Jon", "Yu Wei"][i as usize % 3])));
    let mut ahead = build(rows(3000));
    let mut answered = 0;
    while ahead.answer_ahead(20, &|| false) {
        answered += 1;
    }
    assert_eq!(answered, 36, "every letter and digit");
    for key in ["e", "j", "y", "z", "0", "7", "E"] {
        assert_eq!(ahead.search(key, 20), build(rows(3000)).search(key, 20), "key {key:?}");
    }
    assert_eq!(ahead.search("em", 20), build(rows(3000)).search("em", 20), "the next key scans again");
    // A change forgets them, and they are answered again.
    ahead.upsert(&named(3001, "Eve"));
    assert!(ahead.answer_ahead(20, &|| false));
    assert_eq!(ahead.search("e", 20).total, build(rows(3000)).search("e", 20).total + 1);
}

#[test]
fn after_a_first_key_the_likeliest_second_keys_are_answered_ahead() {
    let names = ["Emma Stone", "Emily Chen", "Emma Lee", "Eva Ng", "Jon Smith", "Yu Emma"];
    let rows = || names.iter().enumerate().map(|(i, name)| named(i as i64 + 1, name));
    let mut ahead = build(rows());
    while ahead.answer_ahead(20, &|| false) {}
    let found = ahead.search("e", 20);
    assert_eq!(ahead.likely_next("e", &found), ["em", "ev"], "three Emmas and an Emily, one Eva; none after Stone's e");
    assert!(ahead.likely_next("em", &found).is_empty() && ahead.likely_next("E", &found).is_empty());
    while ahead.answer_ahead(20, &|| false) {}
    for query in ["em", "ev", "emm", "ex"] {
        assert_eq!(ahead.search(query, 20), build(rows()).search(query, 20), "query {query:?}");
    }
}

#[test]
fn a_key_typed_meanwhile_stops_the_scan_ahead_and_nothing_of_it_is_kept() {
    let rows = || (1..=9000).map(|i| named(i, &format!("Guest {i} Emma")));
    let mut ahead = build(rows());
    assert!(ahead.answer_ahead(20, &|| true), "given up, still to do");
    let answered = std::iter::from_fn(|| ahead.answer_ahead(20, &|| false).then_some(())).count();
    assert_eq!(answered, 36, "the key given up is answered again");
    assert_eq!(ahead.search("a", 20), build(rows()).search("a", 20));
}

#[test]
fn a_bounded_search_counts_every_match_and_keeps_the_best() {
    let rows = (1..=20).map(|d| row(d.into(), &format!("Guest {d}"), "", Some(d), 1));
    let mut index = build(rows);
    let found = index.search("guest", 3);
    assert_eq!(found.total, 20);
    let best: Vec<&str> = found.hits.iter().map(|h| index.guest(h.entry).name).collect();
    assert_eq!(best, ["Guest 20", "Guest 19", "Guest 18"]);
}

#[test]
fn upserted_guests_are_found_at_once() {
    let mut index = build([named(1, "Ann")]);
    assert_eq!(names(&mut index, "ann"), ["Ann"]);
    index.upsert(&named(2, "Annie"));
    index.upsert(&named(1, "Anna"));
    assert_eq!(names(&mut index, "ann"), ["Anna", "Annie"]);
    index.remove(GuestId(2));
    assert_eq!(names(&mut index, "ann"), ["Anna"]);
}

#[test]
fn a_whole_name_beats_a_longer_one_and_titles_match_across_languages() {
    let greeted = |id, name: &str, greeting: &'static str, day| {
        let mut r = row(id, name, "", Some(day), 3);
        r.greeting = greeting;
        r.greeting_key = Box::leak(crate::search::greeting_key(greeting).into_boxed_str());
        r
    };
    let mut index = build([
        greeted(1, "余明辉", "余先生", 20),
        greeted(2, "于明", "于先生", 1),
        greeted(3, "Yusuf Rahman", "Mr. Rahman", 25),
        greeted(4, "Somchai Jaidee", "Khun Somchai", 2),
    ]);
    for query in ["yuming", "yu ming", "于明"] {
        assert_eq!(names(&mut index, query)[0], "于明", "{query:?}");
    }
    // 余 is read Yu too: both are Mr. Yu, and both come before Mr. Yusuf Rahman.
    for query in ["Mr. Yu", "mr yu"] {
        let found = names(&mut index, query);
        assert!(found[..2].contains(&"于明".to_owned()) && found[2] == "Yusuf Rahman", "{query:?}: {found:?}");
    }
    assert_eq!(names(&mut index, "Somchai J."), ["Somchai Jaidee"]);
}

#[test]
fn any_query_is_safe() {
    let mut index = build([named(1, "Ann"), named(2, "于明")]);
    for query in ["\u{1b}[2J", "####", "((((", "\u{0}", &"x".repeat(100_000), "  ", "🎉", "\u{202e}"] {
        let _ = index.search(query, 10);
    }
}

#[test]
fn either_script_finds_the_other() {
    let mut index = build([named(1, "黄薇"), named(2, "陳小明"), named(3, "王伟")]);
    assert_eq!(names(&mut index, "黃薇"), ["黄薇"]);
    assert_eq!(names(&mut index, "陈小明"), ["陳小明"]);
    assert_eq!(names(&mut index, "huangwei"), ["黄薇"]);
}

#[test]
fn surnames_are_found_as_they_are_said_and_as_they_are_written() {
    let mut index = build([named(1, "曾伟"), named(2, "张伟"), named(3, "单于"), named(4, "尉迟恭"), named(5, "单明")]);
    assert_eq!(names(&mut index, "zengwei")[0], "曾伟");
    assert_eq!(names(&mut index, "chanyu")[0], "单于");
    assert_eq!(names(&mut index, "yuchi")[0], "尉迟恭");
    assert_eq!(names(&mut index, "shanming")[0], "单明");
    assert_eq!(names(&mut index, "danming")[0], "单明", "and by the common reading");
}

#[test]
fn other_spellings_find_the_guest_and_say_which_matched() {
    let mut index =
        build([named(1, "張小明"), named(2, "陳大文"), named(3, "陈伟明"), named(4, "劉德華"), named(5, "Chan Lee")]);
    for (typed, name, spelling) in [
        ("Chang Hsiao-ming", "張小明", "Wade-Giles"),
        ("Chan Tai Man", "陳大文", "Cantonese"),
        ("Lau Tak-wah", "劉德華", "Cantonese"),
        ("Tan Wei Ming", "陈伟明", "dialect surname"),
        ("TAN, Wei Ming", "陈伟明", "dialect surname"),
        ("Wei Ming Tan", "陈伟明", "dialect surname"),
    ] {
        let hits = index.search(typed, 10).hits;
        let first = hits.first().unwrap_or_else(|| panic!("{typed} finds nobody"));
        assert_eq!(index.guest(first.entry).name, name, "{typed}");
        assert_eq!(first.field.label(), spelling, "{typed}");
    }
    assert_eq!(names(&mut index, "chan")[0], "Chan Lee", "a name as written before a spelling");
}

#[test]
fn a_spelling_is_typed_from_the_start_of_its_words() {
    let mut index = build([named(1, "陳大文")]);
    for typed in ["chantaiman", "taiman", "tai man", "man", "chan t"] {
        assert_eq!(names(&mut index, typed), ["陳大文"], "{typed:?} runs on from a word of chan tai man");
    }
    for typed in ["aiman", "ctm", "anman"] {
        assert!(names(&mut index, typed).is_empty(), "{typed:?} is letters picked out of chan tai man");
    }
}

#[test]
fn a_whole_reading_typed_comes_before_a_longer_one() {
    let mut index = build([
        named(1, "叶强"),
        named(2, "叶强"),
        named(3, "叶倩"),
        named(4, "叶强"),
        named(5, "龚想"),
        named(6, "龚霞"),
    ]);
    assert_eq!(names(&mut index, "yeqian")[0], "叶倩");
    assert_eq!(names(&mut index, "gongxia")[0], "龚霞");
}

#[test]
fn a_given_name_read_another_way_finds_the_guest_below_a_name_read_so() {
    let mut index = build([named(1, "李行"), named(2, "李航"), named(3, "王乐"), named(4, "王月")]);
    assert_eq!(names(&mut index, "lihang"), ["李航", "李行"], "行 is also hang, below 航 that is");
    assert_eq!(names(&mut index, "lixing"), ["李行"]);
    assert_eq!(names(&mut index, "wangyue"), ["王月", "王乐"]);
    assert_eq!(index.search("wangyue", 2).hits[1].field, Field::Spelled(Spelling::Reading), "the list says so");
}

#[test]
fn a_short_form_finds_the_full_name_below_itself() {
    let mut index =
        build([named(1, "Robert Smith"), named(2, "Bob Smith"), named(3, "Roberta Jones"), named(4, "Robert Murphy")]);
    assert_eq!(names(&mut index, "bob smith"), ["Bob Smith", "Robert Smith"]);
    assert_eq!(names(&mut index, "bob murphy"), ["Robert Murphy"]);
}

#[test]
fn every_surname_of_the_table_is_found_by_its_reading_and_its_common_reading() {
    use crate::search::spell::SURNAMES;
    use pinyin::ToPinyin;
    for (i, (surname, readings)) in SURNAMES.iter().enumerate() {
        let name = format!("{surname}伟");
        // The same given name under another surname, to be ranked below.
        let mut index = build([named(1, &name), named(2, "王伟"), named(3, "张伟")]);
        let said = format!("{}wei", readings.concat());
        assert_eq!(names(&mut index, &said).first(), Some(&name), "{said} ({i})");
        let common: String =
            surname.chars().filter_map(|c| c.to_pinyin().map(|p| p.plain().replace('ü', "u"))).collect();
        let common = format!("{common}wei");
        assert!(names(&mut index, &common).contains(&name), "{common} finds {name}");
    }
}

#[test]
fn a_spelling_typed_a_letter_at_a_time_finds_the_guest_at_every_step() {
    let mut index = build([named(1, "陈伟明"), named(2, "Tim Brown"), named(3, "王伟")]);
    let typed = "Tan Wei Ming";
    for end in 2..=typed.len() {
        let query = &typed[..end];
        if query.ends_with(' ') {
            continue;
        }
        assert!(names(&mut index, query).contains(&"陈伟明".to_owned()), "{query:?}");
    }
    assert_eq!(names(&mut index, typed)[0], "陈伟明");
}

#[test]
fn what_every_search_reads_of_a_guest_is_one_cache_line() {
    assert_eq!(size_of::<super::Hot>(), 64);
}

#[test]
fn guests_who_cannot_be_among_the_best_are_counted_without_scoring_and_nothing_changes() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let guests = crate::demo::guests(6000, 7, today);
    let keys: Vec<SearchKeys> = guests
        .iter()
        .map(|g| SearchKeys::of(&g.profile.name, &g.profile.greeting, &g.profile.email, &g.profile.other_names))
        .collect();
    let build = |bounded: bool| {
        let mut index = Index { bounded, ..Index::default() };
        for (i, (guest, keys)) in guests.iter().zip(&keys).enumerate() {
            let p = &guest.profile;
            index.upsert(&SearchRow {
                id: GuestId(i as i64 + 1),
                name: &p.name,
                greeting: &p.greeting,
                phone: &p.phone,
                email: &p.email,
                tags: p.tags.clone(),
                name_key: &keys.name,
                greeting_key: &keys.greeting,
                last_visit: guest.visits.iter().map(|v| v.at).max(),
                visit_count: guest.visits.len() as u32,
                spellings: &keys.spellings,
            });
        }
        index
    };
    let (mut bounded, mut scored) = (build(true), build(false));
    let letters: Vec<char> = "abcdefghijklmnopqrstuvwxyz0123456789.".chars().collect();
    let pairs = letters.iter().flat_map(|a| letters.iter().map(move |b| format!("{a}{b}")));
    let others =
        ["mr. k", "ms. ", "chan", "chantaiman", "wjh", "yuming", "emma s", "jon smith", "bob", "Em", "王", "@gm"];
    for query in letters.iter().map(char::to_string).chain(pairs).chain(others.iter().map(|q| q.to_string())) {
        for limit in [1, 20] {
            bounded.answers.forget();
            assert_eq!(bounded.search(&query, limit), scored.search(&query, limit), "query {query:?}, {limit}");
        }
    }
}
