//! Whom a booking is for: by the phone's digits, then the email, then the name however it was written (pinyin,
//! accents, spacing and case folded, the other spellings of a Chinese name included). A phone or an email that one
//! guest of the book has is certain; a name alone never is — two guests share names — so it is offered to choose,
//! with "someone new" always among the choices.

use std::collections::HashMap;

use super::key::{key_letters, letters};
use super::spell;
use crate::domain::GuestId;
use crate::domain::arrival::{Booking, Link};

/// How many trailing digits of a phone number are compared, here and for a possible duplicate guest: enough to tell
/// numbers apart, few enough that a country code written or not does not matter.
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
    /// The name's search key as stored (the characters with their pinyin, see `key::search_key`): read, not
    /// computed again, so that matching a night against 200,000 guests costs a read of the book.
    pub key: String,
    /// The name's other spellings, as stored (see `spell::stored`).
    pub spellings: String,
}

/// Whom each of `bookings` is for, among `guests` (every guest of the book, read once): what the night asks for is
/// gathered first, so the book's guests are only looked at, never indexed — matching a night of 500 against
/// 200,000 guests costs a read of the book.
pub fn links(bookings: &[Booking], guests: impl IntoIterator<Item = Known>) -> Vec<Link> {
    // For each phone tail, email and name the night holds, the bookings that hold it.
    let mut wanted: [HashMap<String, Vec<usize>>; 3] = Default::default();
    for (i, booking) in bookings.iter().enumerate() {
        let keys = [phone_tail(&booking.phone), email(&booking.email), Some(letters(&booking.name))];
        for (map, key) in wanted.iter_mut().zip(keys) {
            if let Some(key) = key.filter(|key| !key.is_empty()) {
                map.entry(key).or_default().push(i);
            }
        }
    }
    // For each booking, the guests found by phone, by email and by name, in the book's order.
    let mut found: Vec<[Vec<GuestId>; 3]> = vec![Default::default(); bookings.len()];
    let mut note = |kind: usize, key: &str, guest: GuestId| {
        for &i in wanted[kind].get(key).into_iter().flatten() {
            if found[i][kind].last() != Some(&guest) {
                found[i][kind].push(guest);
            }
        }
    };
    for guest in guests {
        if let Some(tail) = phone_tail(&guest.phone) {
            note(0, &tail, guest.id);
        }
        if let Some(email) = email(&guest.email) {
            note(1, &email, guest.id);
        }
        if wanted[2].is_empty() {
            continue;
        }
        note(2, &letters(&guest.name), guest.id);
        note(2, &pinyin(&guest.name, &guest.key), guest.id);
        for (_, spelled) in spell::read_stored(&guest.spellings) {
            note(2, &letters(spelled), guest.id);
        }
    }
    found.into_iter().map(|[phones, emails, names]| link(&phones, &emails, &names)).collect()
}

/// By phone, then email, then name: one guest by phone or email is certain; several, or a name, are a choice.
fn link(phones: &[GuestId], emails: &[GuestId], names: &[GuestId]) -> Link {
    for found in [phones, emails] {
        match found {
            [] => {}
            [one] => return Link::Guest(*one),
            several => return Link::Choose(several.iter().copied().take(CHOICES).collect()),
        }
    }
    match names {
        [] => Link::New,
        named => Link::Choose(named.iter().copied().take(CHOICES).collect()),
    }
}

/// Whether `answer` names the guest of `profile` — their name, greeting (or its romanised form, "Mr. Yu"), or a
/// name they also go by, however it was typed (pinyin, accents, spacing and case folded): the name drill's check.
pub fn names(answer: &str, profile: &crate::domain::Profile) -> bool {
    let typed = letters(answer);
    if typed.is_empty() {
        return false;
    }
    let romanised = super::greeting::romanised(&profile.greeting).unwrap_or_default();
    super::same_name(&profile.name, answer)
        || [profile.greeting.as_str(), romanised.as_str()]
            .into_iter()
            .any(|said| !said.is_empty() && letters(said) == typed)
        || profile.other_names.iter().any(|other| super::same_name(other, answer))
}

