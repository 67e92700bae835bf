//! Names as people write them: Thai with its vowel and tone marks, Arabic with lam-alef, Hebrew with points, a
//! family emoji (a ZWJ sequence) and accents stored decomposed — drawn whole, highlighted by cluster, with no cell
//! of the terminal left stale or skipped; the editing keys and a huge paste, on the screen and in a form.

mod common;

use common::Book;
use common::screen::Screen;
use common::tmux::Tmux;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use regulars::tui::action::Action;
use regulars::tui::app::Mode;
use regulars::tui::keymap::Keymap;

const SCRIPTS: &str = include_str!("fixtures/scripts.jsonl");
const BINARY: &str = env!("CARGO_BIN_EXE_regulars");

/// The queries of the tests below, each with a name it must show whole.
const QUERIES: &[(&str, &str)] = &[
    ("สุดา", "สุดารัตน์ มณีวงศ์"),
    ("ใจดี", "สมชาย ใจดี"),
    ("ศุภ", "ศุภชัยวัฒน์ ศรีสุข"),
    ("محمد", "محمد الأحمد"),
    ("علاء", "علاء حسن"),
    ("כהן", "דָּוִד כֹּהֵן"),
    ("family", "Ana 👨\u{200d}👩\u{200d}👧 Family"),
    ("jose", "Jose\u{301} Garci\u{301}a"),
];

#[test]
fn list_and_card_at_80x24_in_every_script_with_the_query_highlighted() {
    for (i, (query, name)) in QUERIES.iter().enumerate() {
        let mut screen = Screen::new(SCRIPTS, (80, 24));
        screen.type_text(query);
        assert_eq!(screen.selected_name(), Some(*name), "{query}");
        let shown = screen.screen();
        assert!(shown.matches(name).count() >= 2, "{name} whole in the list and on the card:\n{shown}");
        let highlighted = screen.highlighted();
        assert!(!highlighted.is_empty(), "{query} is highlighted");
        insta::assert_snapshot!(format!("script_{i}"), format!("{shown}highlighted: {highlighted:?}\n"), query);
    }
}

#[test]
fn a_highlight_never_takes_a_mark_from_its_letter() {
    let mut screen = Screen::new(SCRIPTS, (80, 24));
    screen.type_text("สุดา");
    // The matcher folds the vowel mark away, so it matches ส, ด and า only; the highlight takes the whole cluster สุ.
    assert_eq!(screen.app.found()[0].positions, [0, 2, 3]);
    let shown = screen.screen();
    let row = shown.lines().find(|l| l.contains("สุดารัตน์")).unwrap();
    assert!(row.contains("│สุดารัตน์ มณีวงศ์  คุณสุดา"), "{row}");
}

/// Every editing key people expect, and what it means on the search line and in a form field: the same, but for
/// Home, End and Ctrl-A, which on the search line keep moving in the list and adding a guest.
#[test]
fn each_editing_key_means_the_same_on_the_search_line_and_in_a_form() {
    use KeyCode::*;
    let (none, ctrl, alt) = (KeyModifiers::NONE, KeyModifiers::CONTROL, KeyModifiers::ALT);
    let both = [
        (Backspace, none, Action::DeleteBack),
        (Char('h'), ctrl, Action::DeleteBack),
        (Delete, none, Action::DeleteForward),
        (Char('d'), ctrl, Action::DeleteForward),
        (Char('w'), ctrl, Action::DeleteWord),
        (Backspace, alt, Action::DeleteWord),
        (Char('d'), alt, Action::DeleteWordForward),
        (Char('k'), ctrl, Action::DeleteToEnd),
        (Char('u'), ctrl, Action::ClearQuery),
        (Left, none, Action::CursorLeft),
        (Right, none, Action::CursorRight),
        (Left, ctrl, Action::WordLeft),
        (Char('b'), alt, Action::WordLeft),
        (Right, ctrl, Action::WordRight),
        (Char('f'), alt, Action::WordRight),
        (Home, ctrl, Action::LineStart),
        (Char('e'), ctrl, Action::LineEnd),
        (End, ctrl, Action::LineEnd),
    ];
    let keymap = Keymap::default();
    let means = |mode, code, modifiers| keymap.key(mode, KeyEvent::new(code, modifiers));
    for (code, modifiers, action) in both {
        assert_eq!(
            means(Mode::Search, code, modifiers),
            Some(action.clone()),
            "{code:?} {modifiers:?} on the search line"
        );
        assert_eq!(means(Mode::Form, code, modifiers), Some(action), "{code:?} {modifiers:?} in a form");
    }
    assert_eq!(means(Mode::Form, Home, none), Some(Action::LineStart));
    assert_eq!(means(Mode::Form, End, none), Some(Action::LineEnd));
    assert_eq!(means(Mode::Form, Char('a'), ctrl), Some(Action::LineStart));
    assert_eq!(means(Mode::Search, Home, none), Some(Action::SelectFirst));
    assert_eq!(means(Mode::Search, End, none), Some(Action::SelectLast));
    assert_eq!(means(Mode::Search, Char('a'), ctrl), Some(Action::NewGuestForm));
}

#[test]
fn a_long_search_scrolls_to_keep_what_is_typed_in_view() {
    let mut screen = Screen::new(SCRIPTS, (80, 24));
    screen.paste(&"ข้าว ".repeat(30));
    screen.type_text("XYZ");
    let shown = screen.screen();
    let line = shown.lines().next().unwrap();
    assert!(line.contains("Find › …") && line.contains("XYZ"), "{line}");
    screen.key(KeyCode::Home, KeyModifiers::CONTROL);
    let shown = screen.screen();
    assert!(shown.lines().next().unwrap().contains("Find › ข้าว ข้าว"), "Ctrl-Home shows the start again");
}

