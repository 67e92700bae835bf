//! The desk: the service between the screen and the book. The screen hands it effects and goes on; threads of the
//! desk carry them out, each on a connection of its own, and answer with messages for `update`:
//!
//! - the search thread owns the in-memory index, fed from the book, and answers searches (newest query wins);
//! - the reading thread loads cards, the tally, the outreach list, the log and what forms complete from (the
//!   newest request of each kind wins);
//! - the writing thread carries out writes one after another, in the order given (none is ever dropped);
//! - the watcher notices other desks' commits and says which guests changed and which heads-ups are about.
//!
//! So the screen's thread never waits on the book: while a write waits for another desk's lock, keys still echo
//! and searches still answer.

pub mod drafts;
mod outreach;
mod reads;
mod search;
mod watch;
mod writes;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use chrono::{DateTime, Utc};

use crate::store::{Store, StoreError};
use crate::tui::action::{Effect, Msg};
use crate::tui::app::App;

/// How many results a search returns: more than any screen shows.
pub const RESULT_LIMIT: usize = 200;

/// What a desk knows of itself.
#[derive(Debug, Clone)]
pub struct DeskOptions {
    /// Who is at the desk, recorded with every write.
    pub staff: String,
    /// Where the desk stands; empty when not said.
    pub station: String,
    /// How many guests a demo load adds.
    pub demo_guests: usize,
    /// How far back the watcher reads heads-ups, in minutes.
    pub heads_up_minutes: i64,
    /// How many visits in a year make a guest a regular, marked so in the result list.
    pub regular_visits: usize,
}

/// Delivers a message to the screen and counts the request answered.
#[derive(Clone)]
struct Outbox {
    deliver: Arc<dyn Fn(Msg) + Send + Sync>,
    pending: Arc<AtomicUsize>,
}

impl Outbox {
    /// A message that is not the answer to a request (the watcher's, or one of several for one request).
    fn send(&self, msg: Msg) {
        (self.deliver)(msg);
    }

    /// Says which rows `book`'s reads have passed over as unreadable since asked last, if any: the screen shows
    /// what could be read, and says what was left out.
    fn passed_over(&self, book: &Store) {
        let rows = book.unreadable();
        if !rows.is_empty() {
            self.send(Msg::Unreadable(rows));
        }
    }

    /// `count` requests are done with (answered, or replaced by a newer one of their kind).
    fn done(&self, count: usize) {
        self.pending.fetch_sub(count, Ordering::SeqCst);
    }

    /// `count` more requests, made by a thread of the desk itself (the writer telling the search thread).
    fn more(&self, count: usize) {
        self.pending.fetch_add(count, Ordering::SeqCst);
    }
}

/// A handle on the desk's threads; `close` ends them.
pub struct Desk {
    search: search::Inbox,
    reads: Sender<reads::Request>,
    writes: Sender<writes::Request>,
    stop_watching: Sender<()>,
    threads: Vec<JoinHandle<()>>,
    pending: Arc<AtomicUsize>,
    path: std::path::PathBuf,
    /// What the desk has to say once the screen is gone (where a form was kept).
    notes: Arc<Mutex<Vec<crate::i18n::Said>>>,
}

impl Desk {
    /// The desk on `store`: registers its station, then starts its threads, each with a connection of its own (the
    /// search thread builds the index while the screen comes up). Answers arrive through `deliver`.
    pub fn open(
        mut store: Store,
        options: &DeskOptions,
        deliver: impl Fn(Msg) + Send + Sync + 'static,
    ) -> Result<Self, StoreError> {
        // The name this desk's audit rows carry, so its watcher passes over its own writes.
        let session = format!("{}-{}", std::process::id(), Utc::now().timestamp_micros());
        store.set_desk(&session)?;
        store.register_station(&options.station)?;
        let mut reader = store.reopen()?;
        reader.set_desk(&session)?;
        let searcher = store.reopen()?;
        let watcher = store.reopen()?;
        let path = store.path().map_or_else(drafts::beside_server_book, std::path::Path::to_owned);
        let notes = Arc::new(Mutex::new(Vec::new()));
        let pending = Arc::new(AtomicUsize::new(0));
        let outbox = Outbox { deliver: Arc::new(deliver), pending: Arc::clone(&pending) };
        let (search_tx, search_rx) = search::channel();
        let (reads_tx, reads_rx) = mpsc::channel();
        let (writes_tx, writes_rx) = mpsc::channel();
        let (stop_watching, watching) = mpsc::channel();
        let threads = vec![
            search::spawn(searcher, options.regular_visits, search_rx, outbox.clone()),
            reads::spawn(reader, reads_rx, outbox.clone()),
            writes::spawn(
                store,
                path.clone(),
                options.clone(),
                writes_rx,
                search_tx.clone(),
                outbox.clone(),
                Arc::clone(&notes),
            ),
            watch::spawn(watcher, session, options.heads_up_minutes, watching, outbox),
        ];
        Ok(Self { search: search_tx, reads: reads_tx, writes: writes_tx, stop_watching, threads, pending, path, notes })
    }

