//! The name drill: tonight's guests as flashcards — what staff would see or hear of them (the usual, the usual seat,
//! the last visit, the booking's note, the party) — answered with the name or the greeting. A card answered right
//! comes back later each time (a Leitner box: a day, three, a week, two weeks, a month), one missed comes back at
//! once and starts over: kept per staff member in the book, so each learns the names they do not know yet.

use chrono::{DateTime, Duration, Utc};

use super::GuestId;

/// How long a card rests after being answered right from each box, in days.
const REST_DAYS: [i64; 5] = [1, 3, 7, 14, 30];

/// The highest box: a guest known by heart.
pub const TOP_BOX: u8 = REST_DAYS.len() as u8;

/// Where a staff member stands with a guest's card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub guest: GuestId,
    /// The Leitner box: 0, not known (never answered right, or missed last time); higher, answered right that many
    /// times running.
    pub level: u8,
    pub due: DateTime<Utc>,
}

impl Progress {
    /// A card never drilled: due now, in the first box.
    pub fn new(guest: GuestId, now: DateTime<Utc>) -> Self {
        Self { guest, level: 0, due: now }
    }

    /// The card answered at `now`: right moves it up a box and rests it; wrong sends it back to the first, due now.
    pub fn answered(self, right: bool, now: DateTime<Utc>) -> Self {
        if !right {
            return Self { level: 0, due: now, ..self };
        }
        let rest = REST_DAYS[usize::from(self.level).min(REST_DAYS.len() - 1)];
        Self { level: (self.level + 1).min(TOP_BOX), due: now + Duration::days(rest), ..self }
    }

    /// Whether the staff member knows this guest: answered right last time.
    pub fn known(&self) -> bool {
        self.level > 0
    }
}

/// The order cards are asked in: those due first (missed ones, then the longest due), then the rest, least known
/// first; a card not due yet still comes, so that a drill before the doors open covers the whole night.
pub fn order(cards: &mut [Progress]) {
    cards.sort_by_key(|card| (card.level, card.due, card.guest.0));
}

/// One drill, card by card: a card missed is asked once more before the end; the score counts where each card of
/// the deck stands after it (a card not reached yet as it came).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Session {
    queue: Vec<Progress>,
    results: Vec<Progress>,
    again: Vec<GuestId>,
    asked: usize,
}

impl Session {
    /// A drill of `deck`, in the order given.
    pub fn new(deck: Vec<Progress>) -> Self {
        Self { results: deck.clone(), queue: deck, again: Vec::new(), asked: 0 }
    }

    /// The card being asked, if any is left.
    pub fn current(&self) -> Option<&Progress> {
        self.queue.first()
    }

    /// "Card `n` of `total`": the card being asked (from 1) and how many the drill holds now (a miss adds one).
    pub fn place(&self) -> (usize, usize) {
        (self.asked + 1, self.results.len() + self.again.len())
    }

    /// The current card answered at `now`, rightly or not: how it stands now (for the book to keep).
    pub fn answer(&mut self, right: bool, now: DateTime<Utc>) -> Option<Progress> {
        if self.queue.is_empty() {
            return None;
        }
        let card = self.queue.remove(0);
        self.asked += 1;
        let answered = card.answered(right, now);
        if !right && !self.again.contains(&card.guest) {
            self.again.push(card.guest);
            self.queue.push(answered);
        }
        if let Some(result) = self.results.iter_mut().find(|r| r.guest == card.guest) {
            *result = answered;
        }
        Some(answered)
    }

    /// How many of the deck's guests are known, of how many.
    pub fn score(&self) -> (usize, usize) {
        (self.results.iter().filter(|card| card.known()).count(), self.results.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_card_answered_right_rests_longer_each_time_and_a_miss_starts_it_over() {
        let now = Utc.with_ymd_and_hms(2026, 12, 3, 17, 0, 0).unwrap();
        let card = Progress::new(GuestId(1), now);
        let once = card.answered(true, now);
        assert_eq!((once.level, once.due), (1, now + Duration::days(1)));
        let twice = once.answered(true, now);
        assert_eq!((twice.level, twice.due), (2, now + Duration::days(3)));
        let missed = twice.answered(false, now);
        assert_eq!((missed.level, missed.due, missed.known()), (0, now, false));
        let mut top = card;
        for _ in 0..10 {
            top = top.answered(true, now);
        }
        assert_eq!((top.level, top.due), (TOP_BOX, now + Duration::days(30)));
    }

    #[test]
    fn a_miss_is_asked_once_more_and_the_score_counts_the_whole_deck() {
        let now = Utc.with_ymd_and_hms(2026, 12, 3, 17, 0, 0).unwrap();
        let known = Progress::new(GuestId(3), now).answered(true, now);
        let mut session = Session::new(vec![Progress::new(GuestId(1), now), Progress::new(GuestId(2), now), known]);
        assert_eq!((session.current().map(|c| c.guest), session.place()), (Some(GuestId(1)), (1, 3)));
        session.answer(true, now);
        session.answer(false, now);
        assert_eq!(session.place(), (3, 4), "the miss comes back: a card more");
        assert_eq!(session.current().map(|c| c.guest), Some(GuestId(3)));
        session.answer(true, now);
        assert_eq!(session.current().map(|c| c.guest), Some(GuestId(2)), "the miss, again");
        session.answer(false, now);
        assert_eq!(session.current(), None, "asked again once only");
        assert_eq!(session.score(), (2, 3));
    }

    #[test]
    fn the_least_known_come_first() {
        let now = Utc.with_ymd_and_hms(2026, 12, 3, 17, 0, 0).unwrap();
        let known = Progress::new(GuestId(1), now).answered(true, now);
        let missed = Progress::new(GuestId(2), now).answered(false, now);
        let mut cards = vec![known, Progress::new(GuestId(3), now), missed];
        order(&mut cards);
        let ids: Vec<i64> = cards.iter().map(|c| c.guest.0).collect();
        assert_eq!(ids, [2, 3, 1]);
    }
}
