//! State tests: actions in, state and effects out, no terminal and no book.
use super::*;
use crate::domain::Visit;
use crate::domain::{Guest, Profile};
use crate::search::Field;
use crate::tui::action::{Action, Effect, Msg, Write};
use crate::tui::ui;
use chrono::TimeZone;

/// The clock the tests keep: a fixed morning.
fn morning() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap()
}

fn app() -> App {
    let mut app = App::new((100, 30), morning(), FixedOffset::east_opt(0).unwrap(), Theme::plain(), "Nok");
    app.update(Msg::Layout(ui::layout(ratatui::layout::Rect::new(0, 0, 100, 30))), morning());
    app
}

fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    app.update(msg, morning())
}

fn results(generation: u64, names: &[&str]) -> Results {
    Results {
        generation,
        query: String::new(),
        total: names.len(),
        guests: 3,
        found: names
            .iter()
            .enumerate()
            .map(|(i, name)| FoundGuest {
                id: GuestId(i as i64 + 1),
                name: (*name).into(),
                greeting: String::new(),
                last_visit: None,
                field: Field::Name,
                positions: vec![],
                recent: vec![],
            })
            .collect(),
        close: false,
    }
}

fn press(app: &mut App, action: Action) -> Vec<Effect> {
    update(app, Msg::Action(action))
}

/// A guest with a usual: three visits at Window 2.
fn regular(id: i64) -> GuestHistory {
    let visit = |day| Visit {
        at: Utc.with_ymd_and_hms(2026, 11, day, 8, 0, 0).unwrap(),
        seat: "Window 2".into(),
        order: vec!["tea".into()],
        party_size: None,
        staff: String::new(),
        note: String::new(),
    };
    GuestHistory {
        guest: Guest {
            id: GuestId(id),
            version: 1,
            profile: Profile { name: "Yu Ming".into(), greeting: "于先生".into(), ..Profile::default() },
            notes_by: None,
        },
        visits: vec![visit(1), visit(2), visit(3)],
        recoveries: vec![],
        earlier: Default::default(),
        written: vec![],
    }
}

/// The ticket of the card load among `effects`.
fn card_ticket(effects: &[Effect]) -> u64 {
    effects.iter().find_map(|e| if let Effect::LoadCard { ticket, .. } = e { Some(*ticket) } else { None }).unwrap()
}

#[test]
fn an_idle_screen_stamps_a_visit_with_the_time_of_the_key_not_of_the_last_redraw() {
    let mut app = app();
    let effects = update(&mut app, Msg::Results(Results { generation: 0, ..results(0, &["Yu Ming"]) }));
    let ticket = card_ticket(&effects);
    update(&mut app, Msg::Card { ticket, card: Ok(Box::new(regular(1))) });
    // An hour at the counter with nothing to do, then F2.
    let later = morning() + chrono::Duration::hours(1);
    let effects = app.update(Msg::Action(Action::LogUsual), later);
    let Some(Effect::Write { write: Write::LogVisit { visit, .. }, .. }) = effects.first() else {
        panic!("the usual is written: {effects:?}")
    };
    assert_eq!(visit.at, later);
}

#[test]
fn only_the_answer_to_the_newest_card_request_is_shown() {
    let mut app = app();
    let first = card_ticket(&update(&mut app, Msg::Results(results(0, &["Emma", "Eve"]))));
    let second = card_ticket(&press(&mut app, Action::SelectNext));
    assert!(second > first);
    update(&mut app, Msg::Card { ticket: first, card: Ok(Box::new(regular(1))) });
    assert!(app.card.is_none(), "a card asked for before is not shown");
    update(&mut app, Msg::Card { ticket: second, card: Ok(Box::new(regular(2))) });
    assert_eq!(app.selected_card().map(|c| c.guest.id), Some(GuestId(2)));
}

#[test]
fn typing_searches_with_a_new_generation_each_time() {
    let mut app = app();
    assert_eq!(press(&mut app, Action::Insert('y')), [Effect::Search { generation: 1, query: "y".into() }]);
    assert_eq!(press(&mut app, Action::Insert('u')), [Effect::Search { generation: 2, query: "yu".into() }]);
    assert_eq!(press(&mut app, Action::DeleteWord), [Effect::Search { generation: 3, query: String::new() }]);
    assert_eq!(press(&mut app, Action::DeleteBack), [], "nothing to delete, nothing to search");
}

