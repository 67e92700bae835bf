//! Searches on their own thread. Each request carries a generation number; when several queries are waiting only
//! the newest is run, so a burst of typing costs one search. The index is built on this thread too, so the screen
//! is drawn and typed into while a large book loads.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use chrono::{DateTime, Utc};

use super::index::{Field, Found, Index};
use crate::domain::GuestId;

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
    Search { generation: u64, query: String },
    Replace(Box<Index>),
}

/// A handle on the search thread; dropping it ends the thread.
pub struct Worker {
    requests: Sender<Request>,
}

impl Worker {
    /// Starts the thread: it builds the index with `load`, then answers searches with their best `limit` results,
    /// passed to `deliver`. If `load` fails, its error is delivered to `failed` and no search is answered.
    pub fn spawn<E: Send + 'static>(
        load: impl FnOnce() -> Result<Index, E> + Send + 'static,
        limit: usize,
        deliver: impl Fn(Results) + Send + 'static,
        failed: impl FnOnce(E) + Send + 'static,
    ) -> Self {
        let (requests, inbox) = mpsc::channel();
        thread::spawn(move || match load() {
            Ok(index) => serve(index, limit, &inbox, deliver),
            Err(error) => failed(error),
        });
        Self { requests }
    }

    pub fn search(&self, generation: u64, query: &str) {
        self.send(Request::Search { generation, query: query.to_owned() });
    }

    /// Replaces the whole index, as after a bulk import.
    pub fn replace(&self, index: Index) {
        self.send(Request::Replace(Box::new(index)));
    }

    fn send(&self, request: Request) {
        // The thread stops only when this handle is dropped or the book failed to load (already reported), so a
        // failed send has nothing left to tell.
        let _ = self.requests.send(request);
    }
}

fn serve(mut index: Index, limit: usize, inbox: &Receiver<Request>, deliver: impl Fn(Results)) {
    while let Ok(first) = inbox.recv() {
        let mut latest = None;
        for request in std::iter::once(first).chain(inbox.try_iter()) {
            match request {
                Request::Search { generation, query } => latest = Some((generation, query)),
                Request::Replace(new) => index = *new,
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
    use crate::store::SearchRow;

    fn index(names: &[&'static str]) -> Index {
        let mut index = Index::default();
        for (i, name) in names.iter().enumerate() {
            index.upsert(&SearchRow {
                id: GuestId(i as i64 + 1),
                name,
                greeting: "",
                phone: "",
                email: "",
                tags: vec![],
                name_key: name,
                greeting_key: "",
                last_visit: None,
                visit_count: 0,
            });
        }
        index
    }

    #[test]
    fn answers_with_the_generation_asked_and_serves_a_replaced_index() {
        let (tx, rx) = mpsc::channel();
        let worker = Worker::spawn(|| Ok::<_, ()>(index(&["Ann"])), 10, move |r| tx.send(r).unwrap(), |()| {});
        worker.search(1, "ann");
        let first = rx.recv().unwrap();
        assert_eq!((first.generation, first.total, first.guests), (1, 1, 1));
        worker.replace(index(&["Ann", "Annie"]));
        worker.search(2, "ann");
        let second = rx.recv().unwrap();
        assert_eq!(second.generation, 2);
        assert_eq!(second.found.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(), ["Ann", "Annie"]);
    }

    #[test]
    fn a_failed_load_is_reported() {
        let (tx, rx) = mpsc::channel();
        let worker = Worker::spawn(|| Err("locked"), 10, |_| {}, move |e| tx.send(e).unwrap());
        worker.search(1, "x");
        assert_eq!(rx.recv().unwrap(), "locked");
    }
}