    /// The book's file, or for a server's book where this machine keeps its drafts: drafts are kept beside it.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// Hands an effect to the thread that carries it out; the answer comes back as a message.
    pub fn perform(&self, effect: Effect) {
        self.pending.fetch_add(1, Ordering::SeqCst);
        // A thread stops only when the desk closes, so a failed send has nobody left to tell.
        let sent = match effect {
            Effect::Search { generation, query } => self.search.send(search::Request::Search { generation, query }),
            Effect::Refresh(guest) => self.search.send(search::Request::Refresh(guest)),
            Effect::LoadCard { ticket, guest } => self.reads.send(reads::Request::Card { ticket, guest }).is_ok(),
            Effect::LoadHouse => self.reads.send(reads::Request::House).is_ok(),
            Effect::LoadReport { ticket, since, until, zone } => {
                self.reads.send(reads::Request::Report { ticket, since, until, zone }).is_ok()
            }
            Effect::LoadLog { ticket } => self.reads.send(reads::Request::Log { ticket }).is_ok(),
            Effect::LoadDrill { ticket, day, now, staff } => {
                self.reads.send(reads::Request::Drill { ticket, day, now, staff }).is_ok()
            }
            Effect::LoadArrivals { ticket, day, today, zone, regular_visits } => {
                self.reads.send(reads::Request::Arrivals { ticket, day, today, zone, regular_visits }).is_ok()
            }
            Effect::LoadOutreach { ticket, now, zone, language } => {
                self.reads.send(reads::Request::Outreach { ticket, now, zone, language }).is_ok()
            }
            Effect::LoadDemo => self.writes.send(writes::Request::Demo).is_ok(),
            Effect::KeepDraft(draft) => self.writes.send(writes::Request::KeepDraft(draft)).is_ok(),
            Effect::Write { who, write } => {
                self.writes.send(writes::Request::Write { who, write: Box::new(write) }).is_ok()
            }
        };
        if !sent {
            self.pending.fetch_sub(1, Ordering::SeqCst);
        }
    }

    /// Updates the state with `msg` at `now`, then hands every effect it returns to the threads.
    pub fn dispatch(&self, app: &mut App, msg: Msg, now: DateTime<Utc>) {
        for effect in app.update(msg, now) {
            self.perform(effect);
        }
    }

    /// Hands effects `update` returned outside `dispatch` (the first search) to the threads.
    pub fn carry_out(&self, effects: Vec<Effect>) {
        for effect in effects {
            self.perform(effect);
        }
    }

    /// Whether every request handed over has been answered: for tests, which wait for the desk to settle.
    pub fn is_idle(&self) -> bool {
        self.pending.load(Ordering::SeqCst) == 0
    }

    /// Ends the threads and waits for them, once every write handed over is done: each closes its connection, so
    /// the last desk to quit leaves the whole book in the `.db` file with no write-ahead log beside it. Returns what
    /// there is to say once the screen is gone (where a form was kept).
    pub fn close(self) -> Vec<crate::i18n::Said> {
        let Self { search, reads, writes, stop_watching, threads, notes, .. } = self;
        drop((search, reads, writes, stop_watching));
        for thread in threads {
            let _ = thread.join();
        }
        notes.lock().map(|mut notes| std::mem::take(&mut *notes)).unwrap_or_default()
    }
}
