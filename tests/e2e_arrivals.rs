//! Tonight's guests end to end: the real binary in tmux — the night's bookings imported at the shell, the arrivals
//! screen opened, 于先生's line read (his usual and his allergy), he is marked arrived and the visit is on his card
//! at the reserved table; then a short drill on the screen and one at the shell, each with a card answered right and
//! one wrong.

mod common;

use common::Book;
use common::tmux::Tmux;

const BINARY: &str = env!("CARGO_BIN_EXE_regulars");

#[test]
fn import_tonight_greet_yu_mark_him_arrived_and_drill_two_cards() {
    let book = Book::counter();
    let today = chrono::Local::now().date_naive();
    let file = book.write(
        "tonight.csv",
        "Guest Name,Mobile,Reservation Time,Pax,Table,Special Requests\n\
         Mr Yu,13800000108,19:30,2,Table 4,window please\n\
         Jon Smith,020 7946 0018,20:00,3,Table 2,\n",
    );
    let tmux = Tmux::start("arrivals", 100, 30, book.dir.path());
    let db = book.path.display().to_string();
    tmux.type_text(&format!("{BINARY} --db {db} arrivals import {}", file.display()));
    tmux.send(&["Enter"]);
    tmux.wait_for("the night imported", |s| s.contains("2 added, 0 there already"));

    tmux.type_text(&format!("{BINARY} --db {db}"));
    tmux.send(&["Enter"]);
    tmux.wait_for("the counter screen", |s| s.contains("Find ›"));
    tmux.send(&["F10"]);
    let day = regulars::i18n::date(regulars::i18n::Language::En, today);
    let screen = tmux.wait_for("the arrivals screen", |s| s.contains(&format!("{day}: 2 arrivals")));
    let yu = screen.lines().find(|l| l.contains("19:30")).unwrap_or_default();
    assert!(yu.contains("于先生") && yu.contains("2 guests · Table 4"), "{screen}");
    assert!(screen.contains("allergic: peanuts") && screen.contains("the usual: 豆浆, 油条"), "{screen}");
    tmux.send(&["F2"]);
    tmux.wait_for("him marked arrived", |s| s.contains("于先生 arrived; their visit is logged"));
    tmux.send(&["Enter"]);
    tmux.wait_for("his card, the visit at the reserved table", |s| s.contains("Last seat  Table 4"));
    // The drill on the screen: one card answered right, the other wrong.
    tmux.send(&["F10"]);
    tmux.wait_for("the arrivals again", |s| s.contains("2 arrivals"));
    tmux.type_text("d");
    let card = tmux.wait_for("the drill's first card", |s| s.contains("The name drill") && s.contains("Card 1 of 2"));
    tmux.type_text(if card.contains("tonight at Table 4") { "yu ming" } else { "jon smith" });
    tmux.send(&["Enter"]);
    tmux.wait_for("right", |s| s.contains("✓ ") && s.contains("Card 2 of 2"));
    tmux.type_text("somebody else");
    tmux.send(&["Enter"]);
    tmux.wait_for("wrong, asked again", |s| s.contains("✗ it was") && s.contains("Card 3 of 3"));
    tmux.send(&["Escape"]);
    tmux.wait_for("back at the arrivals", |s| s.contains("2 arrivals"));
    tmux.send(&["C-c"]);
    tmux.wait_for_shell();

    tmux.type_text(&format!("{BINARY} --db {db} drill"));
    tmux.send(&["Enter"]);
    // The drill at the shell: the screen's drill kept the first answer, so its card comes last now.
    tmux.wait_for("the first card", |s| s.contains("Card 1 of 2") && s.contains("Who is it?"));
    let first = tmux.screen();
    // The card that shows Table 4 is 于先生's; the other is Jon Smith's.
    let right = if first.contains("tonight at Table 4") { "yu ming" } else { "jon smith" };
    tmux.type_text(right);
    tmux.send(&["Enter"]);
    tmux.wait_for("the first answer right, the second card", |s| s.contains("✓ ") && s.contains("Card 2 of 2"));
    tmux.type_text("somebody else");
    tmux.send(&["Enter"]);
    tmux.wait_for("the second answer wrong, asked again", |s| s.contains("✗ it was") && s.contains("Card 3 of 3"));
    tmux.send(&["C-d"]);
    tmux.wait_for("the score", |s| s.contains("You know 1 of tonight's 2 guests."));
}
