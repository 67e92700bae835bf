//! The search thread: builds the index from the book on a connection of its own (while the screen comes up), then
//! answers searches, the newest query of a burst of typing only; the names' other spellings and the visits that
//! mark regulars follow the first answer; while no request waits, it answers the first keystrokes ahead (see
//! `Index::answer_ahead`). It rereads a guest it is told changed, and the whole book after a bulk load. A failed
//! load is said on screen; the index is never half a book (a guest whose row cannot be read is left out, and said).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread::{self, JoinHandle};

use super::{Outbox, RESULT_LIMIT};
use crate::domain::GuestId;
use crate::domain::regular::Recent;
use crate::feed::{self, FeedError};
use crate::said;
use crate::search::{Index, Needs, Results};
use crate::store::Store;
use crate::tui::action::Msg;

pub(super) enum Request {
    Search {
        generation: u64,
        query: String,
    },
    /// Read one guest again after a write: new and edited guests are found at once, removed ones no more.
    Refresh(GuestId),
    /// Read the whole book again, as after a bulk import.
    Reload,
}

/// Where the search thread's requests are sent, counted as they go in: an answer ahead of the keys gives way as
/// soon as one waits.
#[derive(Clone)]
pub(super) struct Inbox {
    requests: Sender<Request>,
    waiting: Arc<AtomicUsize>,
}

impl Inbox {
    /// Hands a request over; false when the search thread is gone.
    pub(super) fn send(&self, request: Request) -> bool {
        self.waiting.fetch_add(1, Ordering::SeqCst);
        let sent = self.requests.send(request).is_ok();
        if !sent {
            self.waiting.fetch_sub(1, Ordering::SeqCst);
        }
        sent
    }
}

/// The search thread's requests as the thread takes them: each taken one no longer waits.
pub(super) struct Requests {
    requests: Receiver<Request>,
    waiting: Arc<AtomicUsize>,
}

impl Requests {
    fn taken(&self, request: Request) -> Request {
        self.waiting.fetch_sub(1, Ordering::SeqCst);
        request
    }

    fn try_next(&self) -> Result<Request, TryRecvError> {
        self.requests.try_recv().map(|request| self.taken(request))
    }

    fn next(&self) -> Option<Request> {
        self.requests.recv().ok().map(|request| self.taken(request))
    }
}

/// A channel to a search thread.
pub(super) fn channel() -> (Inbox, Requests) {
    let (requests, inbox) = mpsc::channel();
    let waiting = Arc::new(AtomicUsize::new(0));
    (Inbox { requests, waiting: Arc::clone(&waiting) }, Requests { requests: inbox, waiting })
}

/// The search thread on `book`, marking guests with `regular_visits` visits in a year regulars.
pub(super) fn spawn(book: Store, regular_visits: usize, inbox: Requests, outbox: Outbox) -> JoinHandle<()> {
    thread::spawn(move || {
        let mut recent = Recent::new(regular_visits);
        let mut index = match feed::names(&book) {
            Ok(index) => Some(index),
            Err(error) => {
                outbox.send(Msg::Failed(said!("read-search-failed", why = feed_error(&error))));
                None
            }
        };
        outbox.passed_over(&book);
        // The other spellings and the regulars' visits are read once the first results are out (a fifth of opening
        // the book, and nobody has typed a name yet); a query answered without them is answered again with them.
        let mut unfinished = index.is_some();
        while let Some(first) = next(&inbox, index.as_mut()) {
            let batch: Vec<Request> =
                std::iter::once(first).chain(std::iter::from_fn(|| inbox.try_next().ok())).collect();
            let count = batch.len();
            let mut latest = None;
            for request in batch {
                match request {
                    Request::Search { generation, query } => latest = Some((generation, query)),
                    Request::Refresh(guest) => refresh(&book, index.as_mut(), &mut recent, guest, &outbox),
                    Request::Reload => match feed::names(&book) {
                        Ok(new) => (index, recent, unfinished) = (Some(new), Recent::new(regular_visits), true),
                        Err(error) => outbox.send(Msg::Failed(said!("read-again-failed", why = feed_error(&error)))),
                    },
                }
            }
            let Some(index) = index.as_mut() else {
                outbox.passed_over(&book);
                outbox.done(count);
                continue;
            };
            if let Some((generation, query)) = &latest {
                answer(index, &recent, *generation, query, &outbox);
            }
            outbox.passed_over(&book);
            // The desk is idle once the whole index is read, what follows the first answer included.
            if unfinished {
                unfinished = false;
                let (spelled, read) = feed::after_first(&book, index, &mut recent);
                if let Err(error) = spelled {
                    outbox.send(Msg::Failed(said!("read-spellings-failed", why = feed_error(&error))));
                }
                if let Err(error) = read {
                    outbox.send(Msg::Failed(said!("read-regulars-failed", why = feed_error(&error))));
                }
                if let Some((generation, query)) = latest {
                    answer(index, &recent, generation, &query, &outbox);
                }
                outbox.passed_over(&book);
            }
            outbox.done(count);
        }
    })
}

/// The next request; while none is waiting, the index answers the first keystrokes ahead, one at a time so that a
/// key typed meanwhile waits for one scan at most. `None` once the desk is closed.
fn next(inbox: &Requests, mut index: Option<&mut Index>) -> Option<Request> {
    loop {
        match inbox.try_next() {
            Ok(request) => return Some(request),
            Err(TryRecvError::Disconnected) => return None,
            Err(TryRecvError::Empty) => {
                let waiting = &inbox.waiting;
                let stop = || waiting.load(Ordering::SeqCst) > 0;
                if !index.as_mut().is_some_and(|index| index.answer_ahead(RESULT_LIMIT, &stop)) {
                    return inbox.next();
                }
            }
        }
    }
}

fn answer(index: &mut Index, recent: &Recent, generation: u64, query: &str, outbox: &Outbox) {
    // Scoring cannot panic on any input; were it to, the desk says so and searches on.
    match catch_unwind(AssertUnwindSafe(|| index.search(query, RESULT_LIMIT))) {
        Ok(found) => outbox.send(Msg::Results(Results::new(index, recent, generation, query.to_owned(), found))),
        Err(_) => outbox.send(Msg::Failed(said!("read-search-query-failed", query = query))),
    }
}

/// One guest read again into the index, with the visits that can make them a regular, or taken out of it when
/// they are gone.
fn refresh(book: &Store, index: Option<&mut Index>, recent: &mut Recent, guest: GuestId, outbox: &Outbox) {
    let Some(index) = index else { return };
    let mut found = false;
    let read = book.search_rows(guest.0..=guest.0, &Needs::any_guest(), |row| {
        found = true;
        index.upsert(row);
    });
    recent.set(guest, Vec::new());
    let read = read.and_then(|()| feed::recent(book, guest.0..=guest.0, recent));
    match read {
        Ok(()) if !found => index.remove(guest),
        Ok(()) => {}
        Err(error) => {
            outbox.send(Msg::Failed(said!("read-guest-again-failed", id = guest.0, why = crate::i18n::error(&error))))
        }
    }
}

/// A failure to feed the index, in the desk's words.
fn feed_error(error: &FeedError) -> crate::i18n::Said {
    match error {
        FeedError::Book(error) => crate::i18n::error(error),
        FeedError::Lost => said!("read-feed-lost"),
    }
}
