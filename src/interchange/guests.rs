//! A row of a guest table (a spreadsheet, a card terminal's customer export, a contacts export) made into a guest,
//! by the columns `headers::Mapping` found: a whole name or its parts (a Chinese name joined surname first, without
//! a space), a greeting or a title with the surname, dates as `dates` reads them, lists split as exports write
//! them, and what the export says of the guest's past kept in the notes.

use super::dates::{self, DateOrder};
use super::headers::{Field, Mapping};
use super::{ImportError, csv};
use crate::domain::{GuestRecord, Incoming, Profile};
use crate::search::greeting::{self, Title};

/// How a table's rows are read.
#[derive(Debug, Clone, Default)]
pub(super) struct Rules {
    pub date_order: Option<DateOrder>,
    /// Number cells in a date column are Excel serial days (a workbook).
    pub serial_days: bool,
    /// Columns no field was found for go into the notes, as "Header: value".
    pub keep_other_columns: bool,
    /// The table is regulars' own export: its lists are split by `;` only, and its cells made safe for a
    /// spreadsheet are read back as they were.
    pub own: bool,
}

/// The guest of one row.
pub(super) fn record(
    mapping: &Mapping,
    rules: &Rules,
    line: u64,
    row: &[String],
) -> Result<(u64, Incoming), ImportError> {
    let cell = |field: Field| -> String {
        let text = mapping.column(field).and_then(|i| row.get(i)).map_or("", String::as_str);
        if rules.own { csv::unsafe_again(text).into_owned() } else { text.trim().to_owned() }
    };
    let header =
        |field: Field| mapping.column(field).map_or_else(|| field.key().to_owned(), |i| mapping.headers[i].clone());
    let list = |field: Field| -> Vec<String> {
        let text = cell(field);
        if rules.own {
            text.split(';').map(str::to_owned).collect()
        } else {
            // The strongest separator the cell holds, alone: Google's " ::: ", else ";" or "、", else ",", so that
            // "nuts (almonds, cashews); shellfish" keeps its first item whole. Google Contacts writes its own groups
            // ("* myContacts", "* starred") among the user's: not tags.
            let items: Vec<&str> = if text.contains(" ::: ") {
                text.split(" ::: ").collect()
            } else if text.contains([';', '、', '；']) {
                text.split([';', '、', '；']).collect()
            } else {
                text.split([',', '，']).collect()
            };
            items.into_iter().filter(|item| !item.trim_start().starts_with("* ")).map(str::to_owned).collect()
        }
    };

    let (first, last) = (cell(Field::FirstName), cell(Field::LastName));
    let name = match cell(Field::Name) {
        name if !name.is_empty() => name,
        _ => joined_name(&first, &last),
    };
    let greeting = match cell(Field::Greeting) {
        greeting if !greeting.is_empty() => greeting,
        _ => proposed(&cell(Field::Title), &last, &name),
    };
    let birthday = match cell(Field::Birthday) {
        text if text.is_empty() => None,
        text => Some(
            dates::birthday(&text, rules.date_order, rules.serial_days)
                .map_err(|problem| ImportError::new(line, Some(header(Field::Birthday)), problem))?,
        ),
    };

    // The notes as given, then what the export says of the guest's past, then (when asked) the other columns.
    let mut notes = vec![cell(Field::Notes)];
    for field in [Field::FirstVisit, Field::LastVisit, Field::VisitCount, Field::TotalSpend] {
        let value = cell(field);
        if !value.is_empty() {
            notes.push(format!("{}: {value}", field.said()));
        }
    }
    if rules.keep_other_columns {
        for (i, header) in mapping.unknown() {
            if let Some(value) = row.get(i).map(|v| v.trim()).filter(|v| !v.is_empty()) {
                notes.push(format!("{}: {value}", header.trim()));
            }
        }
    }
    notes.retain(|note| !note.is_empty());

    let profile = Profile {
        name,
        greeting,
        phone: cell(Field::Phone),
        email: cell(Field::Email),
        birthday,
        tags: list(Field::Tags),
        allergies: list(Field::Allergies),
        preferences: list(Field::Preferences),
        notes: notes.join("\n"),
        other_names: list(Field::OtherNames),
    }
    .validated()
    .map_err(|e| ImportError::new(line, Some(column_of(mapping, e.field)), e.problem.to_string()))?;
    let record = GuestRecord { profile, visits: Vec::new(), recoveries: Vec::new(), noted: None, written: Vec::new() };
    Ok((line, Incoming::Guest(Box::new(record), None)))
}

/// The column a profile field came from, as the file heads it: an error names what the user sees.
fn column_of(mapping: &Mapping, field: &str) -> String {
    let from = |f: Field| mapping.column(f).map(|i| mapping.headers[i].clone());
    let found = match field {
        "name" => from(Field::Name).or_else(|| from(Field::LastName)),
        "greeting" => from(Field::Greeting).or_else(|| from(Field::Title)),
        "phone" => from(Field::Phone),
        "email" => from(Field::Email),
        "notes" => from(Field::Notes),
        "tags" => from(Field::Tags),
        "allergies" => from(Field::Allergies),
        "preferences" => from(Field::Preferences),
        "other_names" => from(Field::OtherNames),
        _ => None,
    };
    found.unwrap_or_else(|| field.to_owned())
}