#[test]
fn stale_results_are_dropped_and_fresh_ones_select_the_top_match() {
    let mut app = app();
    press(&mut app, Action::Insert('y'));
    press(&mut app, Action::Insert('u'));
    assert_eq!(update(&mut app, Msg::Results(results(1, &["Yvonne"]))), []);
    assert!(app.results.is_none());
    assert!(
        matches!(
            update(&mut app, Msg::Results(results(2, &["Yu Ming", "Yusuf"])))[..],
            [Effect::LoadCard { guest: GuestId(1), .. }, Effect::LoadHouse]
        ),
        "the first results read the card, then what forms complete from"
    );
    assert_eq!(app.selected_guest().map(|g| g.name.as_str()), Some("Yu Ming"));
}

#[test]
fn selection_moves_within_the_results_and_loads_each_card() {
    let mut app = app();
    app.start("e");
    update(&mut app, Msg::Results(results(1, &["Emma", "Eve", "Ed"])));
    let loads = |effects: Vec<Effect>| -> Vec<GuestId> {
        effects
            .iter()
            .filter_map(|e| if let Effect::LoadCard { guest, .. } = e { Some(*guest) } else { None })
            .collect()
    };
    assert_eq!(loads(press(&mut app, Action::SelectNext)), [GuestId(2)]);
    assert_eq!(loads(press(&mut app, Action::SelectLast)), [GuestId(3)]);
    assert_eq!(press(&mut app, Action::SelectNext), [], "already at the bottom");
    assert_eq!(loads(press(&mut app, Action::PageUp)), [GuestId(1)]);
    assert_eq!(loads(press(&mut app, Action::Click(1))), [GuestId(2)]);
}

#[test]
fn the_card_shown_is_always_the_selected_guests() {
    let mut app = app();
    app.start("e");
    let ticket = card_ticket(&update(&mut app, Msg::Results(results(1, &["Emma", "Eve"]))));
    let history = |id| GuestHistory {
        guest: Guest {
            id: GuestId(id),
            version: 1,
            profile: Profile { name: "x".into(), ..Profile::default() },
            notes_by: None,
        },
        visits: vec![],
        recoveries: vec![],
        earlier: Default::default(),
        written: vec![],
    };
    update(&mut app, Msg::Card { ticket, card: Ok(Box::new(history(1))) });
    assert!(app.selected_card().is_some());
    press(&mut app, Action::SelectNext);
    assert!(app.selected_card().is_none(), "the old card is not shown for the new selection");
}

#[test]
fn enter_opens_the_guest_and_esc_comes_back_then_clears() {
    let mut app = app();
    press(&mut app, Action::OpenGuest);
    assert_eq!(app.focus, Focus::Search, "no guest selected, nothing to open");
    app.start("e");
    update(&mut app, Msg::Results(results(1, &["Emma"])));
    press(&mut app, Action::OpenGuest);
    assert_eq!((app.mode(), app.selected_guest().map(|g| g.id)), (Mode::Guest, Some(GuestId(1))));
    press(&mut app, Action::Back);
    assert_eq!((app.mode(), app.query.text()), (Mode::Search, "e"));
    assert_eq!(press(&mut app, Action::Back), [Effect::Search { generation: 2, query: String::new() }]);
    press(&mut app, Action::ToggleHelp);
    assert_eq!(app.mode(), Mode::Help);
}

