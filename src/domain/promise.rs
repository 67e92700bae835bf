//! Promises: a follow-up with an owner (the station or department that keeps it: restaurant, housekeeping) and a
//! time it is due by. Written on the command line in a follow-up's own text, as todo.txt and Taskwarrior write
//! them: "early breakfast ready @restaurant due:06:30". Once due it is in front of its owner; once overdue (a grace
//! after the due time) in front of every desk, until it is ticked.

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, SubsecRound, TimeZone, Utc};

use super::recovery::FollowUp;
use super::text::quoted;
use super::{GuestId, RecoveryId};

/// How long after its due time a promise is overdue unless the settings say otherwise, in minutes.
pub const OVERDUE_AFTER_MINUTES: i64 = 10;

/// Why a `due:` time is not taken, naming what was typed. Display is English; the desk says it in its language
/// (see `i18n::bad_due`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadDue {
    #[error(
        "{} is not a time: give due:06:30 (the next 06:30), due:+30m, due:+2h, due:+1d, due:2026-06-08 or due:2026-06-08T06:30",
        quoted(.0)
    )]
    NotATime(String),
    #[error("{} is in the past: a promise is due later than now", quoted(.0))]
    Past(String),
    #[error("{} did not happen here: the clocks went forward over it", quoted(.0))]
    Skipped(String),
}

/// A follow-up as typed: its task, with an `@OWNER` and a `due:WHEN` taken out of the text wherever they stand.
/// Of several, the first of each is taken; WHEN is read as [`due`] reads it.
pub fn follow_up<Tz: TimeZone>(text: &str, now: DateTime<Utc>, zone: &Tz) -> Result<FollowUp, BadDue> {
    let mut owner = None;
    let mut due_at = None;
    let mut words = Vec::new();
    for word in text.split_whitespace() {
        if let Some(name) = word.strip_prefix('@').filter(|name| !name.is_empty() && owner.is_none()) {
            owner = Some(name.to_owned());
        } else if let Some(when) = word.strip_prefix("due:").filter(|_| due_at.is_none()) {
            due_at = Some(due(when, now, zone)?);
        } else {
            words.push(word);
        }
    }
    Ok(FollowUp { task: words.join(" "), owner, due: due_at, ..FollowUp::default() })
}

/// When a promise is due, as the desk says it in its time `zone` at `now`: `HH:MM` (the next such time: today's if
/// it is still to come, else tomorrow's), `+30m`, `+2h`, `+1d`, `YYYY-MM-DD` (by the end of that day) or
/// `YYYY-MM-DDTHH:MM`. A day or time already past is refused: a promise due before it was made is a typo.
pub fn due<Tz: TimeZone>(when: &str, now: DateTime<Utc>, zone: &Tz) -> Result<DateTime<Utc>, BadDue> {
    let when = when.trim();
    let not_a_time = || BadDue::NotATime(when.to_owned());
    if let Some(amount) = when.strip_prefix('+') {
        let split = amount.len().saturating_sub(1);
        let (number, unit) = (amount.get(..split).unwrap_or_default(), amount.get(split..).unwrap_or_default());
        let n: i64 = number.parse().ok().filter(|n| (1..=10_000).contains(n)).ok_or_else(not_a_time)?;
        let step = match unit {
            "m" => Duration::minutes(n),
            "h" => Duration::hours(n),
            "d" => Duration::days(n),
            _ => return Err(not_a_time()),
        };
        // Whole seconds: a promise is kept to the minute, and lists and exports print no fractions.
        return Ok((now + step).trunc_subsecs(0));
    }
    let local_now = now.with_timezone(zone).naive_local();
    let local = if let Ok(time) = NaiveTime::parse_from_str(when, "%H:%M") {
        let today = local_now.date().and_time(time);
        if today > local_now { today } else { today + Duration::days(1) }
    } else if let Ok(at) = NaiveDateTime::parse_from_str(when, "%Y-%m-%dT%H:%M") {
        at
    } else if let Ok(day) = NaiveDate::parse_from_str(when, "%Y-%m-%d") {
        day.and_hms_opt(23, 59, 0).ok_or_else(not_a_time)?
    } else {
        return Err(not_a_time());
    };
    let at = match zone.from_local_datetime(&local) {
        LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => at.with_timezone(&Utc),
        LocalResult::None => return Err(BadDue::Skipped(when.to_owned())),
    };
    if at <= now {
        return Err(BadDue::Past(when.to_owned()));
    }
    super::check_time("due", at).map_err(|_| not_a_time())?;
    Ok(at)
}

