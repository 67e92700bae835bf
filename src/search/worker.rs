//! Searches on their own thread. Each request carries a generation number; when several queries are waiting only
//! the newest is run, so a burst of typing costs one search.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use chrono::{DateTime, Utc};

use super::index::{Field, Index};
use crate::domain::GuestId;
use crate::store::SearchRow;

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
}

enum Request {
    Search { generation: u64, query: String },
    Replace(Vec<SearchRow>),
    Upsert(SearchRow),
}

/// A handle on the search thread; dropping it ends the thread.
pub struct Worker {
    requests: Sender<Request>,
}

impl Worker {
    /// Starts the thread over `rows`; each search's best `limit` results are passed to `deliver`.
    pub fn spawn(rows: Vec<SearchRow>, limit: usize, deliver: impl Fn(Results) + Send + 'static) -> Self {
        let (requests, inbox) = mpsc::channel();
        thread::spawn(move || serve(Index::new(rows), limit, &inbox, deliver));
        Self { requests }
    }

    pub fn search(&self, generation: u64, query: &str) {
        self.send(Request::Search { generation, query: query.to_owned() });
    }

    /// Replaces the whole index, as after a bulk import.
    pub fn replace(&self, rows: Vec<SearchRow>) {
        self.send(Request::Replace(rows));
    }

    /// Adds or updates one guest.
    pub fn upsert(&self, row: SearchRow) {
        self.send(Request::Upsert(row));
    }

    fn send(&self, request: Request) {
        // The thread only stops when this handle is dropped, so a failed send cannot happen while we hold it.
        let _ = self.requests.send(request);
    }
}

fn serve(mut index: Index, limit: usize, inbox: &Receiver<Request>, deliver: impl Fn(Results)) {
    while let Ok(first) = inbox.recv() {
        let mut latest = None;
        for request in std::iter::once(first).chain(inbox.try_iter()) {
            match request {
                Request::Search { generation, query } => latest = Some((generation, query)),
                Request::Replace(rows) => index = Index::new(rows),
                Request::Upsert(row) => index.upsert(row),
            }
        }
        if let Some((generation, query)) = latest {
            let found = index.search(&query, limit);
            let guests = found
                .hits
                .into_iter()
                .map(|hit| {
                    let row = index.row(hit.row);
                    FoundGuest {
                        id: row.id,
                        name: row.name.clone(),
                        greeting: row.greeting.clone(),
                        last_visit: row.last_visit,
                        field: hit.field,
                        positions: hit.positions,
                    }
                })
                .collect();
            deliver(Results { generation, query, total: found.total, guests: index.len(), found: guests });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, name: &str) -> SearchRow {
        SearchRow {
            id: GuestId(id),
            name: name.into(),
            greeting: String::new(),
            phone: String::new(),
            email: String::new(),
            tags: vec![],
            last_visit: None,
            visit_count: 0,
        }
    }

    #[test]
    fn answers_with_the_generation_asked_and_sees_upserts() {
        let (tx, rx) = mpsc::channel();
        let worker = Worker::spawn(vec![row(1, "Ann")], 10, move |r| tx.send(r).unwrap());
        worker.search(1, "ann");
        let first = rx.recv().unwrap();
        assert_eq!((first.generation, first.total, first.guests), (1, 1, 1));
        worker.upsert(row(2, "Annie"));
        worker.search(2, "ann");
        let second = rx.recv().unwrap();
        assert_eq!(second.generation, 2);
        assert_eq!(second.found.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(), ["Ann", "Annie"]);
    }
}
