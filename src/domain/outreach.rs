//! Whom to write to: guests whose birthday is close, and regulars who have not been back in a long while — with
//! what makes the note personal. Once someone has written to a guest for an occasion, the guest is left out until
//! the next one: next year's birthday, or lapsing again after coming back.

use chrono::{DateTime, Duration, NaiveDate, SecondsFormat, Utc};

use super::{Birthday, GuestId};

/// Why a guest is on the outreach list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The next birthday and how many days away it is.
    Birthday { on: NaiveDate, in_days: i64 },
    /// A regular (two visits or more) not seen for `days` days, since their last visit `since`.
    Lapsed { days: i64, since: DateTime<Utc> },
}

/// The kinds of occasion to write for: the pages of the outreach list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Occasion {
    Birthday,
    Lapsed,
}

impl Occasion {
    /// As the book and the exports store it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Birthday => "birthday",
            Self::Lapsed => "lapsed",
        }
    }

    /// As a message says it: "written to for the birthday", "for the time away".
    pub fn words(self) -> &'static str {
        match self {
            Self::Birthday => "birthday",
            Self::Lapsed => "time away",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "birthday" => Some(Self::Birthday),
            "lapsed" => Some(Self::Lapsed),
            _ => None,
        }
    }
}

/// A guest was written to: for which occasion (`of`: the birthday's date, or the time of the last visit before
/// they lapsed), when, and by whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub occasion: Occasion,
    pub of: String,
    pub at: DateTime<Utc>,
    pub staff: String,
}

impl Reason {
    pub fn occasion(&self) -> Occasion {
        match self {
            Self::Birthday { .. } => Occasion::Birthday,
            Self::Lapsed { .. } => Occasion::Lapsed,
        }
    }

    /// What tells this occasion from the next of its kind: the birthday's date, or the last visit's time (a guest
    /// who comes back and lapses again is a new occasion).
    pub fn of(&self) -> String {
        match self {
            Self::Birthday { on, .. } => on.to_string(),
            Self::Lapsed { since, .. } => since.to_rfc3339_opts(SecondsFormat::Millis, true),
        }
    }

    /// Whether someone has written to the guest for this occasion already.
    pub fn written_in(&self, written: &[Written]) -> bool {
        written.iter().any(|w| w.occasion == self.occasion() && w.of == self.of())
    }
}

/// What the outreach list weighs about a guest, read for every guest it may list without their history: the
/// birthday, how often and when last they came, and the occasions they were written to for.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    pub guest: GuestId,
    pub birthday: Option<Birthday>,
    pub visits: usize,
    pub last_visit: Option<DateTime<Utc>>,
    pub written: Vec<Written>,
}

/// A guest to write to, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Prospect {
    pub guest: GuestId,
    pub reasons: Vec<Reason>,
}

/// The guests among `standings` to write to: birthdays in the next `birthdays_within` days (soonest first), then
/// regulars with no visit in the last `lapsed_days` (longest away first). A guest who is both appears once, first.
/// An occasion someone has written to the guest for already is left out.
pub fn prospects(
    standings: &[Standing],
    now: DateTime<Utc>,
    today: NaiveDate,
    birthdays_within: i64,
    lapsed_days: i64,
) -> Vec<Prospect> {
    let mut prospects: Vec<Prospect> = standings
        .iter()
        .filter_map(|standing| {
            let mut reasons = Vec::new();
            if let Some(birthday) = standing.birthday {
                let on = birthday.next_on_or_after(today);
                let in_days = (on - today).num_days();
                if in_days <= birthdays_within {
                    reasons.push(Reason::Birthday { on, in_days });
                }
            }
            if let Some(last) = standing.last_visit.filter(|_| standing.visits >= 2)
                && last < now - Duration::days(lapsed_days)
            {
                reasons.push(Reason::Lapsed { days: (now - last).num_days(), since: last });
            }
            reasons.retain(|reason| !reason.written_in(&standing.written));
            (!reasons.is_empty()).then_some(Prospect { guest: standing.guest, reasons })
        })
        .collect();
    prospects.sort_by_key(|p| match p.reasons[0] {
        Reason::Birthday { in_days, .. } => (0, in_days, p.guest),
        Reason::Lapsed { days, .. } => (1, -days, p.guest),
    });
    prospects
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn guest(id: i64, birthday: Option<&str>, visit_days_ago: &[i64], now: DateTime<Utc>) -> Standing {
        Standing {
            guest: GuestId(id),
            birthday: birthday.map(|b| b.parse::<Birthday>().unwrap()),
            visits: visit_days_ago.len(),
            last_visit: visit_days_ago.iter().min().map(|&days| now - Duration::days(days)),
            written: vec![],
        }
    }

    #[test]
    fn birthdays_soon_and_lapsed_regulars_across_the_year_end_and_29_february() {
        let now = Utc.with_ymd_and_hms(2026, 12, 25, 12, 0, 0).unwrap();
        let today = now.date_naive();
        let histories = [
            guest(1, Some("1980-01-02"), &[10], now), // 8 days away, across the year's end
            guest(2, Some("--12-25"), &[], now),      // today
            guest(3, Some("--02-29"), &[], now),      // far away
            guest(4, None, &[400, 800], now),         // lapsed regular
            guest(5, None, &[400], now),              // one visit: not a regular
            guest(6, None, &[10, 400], now),          // back recently
            guest(7, Some("1990-12-30"), &[500, 900], now), // both: listed once, birthday first
        ];
        let found = prospects(&histories, now, today, 14, 365);
        let ids: Vec<i64> = found.iter().map(|p| p.guest.0).collect();
        assert_eq!(ids, [2, 7, 1, 4]);
        assert_eq!(found[1].reasons.len(), 2);
        assert_eq!(found[3].reasons, [Reason::Lapsed { days: 400, since: now - Duration::days(400) }]);
        assert_eq!(
            found[2].reasons,
            [Reason::Birthday { on: NaiveDate::from_ymd_opt(2027, 1, 2).unwrap(), in_days: 8 }]
        );

        // Written to for the birthday: left out until the next one. Written to for a lapse: left out until they come
        // back and lapse again.
        let mut histories = histories.to_vec();
        let noted = |occasion, of: String| Written { occasion, of, at: now, staff: "Nok".into() };
        histories[1].written.push(noted(Occasion::Birthday, "2026-12-25".into()));
        let lapsed_since = histories[3].last_visit.unwrap();
        histories[3].written.push(noted(Occasion::Lapsed, Reason::Lapsed { days: 0, since: lapsed_since }.of()));
        let ids: Vec<i64> = prospects(&histories, now, today, 14, 365).iter().map(|p| p.guest.0).collect();
        assert_eq!(ids, [7, 1]);
        let next_year = now + Duration::days(365);
        let again = prospects(&histories[1..2], next_year, next_year.date_naive(), 14, 365);
        assert_eq!(again.len(), 1, "next year's birthday is a new occasion");

        // 29 February in a common year is celebrated on 28 February.
        let feb = Utc.with_ymd_and_hms(2027, 2, 20, 12, 0, 0).unwrap();
        let leap = prospects(&histories[2..3], feb, feb.date_naive(), 14, 365);
        assert_eq!(
            leap[0].reasons,
            [Reason::Birthday { on: NaiveDate::from_ymd_opt(2027, 2, 28).unwrap(), in_days: 8 }]
        );
    }
}
