//! Guests brought in from the systems a house already uses, as a new user would: a card terminal's customer export,
//! a contacts export, Chinese Excel's GBK and Big5, Excel's "Unicode text", a European semicolon CSV, a phone's
//! vCards, an Excel workbook and a till's sales — and lists sent out that a spreadsheet cannot run.

mod common;

use common::Book;

/// The fixture file `name` of tests/fixtures/import.
fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/import/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn imported(book: &Book, args: &[&str]) -> String {
    let mut all = vec!["import"];
    all.extend_from_slice(args);
    let run = book.run(&all);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    run.stderr
}

#[test]
fn a_card_terminals_customer_export_comes_in_with_its_past_in_the_notes() {
    let book = Book::new();
    let warned = imported(&book, &[&fixture("square-customers.csv")]);
    assert!(warned.contains("column \"Company Name\" is not one regulars knows: skipped"), "{warned}");
    let card = book.ok(&["card", "--id", "1"]);
    for shown in ["Jon Smith", "+44 20 7946 0018", "jon.smith@example.com", "1975-11-26", "Regulars, VIP"] {
        assert!(card.contains(shown), "{shown}: {card}");
    }
    for kept in [
        "likes the window seat",
        "First visit: 2023-04-01",
        "Last visit: 2026-11-20",
        "Visits: 48",
        "Total spend: 1,204.50",
    ] {
        assert!(card.contains(kept), "{kept}: {card}");
    }
    let amara = book.ok(&["card", "--id", "2"]);
    assert!(amara.contains("Birthday     --06-08") || amara.contains("06-08"), "{amara}");

    let kept = Book::new();
    imported(&kept, &[&fixture("square-customers.csv"), "--keep-other-columns"]);
    assert!(kept.ok(&["card", "--id", "2"]).contains("Company Name: Okafor Design"));
}

#[test]
fn a_contacts_export_with_numbered_headers_comes_in() {
    let book = Book::new();
    let warned = imported(&book, &[&fixture("google-contacts.csv")]);
    assert!(warned.contains("\"Phone 2 - Value\""), "the second phone is named as skipped: {warned}");
    let card = book.ok(&["card", "--id", "1"]);
    for shown in ["Emma Stone", "Ms. Stone", "+44 7700 900456", "emma@example.com", "prefers oat milk"] {
        assert!(card.contains(shown), "{shown}: {card}");
    }
    assert!(card.contains("Tags         Regulars"), "Google's own groups are not tags: {card}");
}

#[test]
fn chinese_excels_encodings_and_unicode_text_are_told_and_read() {
    let simplified =
        "姓名,手机,邮箱,生日,备注\n王建华,+86 139 1234 5678,wang@example.com,1980年6月8日,喜欢靠窗的座位\n";
    let traditional = "姓名,手機,電郵,生日,備註\n陳美玲,+886 912 345 678,chen@example.com,1975-12-01,不吃辣\n";
    let unicode_text = "Name\tPhone\tNotes\nLucía Nelson\t+44 20 0152 8367\tterrace\n";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(unicode_text.encode_utf16().flat_map(u16::to_le_bytes));
    for (file, bytes, name, shown) in [
        ("gbk.csv", encoding_rs::GBK.encode(simplified).0.into_owned(), "王建华", "喜欢靠窗的座位"),
        ("big5.csv", encoding_rs::BIG5.encode(traditional).0.into_owned(), "陳美玲", "不吃辣"),
        ("unicode.txt", utf16, "Lucía Nelson", "terrace"),
    ] {
        let book = Book::new();
        let path = book.write(file, bytes);
        imported(&book, &[path.to_str().unwrap()]);
        let card = book.ok(&["card", "--id", "1"]);
        assert!(card.starts_with(name) && card.contains(shown), "{file}: {card}");
    }
    let book = Book::new();
    let path = book.write("gbk.csv", encoding_rs::GBK.encode(simplified).0);
    imported(&book, &[path.to_str().unwrap()]);
    assert!(book.ok(&["card", "--id", "1"]).contains("1980-06-08"), "1980年6月8日 is a birthday");
}

