//! Anything fed into the guest book is safe to show: arbitrary text (control characters, escape sequences,
//! bidirectional overrides, huge or mixed-script strings) goes through import, the store, `card`, `find` and the
//! screen without a panic and without one raw control byte reaching the terminal, and comes back out of an export
//! exactly as it went in; what is part of writing beside it (Thai marks, ZWJ and ZWNJ, variation selectors,
//! decomposed accents) is shown as written.

mod common;

use chrono::{FixedOffset, TimeZone, Utc};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use regulars::interchange;
use regulars::store::{DEFAULT_BUSY_TIMEOUT, Store};
use regulars::tui::action::Msg;
use regulars::tui::app::App;
use regulars::tui::theme::Theme;

use common::Book;

/// Text that tries hard: escapes (colour, cursor, OSC 52 clipboard, window title), C0 and C1 controls, bidi and
/// zero-width characters, CJK, and whatever else proptest finds.
fn hostile() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just("\u{1b}[31m".to_owned()),
            Just("\u{1b}]52;c;cm0gLXJmIC8=\u{7}".to_owned()),
            Just("\u{1b}]0;owned\u{7}".to_owned()),
            Just("\u{9b}2J".to_owned()),
            Just("\u{202e}\u{200b}\u{2066}".to_owned()),
            Just("\r\n\t\u{0}\u{7f}".to_owned()),
            Just("王建华 José".to_owned()),
            Just(WRITING[0].to_owned()),
            Just(WRITING[1].to_owned()),
            Just(WRITING[2].to_owned()),
            Just(WRITING[3].to_owned()),
            Just(WRITING[4].to_owned()),
            any::<String>(),
        ],
        1..6,
    );
    pieces
        .prop_map(|p| p.concat())
        .prop_filter("a name is needed", |s| !s.trim().is_empty() && s.trim().chars().count() <= 200 && s.trim() == s)
}

/// Text whose marks, joiners and selectors are part of writing: kept as written wherever it is shown.
const WRITING: [&str; 5] =
    ["สุดา ข้าวมันไก่", "👨\u{200d}👩\u{200d}👧", "می\u{200c}خواهم", "❤\u{fe0f}", "Jose\u{301} क्\u{200d}ष"];

/// No byte of the terminal's own language: C0 controls but newline, DEL, C1 controls.
fn raw_controls(text: &str) -> Vec<char> {
    text.chars().filter(|&c| (c.is_control() && c != '\n') || ('\u{80}'..='\u{9f}').contains(&c)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn hostile_text_is_shown_inert_and_exported_exactly(name in hostile(), notes in any::<String>()) {
        let book = Book::new();
        let line = serde_json::json!({ "name": name, "greeting": name, "notes": notes.chars().take(4000).collect::<String>() });
        let line = format!("{line}\n");
        let parsed = interchange::parse(line.as_bytes());
        prop_assume!(parsed.is_ok());
        let mut store = Store::open(&book.path, DEFAULT_BUSY_TIMEOUT).unwrap();
        store.import(parsed.unwrap().guests(), "Nok", "test").unwrap();

        // The export gives back exactly what went in.
        let mut exported = Vec::new();
        let mut writer = interchange::Writer::new(interchange::Output::Jsonl, &mut exported, false).unwrap();
        store.export(|history, key| writer.guest(&history, key)).unwrap().unwrap();
        writer.finish(&[]).unwrap();
        let exported: serde_json::Value = serde_json::from_slice(&exported).unwrap();
        let sent: serde_json::Value = serde_json::from_str(&line).unwrap();
        prop_assert_eq!(&exported["name"], &sent["name"]);
        if sent["notes"] != "" { prop_assert_eq!(&exported["notes"], &sent["notes"]); }

        // `card` and `find` print it inert (an empty query lists the guest: arguments cannot carry a NUL byte).
        for args in [vec!["card", ""], vec!["find", ""], vec!["find", "--json", ""]] {
            let run = book.run(&args);
            prop_assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
            prop_assert_eq!(raw_controls(&run.stdout), Vec::<char>::new());
            prop_assert_eq!(raw_controls(&run.stderr), Vec::<char>::new());
        }
        let card = book.run(&["card", ""]).stdout;
        for written in WRITING.iter().filter(|w| name.contains(*w)) {
            prop_assert!(card.contains(written), "{written:?} kept as written: {card}");
        }

        // The screen draws it inert.
        let history = store.history(regulars::domain::GuestId(1)).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap();
        let mut app = App::new((100, 30), now, FixedOffset::east_opt(0).unwrap(), Theme::colour(), "Nok");
        let effects = app.start(&name);
        prop_assert!(!effects.is_empty());
        let mut index = regulars::feed::whole_book(&store).unwrap();
        let found = index.search(&name, 50);
        let effects = app.update(Msg::Results(regulars::search::Results::new(&index, &Default::default(), 1, name.clone(), found)), now);
        let ticket = effects.iter().find_map(|e| match e {
            regulars::tui::action::Effect::LoadCard { ticket, .. } => Some(*ticket),
            _ => None,
        });
        app.update(Msg::Card { ticket: ticket.unwrap_or_default(), card: Ok(Box::new(history)) }, now);
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        terminal.draw(|frame| frame.render_widget(&app, frame.area())).unwrap();
        let cells: String = terminal.backend().buffer().content().iter().map(|cell| cell.symbol()).collect();
        prop_assert_eq!(raw_controls(&cells), Vec::<char>::new());
    }
}

/// Text shaped like what the command line's times and amounts take, and anything else: digits, separators, signs,
/// exponents, huge years and every kind of character.
fn said() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9+\\-:.,eE T/]{0,40}",
        "[0-9]{1,30}(\\.[0-9]{0,30})?(e[+-]?[0-9]{1,5})?",
        "[0-9]{4,12}-[0-9]{1,3}-[0-9]{1,3}([T ][0-9]{1,3}:[0-9]{1,3}(:[0-9]{1,3})?)?([+-][0-9]{2}:[0-9]{2}|Z)?",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Whatever is typed for --at, --since, --until, a birthday or an amount, the parsers answer with a time, a day,
    /// an amount or a reason: never a panic (a time out of range, an overflowing offset, a wall of digits).
    #[test]
    fn times_and_amounts_as_typed_never_panic(text in said(), offset in -14 * 3600..=14 * 3600i32) {
        let zone = FixedOffset::east_opt(offset).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 12, 2, 12, 0, 0).unwrap();
        let _ = regulars::domain::when::said_time(&text, now, &zone, false);
        let _ = regulars::domain::when::said_time(&text, now, &zone, true);
        if let Ok(day) = regulars::domain::when::said_day(&text) {
            prop_assert!((1900..2200).contains(&chrono::Datelike::year(&day)));
        }
        let _ = text.parse::<regulars::domain::Birthday>();
        for money in [regulars::domain::money::Money::default(), regulars::config::Config::default().money("de_DE.UTF-8")] {
            if let Ok(amount) = regulars::domain::money::parse_amount(&text, &money) {
                prop_assert!(amount.is_finite());
            }
        }
    }
}
