//! Promises on the screen: a follow-up with an owner and a time reaches the owning station's banner when it falls
//! due, with no key pressed, and every desk's once overdue; the promises list and the card say where each stands.
//! And the regulars, marked in the result list by the same rule as on the card.

mod common;

use chrono::TimeZone;
use chrono::{DateTime, Duration, Utc};
use common::screen::Screen;
use crossterm::event::KeyCode;
use regulars::domain::{FollowUp, GuestId, Recovery, Visit};
use regulars::tui::action::Msg;

/// A recovery for Jon Smith (guest 1) opened at `at`, with `follow_ups`, written by another desk.
fn promise_for_jon(screen: &Screen, at: DateTime<Utc>, follow_ups: Vec<FollowUp>) {
    let recovery = Recovery {
        opened_at: at,
        category: "room upgrade".into(),
        what_happened: "upgrade promised, not given".into(),
        action_taken: "apologised".into(),
        cost: None,
        follow_ups,
        resolved_at: None,
        staff: "Ana".into(),
    };
    screen.other_desk().add_recovery(Some(GuestId(1)), recovery, "Ana").unwrap();
}

fn owned(task: &str, owner: &str, due: Option<DateTime<Utc>>) -> FollowUp {
    FollowUp { owner: Some(owner.into()), due, ..FollowUp::new(task) }
}

/// Jon's room upgrade, opened 40 minutes ago: the lobby's call back 20 minutes overdue, the restaurant's breakfast
/// due in 25, then `more` (task, owner, minutes ahead), and an untimed note of thanks when `thanks`; read to the screen.
fn promised(screen: &mut Screen, more: &[(&str, &str, i64)], thanks: bool) {
    let at = screen.clock;
    let mut follow_ups = vec![
        owned("call back", "lobby", Some(at - Duration::minutes(20))),
        owned("early breakfast ready", "restaurant", Some(at + Duration::minutes(25))),
    ];
    follow_ups.extend(more.iter().map(|(task, owner, ahead)| owned(task, owner, Some(at + Duration::minutes(*ahead)))));
    if thanks {
        follow_ups.push(FollowUp::new("a note of thanks"));
    }
    let last = follow_ups.last().map(|f| f.task.clone()).unwrap_or_default();
    promise_for_jon(screen, at - Duration::minutes(40), follow_ups);
    wait_for_task(screen, &last);
}

/// Waits for the watcher to bring the promise of `task` to the screen.
fn wait_for_task(screen: &mut Screen, task: &str) {
    screen.wait_for(task, |s| s.app.promises.open.iter().any(|p| p.task == task));
}

/// The screen's clock moved on with no key, as the runtime's timer says it.
fn idle_until(screen: &mut Screen, at: DateTime<Utc>) {
    assert!(screen.app.next_wake().is_some_and(|wake| wake <= at), "the screen asks to wake by {at}");
    screen.clock = at;
    screen.dispatch(Msg::Tick);
}

#[test]
fn a_follow_up_falling_due_while_the_screen_is_idle_shows_without_a_key() {
    let mut restaurant = Screen::at_station(common::screen::COUNTER, (100, 30), Some("restaurant"));
    let mut lobby = Screen::beside(&restaurant, (100, 30), Some("lobby"));
    let made = restaurant.clock;
    promise_for_jon(
        &restaurant,
        made,
        vec![owned("early breakfast ready", "restaurant", Some(made + Duration::minutes(1)))],
    );
    for screen in [&mut restaurant, &mut lobby] {
        wait_for_task(screen, "early breakfast ready");
        assert!(!screen.screen().contains('⏰'), "not yet due:\n{}", screen.screen());
    }

    idle_until(&mut restaurant, made + Duration::minutes(1));
    let banner = restaurant.screen();
    assert!(banner.contains("⏰ due now · @restaurant · early breakfast ready — Jon Smith"), "{banner}");
    idle_until(&mut lobby, made + Duration::minutes(1));
    assert!(!lobby.screen().contains('⏰'), "due is the owner's business:\n{}", lobby.screen());

    // Overdue (past its time and the grace after it): every desk is told, until it is ticked.
    idle_until(&mut lobby, made + Duration::minutes(12));
    assert!(lobby.screen().contains("⏰ overdue 11 min · @restaurant · early breakfast ready"), "{}", lobby.screen());

    restaurant.clock = made + Duration::minutes(12);
    restaurant.press(KeyCode::F(12));
    restaurant.press(KeyCode::Char('x'));
    let ticked = |s: &Screen| s.app.promises.open.iter().all(|p| p.task != "early breakfast ready");
    restaurant.wait_for("the tick is read back", ticked);
    lobby.wait_for("the other desk sees the tick", ticked);
    assert!(!lobby.screen().contains('⏰'), "{}", lobby.screen());
    let ticked = lobby.other_desk().history(GuestId(1)).unwrap();
    let follow_up = &ticked.recoveries[0].recovery.follow_ups[0];
    assert!(follow_up.done && follow_up.ticked.as_ref().is_some_and(|(_, by)| by == "Nok"), "{follow_up:?}");
}