/// The last digits of a phone number, as numbers are compared (`PHONE_DIGITS` of them); none for a shorter one.
pub fn phone_tail(phone: &str) -> Option<String> {
    let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= PHONE_DIGITS).then(|| digits[digits.len() - PHONE_DIGITS..].iter().collect())
}

fn email(email: &str) -> Option<String> {
    let email = email.trim().to_lowercase();
    email.contains('@').then_some(email)
}

/// A Chinese name's pinyin run together ("于明" → "yuming"), from its stored search key; a name with no Chinese
/// characters has none.
fn pinyin(name: &str, key: &str) -> String {
    if name.is_ascii() {
        return String::new();
    }
    key_letters(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(id: i64, name: &str, phone: &str, email: &str) -> Known {
        let (key, spellings) = (super::super::search_key(name), spell::stored(&spell::derived(name)));
        Known { id: GuestId(id), name: name.into(), phone: phone.into(), email: email.into(), key, spellings }
    }

    fn book() -> Vec<Known> {
        vec![
            known(1, "于明", "+86 138 0000 0108", "yu.ming@example.cn"),
            known(2, "José García", "", "jose@example.es"),
            known(3, "Wang Wei", "+65 9123 4567", ""),
            known(4, "王伟", "", ""),
            known(5, "Anna Lee", "020 7946 0018", ""),
            known(6, "Tom Lee", "020 7946 0018", ""),
        ]
    }

    fn link_of(booking: Booking) -> Link {
        links(&[booking], book()).remove(0)
    }

    fn booking(name: &str, phone: &str, email: &str) -> Booking {
        Booking { name: name.into(), phone: phone.into(), email: email.into(), ..Booking::default() }
    }

    #[test]
    fn a_phone_or_an_email_one_guest_has_is_certain() {
        assert_eq!(link_of(booking("Mr Yu", "13800000108", "")), Link::Guest(GuestId(1)));
        assert_eq!(link_of(booking("Garcia", "", "JOSE@example.es ")), Link::Guest(GuestId(2)));
    }

    #[test]
    fn a_name_alone_is_offered_to_choose_never_taken_for_certain() {
        assert_eq!(link_of(booking("yu ming", "", "")), Link::Choose(vec![GuestId(1)]));
        assert_eq!(link_of(booking("Jose Garcia", "", "")), Link::Choose(vec![GuestId(2)]), "accents folded");
        let wang = link_of(booking("WANG WEI", "", ""));
        assert_eq!(wang, Link::Choose(vec![GuestId(3), GuestId(4)]), "王伟 by pinyin, Wang Wei by letters");
        assert_eq!(link_of(booking("Lee", "020 7946 0018", "")), Link::Choose(vec![GuestId(5), GuestId(6)]));
    }

    #[test]
    fn a_drill_answer_is_taken_however_the_name_is_written() {
        let profile = crate::domain::Profile {
            name: "于明".into(),
            greeting: "于先生".into(),
            other_names: vec!["Raymond Yu".into()],
            ..crate::domain::Profile::default()
        };
        for answer in ["于明", "yu ming", "YuMing", "于先生", "mr yu", "Mr. Yu", "raymond yu"] {
            assert!(names(answer, &profile), "{answer}");
        }
        for answer in ["", "yu", "王先生", "Mr. Wang"] {
            assert!(!names(answer, &profile), "{answer}");
        }
    }

    #[test]
    fn someone_the_book_does_not_know_is_new() {
        assert_eq!(link_of(booking("Nora Quinn", "+44 7700 900123", "nora@example.com")), Link::New);
        assert_eq!(link_of(booking("", "", "")), Link::New);
        let night = [booking("yu ming", "", ""), booking("Nora Quinn", "", ""), booking("Mr Yu", "13800000108", "")];
        assert_eq!(links(&night, book()), [Link::Choose(vec![GuestId(1)]), Link::New, Link::Guest(GuestId(1))]);
    }
}