/// Where a promise stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// No time was promised.
    Untimed,
    /// Due in this long.
    Ahead(Duration),
    /// Due this long ago, within the grace: in front of its owner.
    Due(Duration),
    /// Due this long ago, past the grace: in front of every desk.
    Overdue(Duration),
}

/// Where a promise due at `due` stands at `now`, overdue once `grace` has passed after it.
pub fn standing(due: Option<DateTime<Utc>>, now: DateTime<Utc>, grace: Duration) -> Standing {
    match due {
        None => Standing::Untimed,
        Some(due) if now < due => Standing::Ahead(due - now),
        Some(due) if now < due + grace => Standing::Due(now - due),
        Some(due) => Standing::Overdue(now - due),
    }
}

/// One open follow-up of an open recovery, with whose it is: a line of the promises list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Promise {
    pub recovery: RecoveryId,
    /// Its place among its recovery's follow-ups, from 1 (as `regulars recovery follow-up ID NUMBER` counts).
    pub position: usize,
    pub guest: Option<GuestId>,
    /// The guest's name, `None` for a mishap of nobody in particular.
    pub name: Option<String>,
    pub category: String,
    pub task: String,
    pub owner: Option<String>,
    pub due: Option<DateTime<Utc>>,
}

/// A station or department as kept: "@restaurant " is "restaurant". Every place an owner is typed (the command
/// line's `@OWNER`, the forms, `category set`) keeps it so.
pub fn bare_owner(name: &str) -> &str {
    name.trim().trim_start_matches('@').trim()
}

/// Whether `owner` names `station`: as typed, but neither case nor an `@` counts ("@Restaurant" is the
/// restaurant's).
pub fn same_station(owner: &str, station: &str) -> bool {
    let bare = |name: &str| bare_owner(name).to_lowercase();
    !station.trim().is_empty() && bare(owner) == bare(station)
}

impl Promise {
    /// Whether the desk at `station` keeps it.
    pub fn is_for(&self, station: &str) -> bool {
        self.owner.as_deref().is_some_and(|owner| same_station(owner, station))
    }

    /// Whether the banner at `station` shows it at `now`: due and its own, or overdue anywhere.
    pub fn calls(&self, station: &str, now: DateTime<Utc>, grace: Duration) -> bool {
        match standing(self.due, now, grace) {
            Standing::Due(_) => self.is_for(station),
            Standing::Overdue(_) => true,
            Standing::Untimed | Standing::Ahead(_) => false,
        }
    }
}

/// The promises list's order at `station`: its own first, then soonest due (untimed last), then as recorded.
pub fn order(promises: &mut [Promise], station: &str) {
    promises.sort_by(|a, b| {
        (!a.is_for(station))
            .cmp(&!b.is_for(station))
            .then_with(|| a.due.is_none().cmp(&b.due.is_none()))
            .then(a.due.cmp(&b.due))
            .then(a.recovery.0.cmp(&b.recovery.0))
            .then(a.position.cmp(&b.position))
    });
}

