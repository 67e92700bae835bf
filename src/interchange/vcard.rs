//! vCards as a phone exports its contacts (2.1, 3.0 and 4.0; several to a file): the formatted name, or the name's
//! parts (N), the first phone and email, the birthday, the note and the categories. calcard (Stalwart's parser)
//! reads them, folded lines, quoted-printable and character sets included.

use calcard::vcard::{VCard, VCardProperty, VCardValue};
use calcard::{Entry, Parser};

use super::guests::{joined_name, proposed};
use super::{ImportError, Warn};
use crate::domain::{Birthday, GuestRecord, Incoming, Profile};

/// Every card of `text`, each a guest, with the line its card starts on.
pub(super) fn read(text: &str, warn: Warn<'_>) -> Result<Vec<(u64, Incoming)>, ImportError> {
    let starts: Vec<u64> = text
        .lines()
        .enumerate()
        .filter(|(_, line)| line.trim().eq_ignore_ascii_case("BEGIN:VCARD"))
        .map(|(i, _)| i as u64 + 1)
        .collect();
    let mut parser = Parser::new(text);
    let mut guests = Vec::new();
    loop {
        let line = starts.get(guests.len()).copied().unwrap_or(0);
        match parser.entry() {
            Entry::VCard(card) => {
                if has_bday(&card) && birthday(&card).is_none() {
                    warn(line, "a birthday that is not a date skipped".to_owned());
                }
                guests.push((line, Incoming::Guest(Box::new(record(&card, line)?), None)));
            }
            Entry::Eof => break,
            Entry::InvalidLine(what) => warn(line, format!("a line that is not a vCard's skipped: {what}")),
            Entry::ICalendar(_) => return Err(ImportError::new(line, None, "a calendar entry, not a contact card")),
            Entry::UnterminatedComponent(_) => {
                return Err(ImportError::new(line, None, "a card without its END:VCARD"));
            }
            // A card whose BEGIN and END do not match, too deeply nested, or what a later calcard may add.
            _ => return Err(ImportError::new(line, None, "a card whose BEGIN and END lines do not match")),
        }
    }
    if guests.is_empty() {
        return Err(ImportError::new(0, None, "no vCard (BEGIN:VCARD … END:VCARD) in the file"));
    }
    Ok(guests)
}

fn record(card: &VCard, line: u64) -> Result<GuestRecord, ImportError> {
    let texts = |property: VCardProperty| -> Vec<&str> {
        card.entries
            .iter()
            .filter(|entry| entry.name == property)
            .flat_map(|entry| entry.values.iter())
            .filter_map(|value| match value {
                VCardValue::Text(text) => Some(text.as_str()),
                _ => None,
            })
            .collect()
    };
    let first = |property: VCardProperty| -> String {
        let entry = card.entries.iter().find(|entry| entry.name == property);
        let text = entry.and_then(|entry| entry.values.iter().find_map(text_of)).unwrap_or_default();
        // A phone given as a URI in vCard 4.0: "tel:+44-20-7946-0018".
        text.strip_prefix("tel:").or_else(|| text.strip_prefix("mailto:")).unwrap_or(&text).trim().to_owned()
    };
    // N is family; given; additional; prefix; suffix.
    let parts: Vec<&str> = texts(VCardProperty::N);
    let (family, given, prefix) = (part(&parts, 0), part(&parts, 1), part(&parts, 3));
    let name = match first(VCardProperty::Fn) {
        name if !name.is_empty() => name,
        _ => joined_name(given, family),
    };
    let greeting = proposed(prefix, family, &name);
    let profile = Profile {
        name,
        greeting,
        phone: first(VCardProperty::Tel),
        email: first(VCardProperty::Email),
        birthday: birthday(card),
        tags: texts(VCardProperty::Categories).into_iter().map(str::to_owned).collect(),
        notes: texts(VCardProperty::Note).join("\n"),
        other_names: texts(VCardProperty::Nickname).into_iter().map(str::to_owned).collect(),
        ..Profile::default()
    }
    .validated()
    .map_err(|e| ImportError::invalid(line, "", e))?;
    Ok(GuestRecord { profile, visits: Vec::new(), recoveries: Vec::new(), noted: None, written: Vec::new() })
}

fn text_of(value: &VCardValue) -> Option<String> {
    match value {
        VCardValue::Text(text) => Some(text.clone()),
        _ => None,
    }
}

fn part<'a>(parts: &[&'a str], at: usize) -> &'a str {
    parts.get(at).map_or("", |p| p.trim())
}

fn has_bday(card: &VCard) -> bool {
    card.entries.iter().any(|entry| entry.name == VCardProperty::Bday)
}

/// The birthday, with or without its year (`--0608` in vCard 4.0).
fn birthday(card: &VCard) -> Option<Birthday> {
    let entry = card.entries.iter().find(|entry| entry.name == VCardProperty::Bday)?;
    match entry.values.first()? {
        VCardValue::PartialDateTime(at) => {
            let (month, day) = (at.month?, at.day?);
            let text = match at.year {
                Some(year) => format!("{year:04}-{month:02}-{day:02}"),
                None => format!("--{month:02}-{day:02}"),
            };
            text.parse().ok()
        }
        VCardValue::Text(text) => super::dates::birthday(text, None, false).ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_of_every_version_become_guests() {
        let text = "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E7=8E=8B;=E5=BB=BA=E5=8D=8E;;=E5=85=88=E7=94=9F;\r\nTEL;CELL:+86 139 1234 5678\r\nNOTE;ENCODING=QUOTED-PRINTABLE:likes the =\r\nwindow\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jon Smith\r\nN:Smith;Jon;;Mr.;\r\nTEL;VALUE=uri;TYPE=cell:tel:+44-20-7946-0018\r\nEMAIL:jon@example.com\r\nBDAY:--1126\r\nCATEGORIES:vip,regular\r\nEND:VCARD\r\n";
        let guests = read(text, &|_, _| {}).unwrap();
        let profiles: Vec<Profile> = guests
            .into_iter()
            .map(|(_, entry)| match entry {
                Incoming::Guest(record, _) => record.profile,
                Incoming::Mishap(_) => unreachable!(),
            })
            .collect();
        assert_eq!((profiles[0].name.as_str(), profiles[0].greeting.as_str()), ("王建华", "王先生"));
        assert_eq!(profiles[0].phone, "+86 139 1234 5678");
        assert_eq!(profiles[0].notes, "likes the window");
        assert_eq!((profiles[1].name.as_str(), profiles[1].greeting.as_str()), ("Jon Smith", "Mr. Smith"));
        assert_eq!(profiles[1].phone, "+44-20-7946-0018");
        assert_eq!(profiles[1].birthday.map(|b| b.to_string()).as_deref(), Some("--11-26"));
        assert_eq!(profiles[1].tags, ["vip", "regular"]);
    }
}