#[test]
fn the_editing_keys_work_in_a_form_field() {
    let mut screen = Screen::new(SCRIPTS, (80, 24));
    screen.ctrl('a');
    assert!(screen.app.form.is_some(), "Ctrl-A opens the new-guest form");
    screen.type_text("Nok Sukjai Thai");
    let alt = |screen: &mut Screen, c| screen.key(KeyCode::Char(c), KeyModifiers::ALT);
    screen.key(KeyCode::Left, KeyModifiers::CONTROL);
    screen.key(KeyCode::Backspace, KeyModifiers::ALT);
    assert_eq!(screen.form_text(0), "Nok Thai", "Alt-Backspace takes the word before the cursor");
    screen.press(KeyCode::Home);
    screen.press(KeyCode::Delete);
    assert_eq!(screen.form_text(0), "ok Thai");
    screen.ctrl('d');
    alt(&mut screen, 'd');
    assert_eq!(screen.form_text(0), " Thai", "Ctrl-D a character, Alt-D the word after the cursor");
    screen.ctrl('e');
    alt(&mut screen, 'b');
    screen.ctrl('k');
    assert_eq!(screen.form_text(0), " ", "Alt-B back a word, Ctrl-K to the end");
    screen.ctrl('a');
    screen.type_text("คุณ");
    screen.press(KeyCode::End);
    screen.type_text("กำพล");
    screen.press(KeyCode::Backspace);
    assert_eq!(screen.form_text(0), "คุณ กำพ");
    alt(&mut screen, 'b');
    alt(&mut screen, 'f');
    screen.type_text("!");
    assert_eq!(screen.form_text(0), "คุณ กำพ!", "Alt-F forward a word");
    screen.key(KeyCode::Right, KeyModifiers::CONTROL);
    screen.ctrl('w');
    assert_eq!(screen.form_text(0), "คุณ ", "Ctrl-W");

    // A name longer than the field scrolls: the cursor and what is typed stay in view.
    screen.ctrl('u');
    screen.type_text(&"a".repeat(190));
    screen.type_text("XYZ");
    let shown = screen.screen();
    assert!(shown.contains("XYZ"), "what is typed shows at the end of a long field:\n{shown}");

    // A paste past the field's limit: cut at once, one message beside the field.
    screen.ctrl('u');
    screen.paste(&"x".repeat(10_000));
    assert_eq!(screen.form_text(0).chars().count(), 200);
    let shown = screen.screen();
    assert!(shown.contains("holds 200 characters"), "{shown}");
}

/// The real binary in tmux: after each query of a sequence over Thai, Arabic, Hebrew, emoji and Latin names, the
/// pane holds exactly what a screen opened fresh on that query holds — no character left over from an earlier
/// frame, none skipped — and each name shows with every mark.
#[test]
fn tmux_shows_only_what_the_app_meant_to_draw() {
    let book = Book::new();
    let fixture = book.write("scripts.jsonl", SCRIPTS);
    book.ok(&["import", fixture.to_str().unwrap()]);
    let open = |name: &str, args: &str| {
        let tmux = Tmux::start(name, 80, 24, book.dir.path());
        tmux.type_text(&format!("{BINARY} --db {} {args}", book.path.display()));
        tmux.send(&["Enter"]);
        tmux.wait_for("the counter", |s| s.contains("Find ›") && s.contains("guests"));
        tmux
    };
    let desk = open("scripts", "");
    // คุณกำพล first: its SARA AM (ำ) was the character once left over on the next query's rows.
    let sequence = [("คุณกำพล", "คุณกำพล แสงทอง")].iter().chain(QUERIES).chain(&[("สุ", "สุดารัตน์ มณีวงศ์")]);
    for (i, (query, name)) in sequence.enumerate() {
        desk.send(&["C-u"]);
        desk.type_text(query);
        let settled = |s: &str| s.contains(&format!("Find › {query} ")) && s.contains("Greet as") && s.contains(name);
        let fresh = open(&format!("fresh{i}"), &format!("--query '{query}'"));
        let meant = fresh.wait_for(&format!("a fresh screen on {query}"), settled);
        drop(fresh);
        let shown = desk.wait_for(&format!("{query} drawn as a fresh screen draws it"), |s| s == meant);
        assert!(shown.matches(name).count() >= 2, "{name} whole in the list and on the card:\n{shown}");
    }
    desk.send(&["C-c"]);
    desk.wait_for_shell();
}

/// A 10,000-character paste into the search line is one edit: cut to the line's limit with one message; Ctrl-U
/// and a name are then drawn and answered at once, and Ctrl-C quits.
#[test]
fn tmux_a_huge_paste_then_a_name_then_ctrl_c() {
    let book = Book::new();
    let fixture = book.write("scripts.jsonl", SCRIPTS);
    book.ok(&["import", fixture.to_str().unwrap()]);
    let tmux = Tmux::start("paste", 80, 24, book.dir.path());
    tmux.type_text(&format!("{BINARY} --db {}", book.path.display()));
    tmux.send(&["Enter"]);
    tmux.wait_for("the counter", |s| s.contains("Find ›") && s.contains("10 guests"));
    tmux.paste(&"ข้าว ".repeat(2_000));
    tmux.wait_for("the paste cut with one message", |s| s.contains("The search line holds 200 characters"));
    tmux.send(&["C-u"]);
    tmux.type_text("jose");
    tmux.wait_for("the name typed after the paste, answered", |s| {
        s.contains("Find › jose ") && s.contains("1 of 10 guests") && s.contains("Greet as   Señor García")
    });
    tmux.send(&["C-c"]);
    tmux.wait_for_shell();
}
