//! The reading thread: cards, what forms complete from, the tally, the outreach list and the log, each read on the
//! desk's reading connection. Of several requests of one kind waiting, only the newest is read: a card skipped
//! over while scrolling is never read at all. The cards read last are remembered, so that while the book's server
//! cannot be reached the counter still shows the guests it has just seen.

use std::collections::{HashMap, VecDeque};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::thread::{self, JoinHandle};

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

use super::{Outbox, outreach};
use crate::domain::{GuestHistory, GuestId};
use crate::i18n::Language;
use crate::said;
use crate::store::{Store, StoreError};
use crate::tui::action::Msg;
use crate::tui::app::LOG_SHOWN;

/// How many of the house's most frequent items the visit form completes from.
const HOUSE_ITEMS: usize = 200;
/// How many cards are remembered for when the server cannot be reached: a shift's worth of guests.
const CARDS_REMEMBERED: usize = 256;

pub(super) enum Request {
    Card { ticket: u64, guest: GuestId },
    House,
    Report { ticket: u64, since: DateTime<Utc>, until: DateTime<Utc>, zone: FixedOffset },
    Log { ticket: u64 },
    Arrivals { ticket: u64, day: NaiveDate, today: NaiveDate, zone: FixedOffset, regular_visits: usize },
    Drill { ticket: u64, day: NaiveDate, now: DateTime<Utc>, staff: String },
    Outreach { ticket: u64, now: DateTime<Utc>, zone: FixedOffset, language: Language },
}

/// The newest request of each kind in a batch, in the order they are read: the card first (the counter waits
/// for it), then the rest.
#[derive(Default)]
struct Newest {
    card: Option<(u64, GuestId)>,
    house: bool,
    report: Option<(u64, DateTime<Utc>, DateTime<Utc>, FixedOffset)>,
    log: Option<u64>,
    arrivals: Option<(u64, NaiveDate, NaiveDate, FixedOffset, usize)>,
    drill: Option<(u64, NaiveDate, DateTime<Utc>, String)>,
    outreach: Option<(u64, DateTime<Utc>, FixedOffset, Language)>,
}

/// The cards read last, newest at the back.
#[derive(Default)]
struct Remembered {
    cards: HashMap<GuestId, GuestHistory>,
    order: VecDeque<GuestId>,
}

impl Remembered {
    fn keep(&mut self, card: &GuestHistory) {
        let guest = card.guest.id;
        if self.cards.insert(guest, card.clone()).is_some() {
            self.order.retain(|&g| g != guest);
        }
        self.order.push_back(guest);
        if self.order.len() > CARDS_REMEMBERED
            && let Some(oldest) = self.order.pop_front()
        {
            self.cards.remove(&oldest);
        }
    }
}

pub(super) fn spawn(book: Store, inbox: Receiver<Request>, outbox: Outbox) -> JoinHandle<()> {
    thread::spawn(move || {
        let mut remembered = Remembered::default();
        // An outreach list still being sent: the request counts as answered once it is all sent, or replaced.
        let mut outreach: Option<outreach::Job> = None;
        loop {
            let first = match &outreach {
                None => inbox.recv().ok(),
                Some(_) => match inbox.try_recv() {
                    Ok(request) => Some(request),
                    Err(TryRecvError::Empty) => None,
                    Err(TryRecvError::Disconnected) => break,
                },
            };
            if let Some(first) = first {
                let mut newest = Newest::default();
                let mut count = 0;
                for request in std::iter::once(first).chain(inbox.try_iter()) {
                    count += 1;
                    match request {
                        Request::Card { ticket, guest } => newest.card = Some((ticket, guest)),
                        Request::House => newest.house = true,
                        Request::Report { ticket, since, until, zone } => {
                            newest.report = Some((ticket, since, until, zone))
                        }
                        Request::Log { ticket } => newest.log = Some(ticket),
                        Request::Arrivals { ticket, day, today, zone, regular_visits } => {
                            newest.arrivals = Some((ticket, day, today, zone, regular_visits))
                        }
                        Request::Drill { ticket, day, now, staff } => newest.drill = Some((ticket, day, now, staff)),
                        Request::Outreach { ticket, now, zone, language } => {
                            newest.outreach = Some((ticket, now, zone, language))
                        }
                    }
                }
                let asked = newest.outreach.take();
                read(&book, newest, &mut remembered, &outbox);
                if let Some((ticket, now, zone, language)) = asked {
                    // A list still being sent is replaced, so answered; the new one is once it is all sent.
                    if outreach.take().is_some() {
                        outbox.done(1);
                    }
                    outreach = outreach::Job::start(&book, ticket, now, (zone, language), &outbox);
                    count -= usize::from(outreach.is_some());
                }
                outbox.passed_over(&book);
                outbox.done(count);
            } else if outreach.is_none() {
                break;
            }
            if let Some(job) = &mut outreach {
                let more = job.next(&book, &outbox);
                outbox.passed_over(&book);
                if !more {
                    outreach = None;
                    outbox.done(1);
                }
            }
        }
    })
}