/// The next moment after `now` at which one of `promises` falls due or overdue: when a screen showing them must
/// look again, with no key pressed.
pub fn next_change(promises: &[Promise], now: DateTime<Utc>, grace: Duration) -> Option<DateTime<Utc>> {
    promises.iter().filter_map(|p| p.due).flat_map(|due| [due, due + grace]).filter(|at| *at > now).min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn bangkok() -> FixedOffset {
        FixedOffset::east_opt(7 * 3600).unwrap()
    }

    /// 2026-12-03 20:00 in Bangkok.
    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 3, 13, 0, 0).unwrap()
    }

    fn local(text: &str) -> DateTime<Utc> {
        let at = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap();
        bangkok().from_local_datetime(&at).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn every_form_of_due_is_read_in_the_desks_zone() {
        let cases = [
            ("06:30", local("2026-12-04T06:30")),
            ("21:15", local("2026-12-03T21:15")),
            ("20:00", local("2026-12-04T20:00")),
            ("+30m", now() + Duration::minutes(30)),
            ("+2h", now() + Duration::hours(2)),
            ("+1d", now() + Duration::days(1)),
            ("2026-12-05", local("2026-12-05T23:59")),
            ("2026-12-05T06:30", local("2026-12-05T06:30")),
        ];
        for (when, expected) in cases {
            assert_eq!(due(when, now(), &bangkok()), Ok(expected), "{when}");
        }
    }

    #[test]
    fn a_due_that_cannot_be_read_or_is_past_is_refused() {
        for when in ["", "25:00", "+", "+m", "+0m", "+5x", "+-5m", "tomorrow", "2026-13-01", "+99999d"] {
            assert_eq!(due(when, now(), &bangkok()), Err(BadDue::NotATime(when.to_owned())), "{when}");
        }
        for when in ["2026-12-02", "2026-12-03T19:00"] {
            assert_eq!(due(when, now(), &bangkok()), Err(BadDue::Past(when.to_owned())), "{when}");
        }
        assert!(BadDue::NotATime("x".into()).to_string().contains("due:+30m"), "the accepted forms are shown");
    }

    #[test]
    fn owner_and_due_ride_in_the_text() {
        let f = follow_up("early breakfast ready @restaurant due:06:30", now(), &bangkok()).unwrap();
        assert_eq!(f.task, "early breakfast ready");
        assert_eq!(f.owner.as_deref(), Some("restaurant"));
        assert_eq!(f.due, Some(local("2026-12-04T06:30")));
        let plain = follow_up("  mail the guest@example.com  a note ", now(), &bangkok()).unwrap();
        assert_eq!((plain.task.as_str(), plain.owner, plain.due), ("mail the guest@example.com a note", None, None));
        assert!(follow_up("fans due:soon", now(), &bangkok()).is_err());
    }

    fn promise(owner: Option<&str>, due: Option<DateTime<Utc>>, recovery: i64) -> Promise {
        Promise {
            recovery: RecoveryId(recovery),
            position: 1,
            guest: None,
            name: None,
            category: "room upgrade".into(),
            task: "fans".into(),
            owner: owner.map(str::to_owned),
            due,
        }
    }

    #[test]
    fn a_promise_calls_its_owner_when_due_and_everyone_once_overdue() {
        let grace = Duration::minutes(10);
        let p = promise(Some("Restaurant"), Some(now()), 1);
        assert!(!p.calls("restaurant", now() - Duration::seconds(1), grace));
        assert!(p.calls("restaurant", now(), grace), "case does not count");
        assert!(!p.calls("lobby", now() + Duration::minutes(9), grace));
        assert!(p.calls("lobby", now() + Duration::minutes(10), grace));
        assert!(p.calls("", now() + Duration::minutes(10), grace), "a desk with no station too");
        assert_eq!(standing(p.due, now() + Duration::minutes(25), grace), Standing::Overdue(Duration::minutes(25)));
        assert_eq!(next_change(std::slice::from_ref(&p), now() - Duration::minutes(1), grace), Some(now()));
        assert_eq!(next_change(std::slice::from_ref(&p), now(), grace), Some(now() + grace));
        assert_eq!(next_change(&[p], now() + grace, grace), None);
    }

    #[test]
    fn the_list_puts_the_stations_own_first_then_soonest() {
        let mut list = vec![
            promise(None, None, 1),
            promise(Some("lobby"), Some(now() + Duration::hours(1)), 2),
            promise(Some("restaurant"), None, 3),
            promise(Some("restaurant"), Some(now() + Duration::hours(3)), 4),
            promise(None, Some(now()), 5),
        ];
        order(&mut list, "restaurant");
        let ids: Vec<i64> = list.iter().map(|p| p.recovery.0).collect();
        assert_eq!(ids, [4, 3, 5, 2, 1]);
    }
}