/// A name from its parts: a Chinese one surname first, without a space ("王建华"), any other given name first.
pub(super) fn joined_name(given: &str, family: &str) -> String {
    match han(family) || han(given) {
        true => format!("{family}{given}"),
        false => format!("{given} {family}").trim().to_owned(),
    }
}

/// The greeting proposed for a guest the file gives none for (see `greeting::suggest`): from the title and the
/// surname column ("Mr. Smith", "王先生", in the surname's own order whatever language the title is in), else from
/// the title and the name; a title the table does not know is put before or after the surname as written ("Prof.
/// Smith"); a Thai name is addressed with คุณ, title or not. None where there is nothing to go on.
pub(super) fn proposed(title: &str, family: &str, name: &str) -> String {
    match (Title::parse(title), title, family) {
        (Some(title), _, "") => greeting::suggest(name, Some(title)).unwrap_or_default(),
        (Some(title), _, family) => greeting::titled(title, family),
        (None, "", _) => greeting::suggest(name, None).unwrap_or_default(),
        (None, _, "") => String::new(),
        (None, title, family) if han(title) => format!("{family}{title}"),
        (None, title, family) => format!("{title} {family}"),
    }
}

/// Whether `text` is written in Chinese characters: such a name is said surname first, without a space.
fn han(text: &str) -> bool {
    text.chars().any(greeting::is_han)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guest(headers: &[&str], row: &[&str], rules: &Rules) -> Result<Profile, ImportError> {
        let headers: Vec<String> = headers.iter().map(|h| (*h).to_owned()).collect();
        let mapping = Mapping::of(&headers, &[]).unwrap();
        let row: Vec<String> = row.iter().map(|c| (*c).to_owned()).collect();
        match record(&mapping, rules, 2, &row)?.1 {
            Incoming::Guest(record, _) => Ok(record.profile),
            Incoming::Mishap(_) => unreachable!("a row is a guest"),
        }
    }

    #[test]
    fn a_name_is_joined_as_it_is_said() {
        let rules = Rules::default();
        let p = guest(&["First Name", "Last Name", "Title"], &["Jon", "Smith", "Mr."], &rules).unwrap();
        assert_eq!((p.name.as_str(), p.greeting.as_str()), ("Jon Smith", "Mr. Smith"));
        let p = guest(&["名", "姓", "称谓"], &["建华", "王", "先生"], &rules).unwrap();
        assert_eq!((p.name.as_str(), p.greeting.as_str()), ("王建华", "王先生"));
    }

    #[test]
    fn a_greeting_is_proposed_from_the_title_and_name_and_a_given_one_is_kept() {
        let rules = Rules::default();
        let greeting = |headers: &[&str], row: &[&str]| guest(headers, row, &rules).unwrap().greeting;
        assert_eq!(greeting(&["Name", "Title"], &["欧阳娜娜", "Ms"]), "欧阳女士");
        assert_eq!(greeting(&["Name", "Title"], &["Jane Stone", "女士"]), "Ms. Stone");
        assert_eq!(greeting(&["Name", "Title"], &["Jane Stone", "Prof."]), "", "an unknown title has no surname");
        assert_eq!(greeting(&["First Name", "Last Name", "Title"], &["Ann", "van Dam", "Prof."]), "Prof. van Dam");
        assert_eq!(greeting(&["Name"], &["สมชาย ใจดี"]), "คุณสมชาย");
        assert_eq!(greeting(&["Name"], &["于文华"]), "", "no title: nobody is guessed a Mr. or a Ms.");
        assert_eq!(greeting(&["Name", "Title", "Greeting"], &["于文华", "Mr", "文华"]), "文华");
    }

    #[test]
    fn the_past_is_kept_in_the_notes_and_other_columns_when_asked() {
        let headers = ["Name", "Notes", "Visit Count", "Total Spend", "Loyalty Tier"];
        let row = ["Ann", "likes the window", "12", "340.50", "Gold"];
        let p = guest(&headers, &row, &Rules::default()).unwrap();
        assert_eq!(p.notes, "likes the window\nVisits: 12\nTotal spend: 340.50");
        let p = guest(&headers, &row, &Rules { keep_other_columns: true, ..Rules::default() }).unwrap();
        assert!(p.notes.ends_with("\nLoyalty Tier: Gold"), "{}", p.notes);
    }

    #[test]
    fn lists_are_split_as_exports_write_them_and_errors_name_the_column() {
        let p = guest(&["Name", "Group Membership"], &["Ann", "* myContacts ::: VIP"], &Rules::default()).unwrap();
        assert_eq!(p.tags, ["VIP"]);
        let error = guest(&["Name", "Date of Birth"], &["Ann", "06/08/1990"], &Rules::default()).unwrap_err();
        assert_eq!((error.line, error.field.as_deref()), (2, Some("Date of Birth")));
        assert!(error.problem.contains("--date-order"), "{}", error.problem);
    }
}
