//! Heads-ups between desks: "the guest is on the way" — floor staff tell the restaurant the guest has taken the
//! lift down, so the host greets him by name as the doors open.

use chrono::{DateTime, Duration, Utc};

use super::GuestId;

/// One heads-up, with what the banner shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadsUp {
    pub id: i64,
    pub guest: GuestId,
    pub name: String,
    pub greeting: String,
    pub from_station: String,
    /// `None`: for every station.
    pub to_station: Option<String>,
    pub note: String,
    pub sent_at: DateTime<Utc>,
    pub sent_by: String,
    pub taken: Option<Taken>,
}

/// Who took a heads-up, where and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    pub by: String,
    pub station: String,
    pub at: DateTime<Utc>,
}

impl HeadsUp {
    /// Whether a desk at `station` should see it: sent to it or to all, and not sent from it.
    pub fn is_for(&self, station: &str) -> bool {
        self.from_station != station && self.to_station.as_deref().is_none_or(|to| to == station)
    }

    /// No longer shown: untaken and older than `expiry`, or taken over a minute ago (long enough for the other
    /// desks to see who took it).
    pub fn expired(&self, now: DateTime<Utc>, expiry: Duration) -> bool {
        match &self.taken {
            None => now - self.sent_at > expiry,
            Some(taken) => now - taken.at > Duration::minutes(1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn heads_up(from: &str, to: Option<&str>) -> HeadsUp {
        HeadsUp {
            id: 1,
            guest: GuestId(1),
            name: "Yu Ming".into(),
            greeting: "于先生".into(),
            from_station: from.into(),
            to_station: to.map(str::to_owned),
            note: String::new(),
            sent_at: Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap(),
            sent_by: "Nok".into(),
            taken: None,
        }
    }

    #[test]
    fn a_heads_up_reaches_its_station_or_all_but_the_sender() {
        assert!(heads_up("lobby", None).is_for("restaurant"));
        assert!(!heads_up("lobby", None).is_for("lobby"));
        assert!(heads_up("lobby", Some("restaurant")).is_for("restaurant"));
        assert!(!heads_up("lobby", Some("restaurant")).is_for("bar"));
    }

    #[test]
    fn untaken_heads_ups_expire() {
        let h = heads_up("lobby", None);
        assert!(!h.expired(h.sent_at + Duration::minutes(14), Duration::minutes(15)));
        assert!(h.expired(h.sent_at + Duration::minutes(16), Duration::minutes(15)));
    }
}
