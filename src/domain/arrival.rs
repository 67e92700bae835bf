//! Tonight's guests: the day's reservations or room arrivals, each matched to a guest of the book, so that the shift
//! knows who is coming and greets them by name. A booking is what the booking system said; its link is whom the
//! book takes it for — one guest for certain, a few to choose among, or someone new.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, Utc};

use super::guest::{LONG_FIELD_MAX, SHORT_FIELD_MAX};
use super::regular::{Mark, mark};
use super::text::normalise;
use super::{GuestHistory, GuestId, Problem, ValidationError, VisitId, check_len};

/// A reservation or a room arrival, as the booking system or the desk gives it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Booking {
    /// The day expected, on the desk's calendar.
    pub day: NaiveDate,
    /// The time expected, on the desk's clock, if the booking says one.
    pub time: Option<NaiveTime>,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub party: Option<u32>,
    /// The table or the room.
    pub place: String,
    pub note: String,
}

impl Booking {
    /// The booking with its text trimmed, or the field at fault: a name is needed, a party of 1 to 10,000.
    pub fn validated(mut self) -> Result<Self, ValidationError> {
        for field in [&mut self.name, &mut self.phone, &mut self.email, &mut self.place, &mut self.note] {
            *field = field.trim().to_owned();
        }
        if self.name.is_empty() {
            return Err(ValidationError::new("name", Problem::NoName));
        }
        for (field, value) in [("name", &self.name), ("phone", &self.phone), ("email", &self.email)] {
            check_len(field, value, SHORT_FIELD_MAX)?;
        }
        check_len("place", &self.place, SHORT_FIELD_MAX)?;
        check_len("note", &self.note, LONG_FIELD_MAX)?;
        if self.party.is_some_and(|party| !(1..=10_000).contains(&party)) {
            return Err(ValidationError::new("party_size", Problem::PartySize));
        }
        let year = chrono::Datelike::year(&self.day);
        if !(1900..2200).contains(&year) {
            return Err(ValidationError::new("day", Problem::Year(year)));
        }
        Ok(self)
    }

    /// What makes two bookings the same one, so that a file imported twice adds each booking once: the day and time,
    /// the name as normalised, the phone's digits, the email and the place.
    pub fn identity(&self) -> String {
        let digits: String = self.phone.chars().filter(char::is_ascii_digit).collect();
        let time = self.time.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
        format!(
            "{}\u{1f}{time}\u{1f}{}\u{1f}{digits}\u{1f}{}\u{1f}{}",
            self.day,
            normalise(&self.name),
            self.email.to_lowercase(),
            normalise(&self.place)
        )
    }
}

/// Whom the book takes a booking for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// Known for certain: the same phone or email as one guest.
    Guest(GuestId),
    /// Not certain: these guests could be the one (by name, or sharing a phone or email); the desk chooses.
    Choose(Vec<GuestId>),
    /// No guest of the book: someone new, to be added when they come.
    New,
}

/// Where an arrival stands tonight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Expected,
    Arrived,
    NoShow,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Expected => "expected",
            Self::Arrived => "arrived",
            Self::NoShow => "no-show",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "expected" => Some(Self::Expected),
            "arrived" => Some(Self::Arrived),
            "no-show" => Some(Self::NoShow),
            _ => None,
        }
    }
}

/// An arrival as the book holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrival {
    pub id: i64,
    pub booking: Booking,
    pub link: Link,
    pub status: Status,
    /// The visit logged when they came.
    pub visit: Option<VisitId>,
}

/// Who an arrival is to the house.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// No guest of the book: someone new.
    New,
    /// Not certain who: this many guests to choose among.
    Choose(usize),
    /// In the book, never been.
    FirstVisit,
    /// A regular by the one rule (`regular::mark`): this many visits in the last 365 days.
    Regular(usize),
    /// Been before, this many times, not yet a regular.
    Returning(usize),
    /// Back after more than a year away (`regular::mark`): this many days since the last visit.
    Back(i64),
}

