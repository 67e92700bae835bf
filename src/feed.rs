//! The search index fed from the book: the whole book for the screen's search thread, or only the guests a query
//! can match for a command that searches once. The store reads rows; the index takes them; neither knows the other.
//! A guest whose row cannot be read is left out, and noted on the store (see `Store::unreadable`).

use std::ops::RangeInclusive;
use std::thread;

use chrono::{DateTime, Utc};
use thiserror::Error;

use crate::domain::GuestId;
use crate::domain::regular::Recent;
use crate::search::{Found, Index, Needs};
use crate::store::{Store, StoreError};

/// Why the index could not be read: the book failed, or a reading thread stopped — never a half index.
#[derive(Debug, Error)]
pub enum FeedError {
    #[error(transparent)]
    Book(#[from] StoreError),
    #[error("reading the guest book for search stopped half way; nothing was searched")]
    Lost,
}

/// Every guest in the book with every spelling, read in one pass: for whoever needs it all before searching.
pub fn whole_book(store: &Store) -> Result<Index, FeedError> {
    let mut index = masked(store, Some(&Needs::any_guest()))?;
    index.shrink();
    Ok(index)
}

/// Every guest in the book by their names, not yet their other spellings (see `spellings`): what the screen's first
/// results need, a fifth sooner than the whole.
pub fn names(store: &Store) -> Result<Index, FeedError> {
    let mut index = masked(store, None)?;
    index.shrink();
    Ok(index)
}

/// The other spellings of every guest who has any, into an index read by `names`.
pub fn spellings(store: &Store, index: &mut Index) -> Result<(), FeedError> {
    index.reserve_spellings(index.len());
    store.spelling_rows(0..=i64::MAX, |id, spellings| index.spell(id, spellings))?;
    index.shrink();
    Ok(())
}

/// What follows the first results, read side by side on two connections: the other spellings into `index`, and
/// the visits that mark regulars in the list into `recent` (the one hidden behind the other).
pub fn after_first(
    store: &Store,
    index: &mut Index,
    recent: &mut Recent,
) -> (Result<(), FeedError>, Result<(), FeedError>) {
    thread::scope(|scope| {
        let other = store.reopen();
        let reading = scope.spawn(move || {
            let other = other?;
            let read = self::recent(&other, 0..=i64::MAX, recent);
            Ok::<_, StoreError>((read, other.unreadable()))
        });
        let spelled = spellings(store, index);
        let read = match reading.join() {
            Ok(Ok((read, unreadable))) => {
                store.note_unreadable(unreadable);
                read.map_err(FeedError::from)
            }
            Ok(Err(error)) => Err(FeedError::from(error)),
            Err(_) => Err(FeedError::Lost),
        };
        (spelled, read)
    })
}

/// The visits that can make each guest in `ids` a regular in the result list, into `recent` (see
/// `domain::regular::Recent`).
pub fn recent(store: &Store, ids: RangeInclusive<i64>, recent: &mut Recent) -> Result<(), StoreError> {
    let mut guest: Option<(GuestId, Vec<DateTime<Utc>>)> = None;
    store.recent_visits(ids, recent.least(), |id, at| match &mut guest {
        Some((of, times)) if *of == id => times.push(at),
        _ => {
            if let Some((of, times)) = guest.replace((id, vec![at])) {
                recent.set(of, times);
            }
        }
    })?;
    if let Some((of, times)) = guest {
        recent.set(of, times);
    }
    Ok(())
}

/// One search of the book, for a command that searches once (`regulars find`): reads only the guests whose stored
/// bits can hold each of the query's terms (see `Needs`), which skips most of the book; when none of them matches,
/// reads them all for matches one typo away. Returns the index read, for the hits' details.
pub fn find_once(store: &Store, query: &str, limit: usize) -> Result<(Index, Found), FeedError> {
    let needs = Needs::of(query);
    let mut index = masked(store, Some(&needs))?;
    let found = index.search(query, limit);
    if found.total > 0 || needs.everyone() {
        return Ok((index, found));
    }
    let mut index = whole_book(store)?;
    let found = index.search(query, limit);
    Ok((index, found))
}

/// The guests who may match a query needing `needs`, with their other spellings (or every guest without them, for
/// no `needs`), read in two halves on two connections and threads (reading rows is most of opening a book). Ids are
/// nearly dense, so each half reserves room for its ids.
fn masked(store: &Store, needs: Option<&Needs>) -> Result<Index, FeedError> {
    let Some((low, high)) = store.guest_ids()? else { return Ok(Index::default()) };
    let middle = low + (high - low) / 2;
    let other = store.reopen()?;
    let read = |store: &Store, ids: RangeInclusive<i64>, room: i64| -> Result<Index, FeedError> {
        // The lower half reserves for the whole book, as the upper half is appended to it.
        let room = usize::try_from(room).unwrap_or(0);
        let mut part = Index::with_room(room);
        if let Some(needs) = needs {
            part.reserve_spellings(room);
            store.search_rows(ids, needs, |row| part.upsert(row))?;
        } else {
            store.search_rows_unspelled(ids, |row| part.upsert(row))?;
        }
        Ok(part)
    };
    let (lower, upper) = thread::scope(|scope| {
        // The connection moves to the thread: a connection is used by one thread at a time.
        let upper = scope.spawn(move || {
            let part = read(&other, middle + 1..=high, high - middle);
            (part, other.unreadable())
        });
        let lower = read(store, low..=middle, high - low + 1);
        let upper = upper.join().map_or(Err(FeedError::Lost), |(part, unreadable)| {
            store.note_unreadable(unreadable);
            part
        });
        (lower, upper)
    });
    let mut index = lower?;
    index.append(upper?);
    Ok(index)
}