#[test]
fn snapshot_promises_list_80x24() {
    let mut screen = Screen::at_station(common::screen::COUNTER, (80, 24), Some("restaurant"));
    promised(&mut screen, &[("portable fans in the room", "housekeeping", 180)], true);
    screen.press(KeyCode::F(12));
    insta::assert_snapshot!(screen.screen());
}

#[test]
fn snapshot_card_with_owned_timed_follow_ups_80x24() {
    let mut screen = Screen::at_station(common::screen::COUNTER, (80, 24), Some("restaurant"));
    promised(&mut screen, &[], false);
    screen.type_text("jon");
    screen.press(KeyCode::Enter);
    insta::assert_snapshot!(screen.screen());
}

#[test]
fn the_tally_names_who_answers_for_a_category_and_shows_each_owners_view() {
    let mut screen = Screen::counter((120, 40));
    let noise = Recovery {
        opened_at: screen.clock - Duration::days(1),
        category: "noise".into(),
        what_happened: String::new(),
        action_taken: String::new(),
        cost: None,
        follow_ups: Vec::new(),
        resolved_at: None,
        staff: "Ana".into(),
    };
    screen.other_desk().add_recovery(None, noise, "Ana").unwrap();
    screen.ctrl('t');
    screen.wait_for("the tally", |s| s.app.report.is_some());
    screen.press(KeyCode::Char('o'));
    assert!(screen.screen().contains("Who answers for a category"), "{}", screen.screen());
    screen.type_text("room upgrade");
    screen.press(KeyCode::Tab);
    screen.type_text("housekeeping");
    screen.press(KeyCode::Tab);
    screen.type_text("1/day");
    screen.ctrl('s');
    let owned = |s: &Screen| {
        s.app.report.as_ref().is_some_and(|t| t.categories.iter().any(|c| c.owner.as_deref() == Some("housekeeping")))
    };
    screen.wait_for("the tally read again", owned);
    let shown = screen.screen();
    assert!(shown.contains("↳ @housekeeping · goal 1/day: met"), "{shown}");
    assert_eq!(screen.other_desk().category_rules().unwrap()[0].owner, "housekeeping");

    screen.press(KeyCode::Tab);
    let housekeeping = screen.screen();
    assert!(housekeeping.contains("@housekeeping") && housekeeping.contains("Mishap tally"), "{housekeeping}");
    let rows = screen.app.report.as_ref().unwrap().categories.len();
    assert!(rows > 1, "the whole tally is kept: the view filters it");
    assert!(!housekeeping.contains("noise"), "only what housekeeping answers for:\n{housekeeping}");
    screen.press(KeyCode::Tab);
    assert!(screen.screen().contains("noise"), "Tab again: every category");
}

#[test]
fn a_guest_is_marked_a_regular_in_the_list_once_another_desk_logs_their_fourth_visit_of_the_year() {
    let mut screen = Screen::counter((100, 30));
    let row = |screen: &Screen, name: &str| screen.screen().lines().find(|l| l.contains(name)).map(str::to_owned);
    screen.type_text("jon");
    assert!(
        row(&screen, "Jon Smith  ").is_some_and(|r| r.contains("Jon Smith  ★ 4/yr  Mr. Smith")),
        "{}",
        screen.screen()
    );
    screen.ctrl('u');
    screen.type_text("emma");
    assert!(row(&screen, "Emma Stone  ").is_some_and(|r| !r.contains('★')), "one visit: {}", screen.screen());
    let mut other = screen.other_desk();
    for day in [3, 10, 17] {
        let at = Utc.with_ymd_and_hms(2026, 11, day, 19, 0, 0).unwrap();
        let visit = Visit {
            at,
            seat: "Terrace 4".into(),
            order: vec!["flat white".into()],
            party_size: None,
            staff: "Ana".into(),
            note: String::new(),
        };
        other.log_visit(GuestId(3), visit, "Ana").unwrap();
    }
    // The list is read again first, the card after it.
    screen.wait_for("Emma marked a regular, the card saying why", |s| {
        row(s, "Emma Stone  ").is_some_and(|r| r.contains("★ 4/yr"))
            && s.screen().contains("Emma Stone  regular · 4 visits in 12 months")
    });
}