fn read(book: &Store, newest: Newest, remembered: &mut Remembered, outbox: &Outbox) {
    if let Some((ticket, guest)) = newest.card {
        let card = match book.recent_history(guest) {
            Ok(card) => {
                remembered.keep(&card);
                Ok(Box::new(card))
            }
            // The screen says that the server is gone; the card as read last is better than none.
            Err(error) => match (&error, remembered.cards.get(&guest)) {
                (StoreError::Unreachable(_), Some(card)) => Ok(Box::new(card.clone())),
                _ => Err(said!("read-guest-failed", why = crate::i18n::error(&error))),
            },
        };
        outbox.send(Msg::Card { ticket, card });
    }
    if newest.house {
        let read =
            || -> Result<_, StoreError> { Ok((book.house_items(HOUSE_ITEMS)?, book.categories()?, book.stations()?)) };
        outbox.send(match read() {
            Ok((items, categories, stations)) => Msg::House { items, categories, stations },
            Err(error) => Msg::Failed(said!("read-house-failed", why = crate::i18n::error(&error))),
        });
    }
    if let Some((ticket, since, until, zone)) = newest.report {
        outbox.send(match book.tally(since, until) {
            Ok(tally) => Msg::Report { ticket, tally: Box::new(tally) },
            Err(error) => Msg::Failed(said!("read-mishaps-failed", why = crate::i18n::error(&error))),
        });
        let visits = book.visit_times().and_then(|visits| Ok((visits, book.letters()?)));
        outbox.send(match visits {
            Ok((visits, letters)) => Msg::Returns {
                ticket,
                returns: Box::new(crate::domain::returns::returns(&visits, &letters, until, zone)),
            },
            Err(error) => Msg::Failed(said!("read-mishaps-failed", why = crate::i18n::error(&error))),
        });
    }
    if let Some((ticket, day, today, zone, regular_visits)) = newest.arrivals {
        outbox.send(match book.tonight(day, today, zone, regular_visits) {
            Ok(rows) => Msg::Arrivals { ticket, rows },
            Err(error) => Msg::Failed(said!("read-arrivals-failed", why = crate::i18n::error(&error))),
        });
    }
    if let Some((ticket, day, now, staff)) = newest.drill {
        outbox.send(match book.drill_deck(&staff, day, now, None) {
            Ok(deck) => Msg::Drill { ticket, deck: Box::new(deck) },
            Err(error) => Msg::Failed(said!("read-drill-failed", why = crate::i18n::error(&error))),
        });
    }
    if let Some(ticket) = newest.log {
        outbox.send(match book.latest_audit_entries(LOG_SHOWN) {
            Ok(entries) => Msg::Log { ticket, entries },
            Err(error) => Msg::Failed(said!("read-log-failed", why = crate::i18n::error(&error))),
        });
    }
}
