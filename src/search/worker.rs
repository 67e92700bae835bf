//! Searches on their own thread. Each request carries a generation number; when several queries are waiting only
//! the newest is run, so a burst of typing costs one search. The index is built on this thread too, so the screen
//! is drawn and typed into while a large book loads.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use chrono::{DateTime, Utc};

use super::index::{Field, Found, Index};
use crate::domain::GuestId;
use crate::store::{Store, StoreError};

/// One guest in a result list, with what the list shows.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundGuest {
    pub id: GuestId,
    pub name: String,
    pub greeting: String,
    pub last_visit: Option<DateTime<Utc>>,
    pub field: Field,
    /// Matched character positions in `name`.
    pub positions: Vec<usize>,
}

/// The answer to one search request.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub generation: u64,
    pub query: String,
    /// How many guests matched in all.
    pub total: usize,
    /// How many guests the index holds.
    pub guests: usize,
    pub found: Vec<FoundGuest>,
    /// Nothing matched as typed; these are one typo away.
    pub close: bool,
}

impl Results {
    /// What a search found, with what the list shows of each guest.
    pub fn new(index: &Index, generation: u64, query: String, found: Found) -> Self {
        let shown = found
            .hits
            .into_iter()
            .map(|hit| {
                let guest = index.guest(hit.entry);
                FoundGuest {
                    id: guest.id,
                    name: guest.name.to_owned(),
                    greeting: guest.greeting.to_owned(),
                    last_visit: guest.last_visit,
                    field: hit.field,
                    positions: hit.positions,
                }
            })
            .collect();
        Self { generation, query, total: found.total, guests: index.len(), found: shown, close: found.close }
    }
}

enum Request {
    Search {
        generation: u64,
        query: String,
    },
    /// Read one guest again after a write: new and edited guests are found at once, removed ones no more.
    Refresh(GuestId),
    /// Read the whole book again, as after a bulk import.
    Reload,
}

/// A handle on the search thread; dropping it ends the thread.
pub struct Worker {
    requests: Sender<Request>,
    thread: thread::JoinHandle<()>,
}

impl Worker {
    /// Starts the thread on its own connection to the book: it builds the index, then answers searches with their
    /// best `limit` results, passed to `deliver`. A failure to read the book is passed to `failed`.
    pub fn spawn(
        book: Store,
        limit: usize,
        deliver: impl Fn(Results) + Send + 'static,
        failed: impl Fn(StoreError) + Send + 'static,
    ) -> Self {
        let (requests, inbox) = mpsc::channel();
        let thread = thread::spawn(move || match Index::load(&book) {
            Ok(index) => serve(index, &book, limit, &inbox, deliver, failed),
            Err(error) => failed(error),
        });
        Self { requests, thread }
    }

    /// Ends the thread and waits until it has let go of its connection to the book.
    pub fn stop(self) {
        drop(self.requests);
        let _ = self.thread.join();
    }

    pub fn search(&self, generation: u64, query: &str) {
        self.send(Request::Search { generation, query: query.to_owned() });
    }

    pub fn refresh(&self, guest: GuestId) {
        self.send(Request::Refresh(guest));
    }

    pub fn reload(&self) {
        self.send(Request::Reload);
    }

    fn send(&self, request: Request) {
        // The thread stops only when this handle is dropped or the book failed to load (already reported), so a
        // failed send has nothing left to tell.
        let _ = self.requests.send(request);
    }
}

fn serve(
    mut index: Index,
    book: &Store,
    limit: usize,
    inbox: &Receiver<Request>,
    deliver: impl Fn(Results),
    failed: impl Fn(StoreError),
) {
    while let Ok(first) = inbox.recv() {
        let mut latest = None;
        for request in std::iter::once(first).chain(inbox.try_iter()) {
            let read = match request {
                Request::Search { generation, query } => {
                    latest = Some((generation, query));
                    Ok(())
                }
                Request::Refresh(guest) => {
                    let mut found = false;
                    let read = book.search_rows(guest.0..=guest.0, 0, |row| {
                        found = true;
                        index.upsert(row);
                    });
                    if read.is_ok() && !found {
                        index.remove(guest);
                    }
                    read
                }
                Request::Reload => Index::load(book).map(|new| index = new),
            };
            if let Err(error) = read {
                failed(error);
            }
        }
        if let Some((generation, query)) = latest {
            let found = index.search(&query, limit);
            deliver(Results::new(&index, generation, query, found));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{GuestRecord, Profile};
    use crate::store::DEFAULT_BUSY_TIMEOUT;

    fn record(name: &str) -> GuestRecord {
        GuestRecord {
            profile: Profile { name: name.into(), ..Profile::default() },
            visits: vec![],
            recoveries: vec![],
            noted: None,
            written: Vec::new(),
        }
    }

    #[test]
    fn answers_with_the_generation_asked_and_sees_writes_it_is_told_of() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("book.db");
        let mut store = Store::open(&path, DEFAULT_BUSY_TIMEOUT).unwrap();
        store.import(vec![record("Ann")], "test", "test").unwrap();
        let (tx, rx) = mpsc::channel();
        let worker = Worker::spawn(store.reopen().unwrap(), 10, move |r| tx.send(r).unwrap(), |_| {});
        worker.search(1, "ann");
        let first = rx.recv().unwrap();
        assert_eq!((first.generation, first.total, first.guests), (1, 1, 1));
        let annie = store.add_guest(Profile { name: "Annie".into(), ..Profile::default() }, "test").unwrap();
        worker.refresh(annie);
        worker.search(2, "ann");
        let second = rx.recv().unwrap();
        assert_eq!(second.generation, 2);
        assert_eq!(second.found.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(), ["Ann", "Annie"]);
        store.import(vec![record("Anna")], "test", "test").unwrap();
        worker.reload();
        worker.search(3, "ann");
        assert_eq!(rx.recv().unwrap().total, 3);
    }
}