#[test]
fn the_selection_scrolls_into_view() {
    let mut app = app();
    update(&mut app, Msg::Resize(80, 24));
    update(&mut app, Msg::Layout(ui::layout(ratatui::layout::Rect::new(0, 0, 80, 24))));
    app.start("g");
    let names: Vec<String> = (0..60).map(|i| format!("Guest {i}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    update(&mut app, Msg::Results(results(1, &names)));
    press(&mut app, Action::PageDown);
    press(&mut app, Action::PageDown);
    let page = usize::from(app.layout.list.height);
    assert_eq!(app.selected, 2 * page);
    assert!(app.offset <= app.selected && app.selected < app.offset + page);
}

#[test]
fn demo_guests_are_offered_only_to_an_empty_book() {
    let mut app = app();
    assert_eq!(press(&mut app, Action::LoadDemo), [], "not while the book is still being read");
    app.guests = Some(3);
    assert_eq!(press(&mut app, Action::LoadDemo), []);
    app.guests = Some(0);
    assert_eq!(press(&mut app, Action::LoadDemo), [Effect::LoadDemo]);
}

/// Results of `query` with the given guests, ids as given.
fn found(generation: u64, query: &str, guests: &[(i64, &str)]) -> Results {
    let mut results = results(generation, &guests.iter().map(|(_, name)| *name).collect::<Vec<_>>());
    results.query = query.into();
    for (found, (id, _)) in results.found.iter_mut().zip(guests) {
        found.id = GuestId(*id);
    }
    results
}

fn logged_for(effects: &[Effect]) -> Option<GuestId> {
    effects.iter().find_map(|e| match e {
        Effect::Write { who, write: Write::LogVisit { .. } } => who.guest,
        _ => None,
    })
}

#[test]
fn a_command_pressed_while_the_card_is_read_is_done_the_moment_it_is_in() {
    let mut app = app();
    let ticket = card_ticket(&update(&mut app, Msg::Results(found(0, "", &[(1, "Yu Ming")]))));
    assert_eq!(press(&mut app, Action::LogUsual), [], "nothing is written before the card is in");
    assert!(app.status_text().is_some_and(|s| s.starts_with("Reading Yu Ming's card — F2 goes ahead")));
    let effects = update(&mut app, Msg::Card { ticket, card: Ok(Box::new(regular(1))) });
    assert_eq!(logged_for(&effects), Some(GuestId(1)));
}

#[test]
fn a_command_pressed_before_the_results_goes_ahead_only_on_the_guest_it_was_pressed_on() {
    // Yu Ming's card is on screen; "y" is typed and F2 pressed before its results come.
    let mut app = app();
    let ticket = card_ticket(&update(&mut app, Msg::Results(found(0, "", &[(1, "Yu Ming"), (2, "Emma")]))));
    update(&mut app, Msg::Card { ticket, card: Ok(Box::new(regular(1))) });
    press(&mut app, Action::Insert('y'));
    assert_eq!(press(&mut app, Action::LogUsual), []);
    // "y" finds Yu Ming first: once his card is read afresh, the usual is logged for him.
    let ticket = card_ticket(&update(&mut app, Msg::Results(found(1, "y", &[(1, "Yu Ming")]))));
    let effects = update(&mut app, Msg::Card { ticket, card: Ok(Box::new(regular(1))) });
    assert_eq!(logged_for(&effects), Some(GuestId(1)));

    // "e" typed and F2 pressed on Yu Ming again, but "e" finds Emma first: nothing is written for either.
    press(&mut app, Action::ClearQuery);
    press(&mut app, Action::Insert('e'));
    assert_eq!(press(&mut app, Action::LogUsual), []);
    let effects = update(&mut app, Msg::Results(found(3, "e", &[(2, "Emma"), (1, "Yu Ming")])));
    let ticket = card_ticket(&effects);
    assert_eq!(logged_for(&effects), None);
    assert!(app.status_text().is_some_and(|s| s.starts_with("F2 not done: “e” finds another guest first")));
    let effects = update(&mut app, Msg::Card { ticket, card: Ok(Box::new(regular(2))) });
    assert_eq!(logged_for(&effects), None);
}

#[test]
fn another_key_before_the_card_is_in_cancels_a_waiting_command() {
    let mut app = app();
    let ticket = card_ticket(&update(&mut app, Msg::Results(found(0, "", &[(1, "Yu Ming")]))));
    press(&mut app, Action::LogUsual);
    press(&mut app, Action::CursorLeft);
    let effects = update(&mut app, Msg::Card { ticket, card: Ok(Box::new(regular(1))) });
    assert_eq!(logged_for(&effects), None);
}

#[test]
fn a_huge_paste_is_one_edit_cut_to_the_search_lines_limit_with_one_message() {
    let mut app = app();
    let effects = press(&mut app, Action::Paste("x".repeat(10_000)));
    assert_eq!(effects, [Effect::Search { generation: 1, query: "x".repeat(SEARCH_MAX) }], "one search");
    let said = app.status_text().unwrap_or_default();
    assert!(said.starts_with("The search line holds 200 characters: 200 of the paste went in"), "{said}");
    press(&mut app, Action::ClearQuery);
    press(&mut app, Action::Insert('y'));
    assert_eq!(app.query.text(), "y", "keys after the paste edit as usual");
}

#[test]
fn the_editing_keys_work_on_the_search_line() {
    let mut app = app();
    press(&mut app, Action::Paste("yu ming hotel".into()));
    press(&mut app, Action::WordLeft);
    press(&mut app, Action::DeleteWord);
    assert_eq!(app.query.text(), "yu hotel");
    press(&mut app, Action::LineStart);
    press(&mut app, Action::DeleteForward);
    press(&mut app, Action::DeleteWordForward);
    assert_eq!(app.query.text(), " hotel");
    press(&mut app, Action::WordRight);
    press(&mut app, Action::WordLeft);
    press(&mut app, Action::DeleteToEnd);
    assert_eq!(app.query.text(), " ");
    press(&mut app, Action::Insert('于'));
    press(&mut app, Action::LineEnd);
    press(&mut app, Action::DeleteBack);
    assert_eq!(app.query.text(), " ");
    let effects = press(&mut app, Action::CursorLeft);
    assert_eq!(effects, [], "moving the cursor searches nothing");
}
