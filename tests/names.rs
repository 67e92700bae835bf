//! Every guest found however the name reaches the desk, end to end on the real binary: either script, a name's
//! other spellings, the names a guest also goes by — kept, exported, imported and erased with the guest.

mod common;

use common::Book;

#[test]
fn an_other_name_finds_its_guest_is_shown_kept_exported_and_erased() {
    let book = Book::new();
    book.ok(&["guest", "add", "--name", "สมชาย ใจดี", "--other-name", "Somchai Jaidee", "--phone", "+66 81 234 5678"]);
    let found = book.ok(&["find", "somchai jaidee"]);
    assert!(found.contains("สมชาย ใจดี") && found.contains("[other name]"), "{found}");
    assert!(book.ok(&["card", "somchai"]).contains("Somchai Jaidee"));

    let exported = book.ok(&["export", "--format", "jsonl"]);
    assert!(exported.contains(r#""other_names":["Somchai Jaidee"]"#), "{exported}");
    let copy = Book::new();
    let list = copy.write("guests.jsonl", &exported);
    copy.ok(&["import", list.to_str().unwrap()]);
    assert_eq!(copy.ok(&["export", "--format", "jsonl"]), exported, "imported exactly");
    let sheet = book.ok(&["export", "--format", "csv"]);
    assert!(sheet.lines().next().is_some_and(|h| h.ends_with(",other_names")), "{sheet}");
    let from_sheet = Book::new();
    let list = from_sheet.write("guests.csv", sheet.replace("other_names", "Other Names"));
    from_sheet.ok(&["import", list.to_str().unwrap()]);
    assert!(from_sheet.ok(&["find", "somchai"]).contains("[other name]"), "a spreadsheet's column read back");

    book.ok(&["guest", "edit", "somchai", "--other-name", "Somchai J.", "--other-name", "Chai"]);
    assert!(book.ok(&["card", "chai"]).contains("Somchai J., Chai"));
    book.ok(&["forget", "somchai", "--yes"]);
    let bytes = std::fs::read(&book.path).unwrap();
    assert!(!bytes.windows(7).any(|w| w == b"Somchai"), "no other name left in the book file");
}

#[test]
fn a_traditional_name_finds_the_simplified_guest_and_a_spelling_says_which_it_is() {
    let book = Book::new();
    book.ok(&["guest", "add", "--name", "黄薇"]);
    book.ok(&["guest", "add", "--name", "陈大文"]);
    assert!(book.ok(&["find", "黃薇"]).contains("黄薇"));
    let found = book.ok(&["find", "Chan Tai Man"]);
    assert!(found.starts_with("陈大文") && found.contains("[Cantonese]"), "{found}");
    let found = book.ok(&["find", "TAN, Da Wen"]);
    assert!(found.starts_with("陈大文") && found.contains("[dialect surname]"), "{found}");
}
