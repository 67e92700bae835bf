//! The outreach list, read a part at a time on the reading thread: first whom to write to (from the guests' own
//! rows, quick at any size), then their rows a page of guests at a time, each part sent as it is read. Between parts
//! the thread answers what else the counter asks (a card while typing), so a long list never holds it up.

use chrono::{DateTime, FixedOffset, Utc};

use super::Outbox;
use crate::domain::GuestId;
use crate::domain::outreach::{Occasion, Prospect, prospects};
use crate::i18n::Language;
use crate::report::outreach_rows;
use crate::said;
use crate::store::Store;
use crate::tui::action::Msg;
use crate::tui::app::{OUTREACH_BIRTHDAYS, OUTREACH_LAPSED};

/// How many guests the first part holds: a screen's worth, to show at once.
const FIRST_PART: usize = 60;
/// How many guests each later part holds.
const PART: usize = 500;

/// An outreach list being read.
pub(super) struct Job {
    ticket: u64,
    zone: FixedOffset,
    language: Language,
    prospects: Vec<Prospect>,
    sent: usize,
}

impl Job {
    /// Draws up the list of whom to write to, and sends its first part; `None` when that is all (or it failed, which
    /// is said).
    pub(super) fn start(
        book: &Store,
        ticket: u64,
        now: DateTime<Utc>,
        (zone, language): (FixedOffset, Language),
        outbox: &Outbox,
    ) -> Option<Self> {
        let today = now.with_timezone(&zone).date_naive();
        let lapsed_before = now - chrono::Duration::days(OUTREACH_LAPSED);
        match book.outreach(lapsed_before) {
            Ok(standings) => {
                let prospects = prospects(&standings, now, today, OUTREACH_BIRTHDAYS, OUTREACH_LAPSED);
                let mut job = Self { ticket, zone, language, prospects, sent: 0 };
                job.next(book, outbox).then_some(job)
            }
            Err(error) => {
                outbox.send(Msg::Failed(said!("read-outreach-failed", why = crate::i18n::error(&error))));
                None
            }
        }
    }

    /// Sends the next part; false once the list is all sent (or a part failed, which is said).
    pub(super) fn next(&mut self, book: &Store, outbox: &Outbox) -> bool {
        let first = self.sent == 0;
        let part =
            &self.prospects[self.sent..(self.sent + if first { FIRST_PART } else { PART }).min(self.prospects.len())];
        let ids: Vec<GuestId> = part.iter().map(|p| p.guest).collect();
        let histories = match book.outreach_page(&ids) {
            Ok(histories) => histories,
            Err(error) => {
                outbox.send(Msg::Failed(said!("read-outreach-failed", why = crate::i18n::error(&error))));
                return false;
            }
        };
        let rows = outreach_rows(part, &histories, self.zone, self.language);
        self.sent += part.len();
        let more = self.sent < self.prospects.len();
        let counts = first.then(|| {
            let on = |page| self.prospects.iter().filter(|p| p.reasons.iter().any(|r| r.occasion() == page)).count();
            [on(Occasion::Birthday), on(Occasion::Lapsed)]
        });
        outbox.send(Msg::Outreach { ticket: self.ticket, rows, counts, more });
        more
    }
}
