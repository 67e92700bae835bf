//! Whom a booking is for: by the phone's digits, then the email, then the name however it was written (pinyin,
//! accents, spacing and case folded, the other spellings of a Chinese name included). A phone or an email that one
//! guest of the book has is certain; a name alone never is — two guests share names — so it is offered to choose,
//! with "someone new" always among the choices.

use std::collections::HashMap;

use super::key::{fold, search_key};
use super::spell;
use crate::domain::GuestId;
use crate::domain::arrival::{Booking, Link};

/// How many trailing digits of a phone number are compared: enough to tell numbers apart, few enough that a
/// country code written or not does not matter (as `possible_duplicates` compares them).
const PHONE_DIGITS: usize = 8;

/// The most guests offered for a booking that is not certain.
const CHOICES: usize = 5;

/// What the book knows a guest by, to match bookings against.
#[derive(Debug, Clone)]
pub struct Known {
    pub id: GuestId,
    pub name: String,
    pub phone: String,
    pub email: String,
    /// The name's other spellings, as stored (see `spell::stored`).
    pub spellings: String,
}

/// Every guest of the book, by phone tail, email and name, for matching a night's bookings in one pass.
#[derive(Debug, Default)]
pub struct Matcher {
    phones: HashMap<String, Vec<GuestId>>,
    emails: HashMap<String, Vec<GuestId>>,
    names: HashMap<String, Vec<GuestId>>,
}

impl Matcher {
    pub fn new(guests: impl IntoIterator<Item = Known>) -> Self {
        let mut matcher = Self::default();
        for guest in guests {
            if let Some(tail) = phone_tail(&guest.phone) {
                matcher.phones.entry(tail).or_default().push(guest.id);
            }
            if let Some(email) = email(&guest.email) {
                matcher.emails.entry(email).or_default().push(guest.id);
            }
            let mut keys = vec![letters(&guest.name), pinyin(&guest.name)];
            keys.extend(spell::read_stored(&guest.spellings).map(|(_, spelled)| letters(spelled)));
            keys.retain(|key| !key.is_empty());
            keys.sort();
            keys.dedup();
            for key in keys {
                matcher.names.entry(key).or_default().push(guest.id);
            }
        }
        matcher
    }

    /// Whom `booking` is for.
    pub fn link(&self, booking: &Booking) -> Link {
        fn by(map: &HashMap<String, Vec<GuestId>>, key: Option<String>) -> &[GuestId] {
            key.and_then(|key| map.get(&key)).map(Vec::as_slice).unwrap_or_default()
        }
        for found in [by(&self.phones, phone_tail(&booking.phone)), by(&self.emails, email(&booking.email))] {
            match found {
                [] => {}
                [one] => return Link::Guest(*one),
                several => return Link::Choose(several.iter().copied().take(CHOICES).collect()),
            }
        }
        match by(&self.names, Some(letters(&booking.name))) {
            [] => Link::New,
            named => Link::Choose(named.iter().copied().take(CHOICES).collect()),
        }
    }
}

fn phone_tail(phone: &str) -> Option<String> {
    let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= PHONE_DIGITS).then(|| digits[digits.len() - PHONE_DIGITS..].iter().collect())
}

fn email(email: &str) -> Option<String> {
    let email = email.trim().to_lowercase();
    email.contains('@').then_some(email)
}

/// A name's letters and digits, folded and lowercased, nothing else: "Yu-Ming" and "yu ming" are "yuming".
fn letters(name: &str) -> String {
    fold(name).chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// A Chinese name's pinyin run together ("于明" → "yuming"); a name with no Chinese characters has none.
fn pinyin(name: &str) -> String {
    if name.is_ascii() {
        return String::new();
    }
    search_key(name).chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(id: i64, name: &str, phone: &str, email: &str) -> Known {
        let spellings = spell::stored(&spell::derived(name));
        Known { id: GuestId(id), name: name.into(), phone: phone.into(), email: email.into(), spellings }
    }

    fn book() -> Matcher {
        Matcher::new([
            known(1, "于明", "+86 138 0000 0108", "yu.ming@example.cn"),
            known(2, "José García", "", "jose@example.es"),
            known(3, "Wang Wei", "+65 9123 4567", ""),
            known(4, "王伟", "", ""),
            known(5, "Anna Lee", "020 7946 0018", ""),
            known(6, "Tom Lee", "020 7946 0018", ""),
        ])
    }

    fn booking(name: &str, phone: &str, email: &str) -> Booking {
        Booking { name: name.into(), phone: phone.into(), email: email.into(), ..Booking::default() }
    }

    #[test]
    fn a_phone_or_an_email_one_guest_has_is_certain() {
        let book = book();
        assert_eq!(book.link(&booking("Mr Yu", "13800000108", "")), Link::Guest(GuestId(1)));
        assert_eq!(book.link(&booking("Garcia", "", "JOSE@example.es ")), Link::Guest(GuestId(2)));
    }

    #[test]
    fn a_name_alone_is_offered_to_choose_never_taken_for_certain() {
        let book = book();
        assert_eq!(book.link(&booking("yu ming", "", "")), Link::Choose(vec![GuestId(1)]));
        assert_eq!(book.link(&booking("Jose Garcia", "", "")), Link::Choose(vec![GuestId(2)]), "accents folded");
        let wang = book.link(&booking("WANG WEI", "", ""));
        assert_eq!(wang, Link::Choose(vec![GuestId(3), GuestId(4)]), "王伟 by pinyin, Wang Wei by letters");
        assert_eq!(book.link(&booking("Lee", "020 7946 0018", "")), Link::Choose(vec![GuestId(5), GuestId(6)]));
    }

    #[test]
    fn someone_the_book_does_not_know_is_new() {
        assert_eq!(book().link(&booking("Nora Quinn", "+44 7700 900123", "nora@example.com")), Link::New);
        assert_eq!(book().link(&booking("", "", "")), Link::New);
    }
}
