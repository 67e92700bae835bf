//! State tests: actions in, state and effects out, no terminal and no book.
use super::*;
use crate::domain::{Guest, Profile};
use crate::search::Field;
use crate::tui::action::{Action, Effect, Msg};
use crate::tui::ui;

fn app() -> App {
    App::new((100, 30), Utc::now(), FixedOffset::east_opt(0).unwrap(), Theme::plain(), "Nok")
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
            })
            .collect(),
        close: false,
    }
}

fn press(app: &mut App, action: Action) -> Vec<Effect> {
    app.update(Msg::Action(action))
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
    assert_eq!(app.update(Msg::Results(results(1, &["Yvonne"]))), []);
    assert!(app.results.is_none());
    assert_eq!(app.update(Msg::Results(results(2, &["Yu Ming", "Yusuf"]))), [Effect::LoadCard(GuestId(1))]);
    assert_eq!(app.selected_guest().map(|g| g.name.as_str()), Some("Yu Ming"));
}

#[test]
fn selection_moves_within_the_results_and_loads_each_card() {
    let mut app = app();
    app.start("e");
    app.update(Msg::Results(results(1, &["Emma", "Eve", "Ed"])));
    assert_eq!(press(&mut app, Action::SelectNext), [Effect::LoadCard(GuestId(2))]);
    assert_eq!(press(&mut app, Action::SelectLast), [Effect::LoadCard(GuestId(3))]);
    assert_eq!(press(&mut app, Action::SelectNext), [], "already at the bottom");
    assert_eq!(press(&mut app, Action::PageUp), [Effect::LoadCard(GuestId(1))]);
    assert_eq!(press(&mut app, Action::Click(1)), [Effect::LoadCard(GuestId(2))]);
}

#[test]
fn the_card_shown_is_always_the_selected_guests() {
    let mut app = app();
    app.start("e");
    app.update(Msg::Results(results(1, &["Emma", "Eve"])));
    let history = |id| GuestHistory {
        guest: Guest {
            id: GuestId(id),
            version: 1,
            profile: Profile { name: "x".into(), ..Profile::default() },
            notes_by: None,
        },
        visits: vec![],
        recoveries: vec![],
        written: vec![],
    };
    app.update(Msg::Card(Ok(Box::new(history(1)))));
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
    app.update(Msg::Results(results(1, &["Emma"])));
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
    app.update(Msg::Resize(80, 24));
    app.start("g");
    let names: Vec<String> = (0..60).map(|i| format!("Guest {i}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    app.update(Msg::Results(results(1, &names)));
    press(&mut app, Action::PageDown);
    press(&mut app, Action::PageDown);
    let page = usize::from(ui::list_height(app.size));
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