/// One arrival as the shift prepares for it: how to greet them and what they need, from their card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    pub arrival: Arrival,
    /// Their name as the book writes it, else as booked: what finds them on the counter.
    pub name: String,
    /// How to address them: the guest's greeting, else the guest's name, else the name booked under.
    pub greeting: String,
    pub standing: Standing,
    pub usual: Vec<String>,
    pub allergies: Vec<String>,
    /// The newest open recovery's category.
    pub open_recovery: Option<String>,
    /// Days to their birthday, when it is within a week.
    pub birthday_in: Option<i64>,
}

impl Prepared {
    /// `arrival` prepared from its guest's history (`None` when it is not linked to one), on `today` in `zone`,
    /// `regular_visits` in a year making a regular.
    pub fn new(
        arrival: Arrival,
        history: Option<&GuestHistory>,
        today: NaiveDate,
        zone: FixedOffset,
        regular_visits: usize,
    ) -> Self {
        let Some(history) = history.filter(|h| matches!(arrival.link, Link::Guest(id) if id == h.guest.id)) else {
            let standing = match &arrival.link {
                Link::Choose(guests) => Standing::Choose(guests.len()),
                _ => Standing::New,
            };
            let greeting = arrival.booking.name.clone();
            return Self {
                name: greeting.clone(),
                arrival,
                greeting,
                standing,
                usual: Vec::new(),
                allergies: Vec::new(),
                open_recovery: None,
                birthday_in: None,
            };
        };
        let card = history.card();
        let p = &history.guest.profile;
        let greeting = if p.greeting.is_empty() { p.name.clone() } else { p.greeting.clone() };
        let away =
            card.recent_visits.first().map(|last| (today - last.at.with_timezone(&zone).date_naive()).num_days());
        // As of the end of the day the shift prepares for: the card and the list say the same of them then.
        let end_of_day = today.succ_opt().and_then(|next| next.and_hms_opt(0, 0, 0)).map(|next| {
            next.and_local_timezone(zone).earliest().map_or(DateTime::<Utc>::MAX_UTC, |at| at.with_timezone(&Utc))
        });
        let mark = end_of_day.and_then(|at| mark(&history.visits, at - Duration::milliseconds(1), regular_visits));
        let standing = match (card.visit_count, away, mark) {
            (0, _, _) | (_, None, _) => Standing::FirstVisit,
            (_, Some(days), Some(Mark::Back(_))) => Standing::Back(days),
            (_, _, Some(Mark::Regular(visits))) => Standing::Regular(visits),
            (count, _, _) => Standing::Returning(count),
        };
        let birthday_in =
            p.birthday.map(|b| (b.next_on_or_after(today) - today).num_days()).filter(|days| (0..=7).contains(days));
        Self {
            name: p.name.clone(),
            greeting,
            standing,
            usual: card.the_usual.as_ref().map(|usual| usual.items().to_vec()).unwrap_or_default(),
            allergies: p.allergies.clone(),
            open_recovery: card.open_recoveries.first().map(|entry| entry.recovery.category.clone()),
            birthday_in,
            arrival,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn booking(name: &str) -> Booking {
        Booking { day: NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(), name: name.into(), ..Booking::default() }
    }

    #[test]
    fn a_booking_needs_a_name_and_a_sensible_party() {
        assert_eq!(booking("  ").validated().unwrap_err().problem, Problem::NoName);
        let party = Booking { party: Some(0), ..booking("于明") }.validated().unwrap_err();
        assert_eq!(party.field, "party_size");
        assert_eq!(booking(" 于明 ").validated().unwrap().name, "于明");
    }

    #[test]
    fn the_same_booking_written_differently_is_the_same_booking() {
        let a = Booking { phone: "+86 138-0000-0108".into(), place: "Table 4".into(), ..booking("Yu Ming") };
        let b = Booking { phone: "+86 13800000108".into(), place: "table 4".into(), ..booking("yu  ming") };
        assert_eq!(a.identity(), b.identity());
        let later = Booking { time: NaiveTime::from_hms_opt(20, 0, 0), ..a.clone() };
        assert_ne!(a.identity(), later.identity());
    }
}
