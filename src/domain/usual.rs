//! The rules that turn a visit history into what staff say at the counter: "the old seat?", "the usual?".

use chrono::{DateTime, Utc};

use super::text::normalise;
use super::visit::Visit;

/// How many recent visits "the usual" and the usual seat look at.
pub const USUAL_WINDOW: usize = 10;

/// Where the guest sat last, and when.
#[derive(Debug, Clone, PartialEq)]
pub struct LastSeat<'a> {
    pub seat: &'a str,
    pub at: DateTime<Utc>,
}

/// What the guest usually orders.
#[derive(Debug, Clone, PartialEq)]
pub enum TheUsual<'a> {
    /// An order repeated: `times` of the last `of_last` visits, items as written on the latest of them.
    Usual { items: &'a [String], times: usize, of_last: usize },
    /// No order has repeated yet: the last order, labelled as such.
    LastOrder { items: &'a [String], at: DateTime<Utc> },
}

impl TheUsual<'_> {
    /// The items to offer.
    pub fn items(&self) -> &[String] {
        match self {
            Self::Usual { items, .. } | Self::LastOrder { items, .. } => items,
        }
    }
}

/// The seat of the most recent visit that had one. A visit without a seat (a take-away) does not erase the old seat.
pub fn last_seat(visits: &[Visit]) -> Option<LastSeat<'_>> {
    visits.iter().rev().find(|v| !v.seat.is_empty()).map(|v| LastSeat { seat: &v.seat, at: v.at })
}

/// The most frequent seat among the last ten visits; a tie goes to the seat taken most recently.
pub fn usual_seat(visits: &[Visit]) -> Option<&str> {
    let seats = recent(visits).rev().filter(|v| !v.seat.is_empty()).map(|v| (normalise(&v.seat), v.seat.as_str()));
    most_frequent(seats).map(|(seat, _)| seat)
}

/// The most frequent order among the last ten visits, orders compared as sets of normalised items; a tie goes to the
/// order given most recently. An order given only once is reported as the last order, not as a usual.
pub fn the_usual(visits: &[Visit]) -> Option<TheUsual<'_>> {
    let of_last = recent(visits).len();
    let newest_first = recent(visits).rev().filter(|v| !v.order.is_empty());
    let (visit, times) = most_frequent(newest_first.map(|v| (order_key(&v.order), v)))?;
    Some(if times > 1 {
        TheUsual::Usual { items: &visit.order, times, of_last }
    } else {
        TheUsual::LastOrder { items: &visit.order, at: visit.at }
    })
}

fn recent(visits: &[Visit]) -> std::slice::Iter<'_, Visit> {
    visits[visits.len().saturating_sub(USUAL_WINDOW)..].iter()
}

/// An order as a set: items normalised, sorted and deduplicated, so "Coffee, egg" equals "egg, coffee".
fn order_key(order: &[String]) -> Vec<String> {
    let mut key: Vec<String> = order.iter().map(|item| normalise(item)).collect();
    key.sort_unstable();
    key.dedup();
    key
}

/// The value whose key occurs most often, with its count; among equals, the first seen. Callers pass newest first,
/// so the first seen is the most recent. At most ten items, so a linear scan beats a map.
fn most_frequent<K: PartialEq, V>(items: impl Iterator<Item = (K, V)>) -> Option<(V, usize)> {
    let mut tally: Vec<(K, V, usize)> = Vec::new();
    for (key, value) in items {
        match tally.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, count)) => *count += 1,
            None => tally.push((key, value, 1)),
        }
    }
    let best = tally.iter().map(|(_, _, count)| *count).max()?;
    tally.into_iter().find(|(_, _, count)| *count == best).map(|(_, value, count)| (value, count))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn visit(day: u32, seat: &str, order: &[&str]) -> Visit {
        Visit {
            at: Utc.with_ymd_and_hms(2025, 6, day, 12, 0, 0).unwrap(),
            seat: seat.into(),
            order: order.iter().map(|s| s.to_string()).collect(),
            party_size: None,
            staff: String::new(),
            note: String::new(),
        }
    }

    #[test]
    fn no_visits_means_nothing_to_offer() {
        assert_eq!(last_seat(&[]), None);
        assert_eq!(usual_seat(&[]), None);
        assert_eq!(the_usual(&[]), None);
    }

    #[test]
    fn last_seat_is_the_latest_visit_with_a_seat() {
        let visits = [visit(1, "Window 2", &[]), visit(2, "Bar", &[]), visit(3, "", &["coffee"])];
        let last = last_seat(&visits).unwrap();
        assert_eq!((last.seat, last.at), ("Bar", visits[1].at));
    }

    #[test]
    fn usual_seat_is_most_frequent_with_ties_to_the_latest() {
        let visits = [visit(1, "Window 2", &[]), visit(2, "window  2", &[]), visit(3, "Bar", &[])];
        assert_eq!(usual_seat(&visits), Some("window  2"));
        let tied = [visit(1, "Bar", &[]), visit(2, "Window 2", &[])];
        assert_eq!(usual_seat(&tied), Some("Window 2"));
    }

    #[test]
    fn usual_seat_only_counts_the_last_ten_visits() {
        let mut visits: Vec<Visit> = (1..=8).map(|d| visit(d, "Bar", &[])).collect();
        visits.extend((9..=17).map(|d| visit(d, "Terrace", &[])));
        assert_eq!(usual_seat(&visits), Some("Terrace"));
    }

    #[test]
    fn the_usual_compares_orders_as_normalised_sets() {
        let visits = [
            visit(1, "", &["Sandwich", "coffee", "egg"]),
            visit(2, "", &["tea"]),
            visit(3, "", &["egg", " COFFEE ", "sandwich"]),
            visit(4, "", &["coffee", "sandwich", "Egg", "egg"]),
        ];
        assert_eq!(the_usual(&visits), Some(TheUsual::Usual { items: &visits[3].order, times: 3, of_last: 4 }));
    }

    #[test]
    fn a_tie_goes_to_the_most_recent_order() {
        let visits =
            [visit(1, "", &["tea"]), visit(2, "", &["coffee"]), visit(3, "", &["coffee"]), visit(4, "", &["tea"])];
        assert_eq!(the_usual(&visits).map(|u| u.items().to_vec()), Some(vec!["tea".to_owned()]));
    }

    #[test]
    fn a_single_visit_gives_its_order_as_the_last_order() {
        let visits = [visit(5, "Bar", &["high-calcium milk"])];
        assert_eq!(the_usual(&visits), Some(TheUsual::LastOrder { items: &visits[0].order, at: visits[0].at }));
    }

    #[test]
    fn orders_never_repeated_give_the_latest_as_the_last_order() {
        let visits = [visit(1, "", &["tea"]), visit(2, "", &["coffee"]), visit(3, "", &[])];
        assert_eq!(the_usual(&visits), Some(TheUsual::LastOrder { items: &visits[1].order, at: visits[1].at }));
    }

    #[test]
    fn the_usual_only_counts_the_last_ten_visits() {
        let mut visits: Vec<Visit> = (1..=8).map(|d| visit(d, "", &["tea"])).collect();
        visits.extend((9..=12).map(|d| visit(d, "", &["coffee"])));
        assert_eq!(the_usual(&visits), Some(TheUsual::Usual { items: &visits[7].order, times: 6, of_last: 10 }));
    }
}