#[test]
fn an_encoding_can_be_named_and_a_wrong_name_is_refused() {
    let book = Book::new();
    let path = book.write("names.csv", encoding_rs::GBK.encode("姓名\n王建华\n").0);
    imported(&book, &[path.to_str().unwrap(), "--encoding", "gb18030"]);
    assert!(book.ok(&["card", "--id", "1"]).starts_with("王建华"));
    let refused = book.run(&["import", path.to_str().unwrap(), "--encoding", "klingon"]);
    assert!(refused.one_line_error().contains("\"klingon\" is not an encoding"), "{}", refused.stderr);
}

#[test]
fn a_sales_export_imported_as_guests_is_told_what_it_looks_like() {
    let book = Book::new();
    let run = book.run(&["import", &fixture("sales.csv")]);
    assert!(
        run.stderr.contains("holds items sold: if this is a sales export, import it with --as orders"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_byte_that_is_not_utf8_past_the_start_stops_the_import_at_its_line() {
    let book = Book::new();
    let mut bytes = b"name,phone\n".to_vec();
    for i in 0..5000 {
        bytes.extend(format!("Guest {i},+44 20 0000 {i:04}\n").as_bytes());
    }
    bytes.extend(b"Jos\xe9,+44 20 0000 9999\n");
    let path = book.write("long.csv", bytes);
    let refused = book.run(&["import", path.to_str().unwrap()]);
    let error = refused.one_line_error();
    assert!(error.contains("line 5002: not valid UTF-8: say the file's encoding with --encoding"), "{error}");
    imported(&book, &[path.to_str().unwrap(), "--encoding", "windows-1252"]);
    assert!(book.ok(&["find", "José"]).contains("José"));
}

#[test]
fn a_western_excel_csv_in_windows_1252_is_read_as_such() {
    let book = Book::new();
    let path = book.write("latin.csv", b"Name,Notes\nJos\xe9 Garc\xeda,caf\xe9 con leche\n".as_slice());
    imported(&book, &[path.to_str().unwrap()]);
    let card = book.ok(&["card", "--id", "1"]);
    assert!(card.starts_with("José García") && card.contains("café con leche"), "{card}");
}

#[test]
fn a_semicolon_csv_with_an_ambiguous_date_asks_which_order_it_is_in() {
    let book = Book::new();
    let refused = book.run(&["import", &fixture("european.csv")]);
    let error = refused.one_line_error();
    assert!(error.contains("line 2: field `Birthday`: \"08.06.1990\" could be either day"), "{error}");
    assert!(error.contains("--date-order") && error.contains("nothing was imported"), "{error}");
    imported(&book, &[&fixture("european.csv"), "--date-order", "dmy"]);
    let card = book.ok(&["card", "--id", "1"]);
    for shown in ["Lena Fischer", "+49 30 1234567", "1990-06-08", "Fensterplatz; ruhig"] {
        assert!(card.contains(shown), "{shown}: {card}");
    }
}

#[test]
fn a_phones_vcards_of_every_version_come_in() {
    let book = Book::new();
    imported(&book, &[&fixture("phone-2.1.vcf")]);
    imported(&book, &[&fixture("phone-4.0.vcf")]);
    let wang = book.ok(&["card", "--id", "1"]);
    for shown in ["王建华", "王先生", "+86 139 1234 5678", "wang@example.com", "1980-06-08", "喜欢靠窗的座位"]
    {
        assert!(wang.contains(shown), "{shown}: {wang}");
    }
    assert!(book.ok(&["card", "--id", "2"]).contains("Mr. Garcia"));
    let chloe = book.ok(&["card", "--id", "3"]);
    for shown in ["Chloe Novak", "Ms. Novak", "+44-20-0007-1271", "--05-15", "extra hot, no foam", "regular, terrace"] {
        assert!(chloe.contains(shown), "{shown}: {chloe}");
    }
}

#[test]
fn an_excel_workbook_comes_in_with_its_date_cells_and_number_phones() {
    let book = Book::new();
    imported(&book, &[&fixture("guests.xlsx")]);
    let card = book.ok(&["card", "--id", "1"]);
    for shown in
        ["Lucía Nelson", "447700900123", "lucia@example.com", "1990-06-08", "likes the terrace", "vip, regular"]
    {
        assert!(card.contains(shown), "{shown}: {card}");
    }
    let refused = book.run(&["import", &fixture("guests.xlsx"), "--sheet", "Visits"]);
    assert!(refused.one_line_error().contains("no sheet \"Visits\"; the sheets are Guests"), "{}", refused.stderr);
}

#[test]
fn a_tills_sales_become_visits_and_the_usual_from_day_one() {
    let book = Book::new();
    imported(&book, &[&fixture("square-customers.csv")]);
    let warned = imported(&book, &[&fixture("sales.csv"), "--as", "orders"]);
    assert!(warned.contains("1 item sold to nobody named"), "{warned}");
    // Jon Smith of the customer list, found again by name and phone: his three tickets are three visits.
    let card = book.ok(&["card", "--id", "1"]);
    assert!(card.contains("The usual    coffee, egg, sandwich — 2 of last 3 visits"), "{card}");
    assert!(card.contains("Usual seat   Window 2"), "{card}");
    let found = book.ok(&["find", "Ann Lee"]);
    assert!(found.contains("Ann Lee"), "a customer the list did not have is added: {found}");
    // The same export again changes nothing, Ann Lee (known only by name) included.
    let again = book.ok(&["import", &fixture("sales.csv"), "--as", "orders"]);
    assert!(again.contains("0 added, 0 merged, 2 already there"), "{again}");
}

#[test]
fn a_dry_run_says_how_the_file_is_read_and_changes_nothing() {
    let book = Book::new();
    imported(&book, &[&fixture("square-customers.csv")]);
    let before = book.ok(&["export"]);
    let dry = book.ok(&["import", &fixture("google-contacts.csv"), "--dry-run"]);
    for said in [
        "comma-separated text, UTF-8",
        "name ← \"Name\"",
        "email ← \"E-mail 1 - Value\"",
        "line 2: Emma Stone",
        "2 added, 0 merged",
        "nothing was written",
    ] {
        assert!(dry.contains(said), "{said}: {dry}");
    }
    assert_eq!(book.ok(&["export"]), before, "a dry run writes nothing");
    let dry = book.ok(&["import", &fixture("square-customers.csv"), "--dry-run"]);
    assert!(dry.contains("0 added, 0 merged, 2 already there"), "{dry}");
}

#[test]
fn lists_sent_out_cannot_be_run_by_a_spreadsheet_and_come_back_exactly() {
    let soon = (chrono::Local::now() + chrono::Duration::days(3)).format("--%m-%d");
    let list = format!(
        r#"{{"name":"=HYPERLINK(\"http://evil.example\",\"click\")","greeting":"@boss","phone":"+86 138 0000 0108","birthday":"{soon}","notes":"-1","visits":[{{"at":"2025-06-08T08:00:00Z","order":["=1+2"]}},{{"at":"2025-06-09T08:00:00Z","order":["=1+2"]}}]}}
{{"name":"'quoted","phone":"\tx"}}
"#
    );
    let book = Book::holding(&list);
    let outreach = book.ok(&["outreach", "--csv", "--birthdays", "30"]);
    let export = book.ok(&["export", "--format", "csv"]);
    for csv in [&outreach, &export] {
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let mut cells = 0;
        for row in reader.records() {
            for cell in row.unwrap().iter() {
                cells += 1;
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "a cell a spreadsheet would run: {cell:?}\n{csv}"
                );
            }
        }
        assert!(cells > 0, "{csv}");
    }
    assert!(outreach.contains("'=HYPERLINK") && outreach.contains("'=1+2"), "{outreach}");
    assert!(book.ok(&["outreach", "--csv", "--raw", "--birthdays", "30"]).contains(",\"=HYPERLINK"), "--raw keeps it");

    // The CSV brought into another book gives back every profile exactly.
    let other = Book::new();
    let file = other.write("guests.csv", &export);
    imported(&other, &[file.to_str().unwrap()]);
    assert_eq!(other.ok(&["export", "--format", "csv"]), export);
    assert!(other.ok(&["card", "--id", "2"]).starts_with("'quoted"));
}
