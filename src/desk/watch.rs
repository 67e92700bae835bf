//! The watcher: notices other desks' writes without a busy loop. On a connection of its own it looks at a file
//! book's `PRAGMA data_version` four times a second (sleeping between), or listens for a server book's notices of
//! each write as it commits; when another desk has committed, it reads which guests other desks changed (from the
//! audit log, passing over this desk's own rows), the heads-ups of the last while and the book's open promises, and
//! says so.

use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use chrono::Utc;

use super::Outbox;
use crate::said;
use crate::store::{Store, StoreError};
use crate::tui::action::{Link, Msg};

/// How often the book is checked for other desks' writes: well inside the one second a heads-up may take.
const WATCH_EVERY: Duration = Duration::from_millis(250);
/// How often a desk whose server has gone tries to reach it again.
const RECONNECT_EVERY: Duration = Duration::from_secs(1);
/// How often heads-ups on screen are re-read even with no write, so that expired ones go.
const HEADS_UP_REFRESH: Duration = Duration::from_secs(15);

pub(super) fn spawn(
    book: Store,
    desk: String,
    heads_up_minutes: i64,
    stop: Receiver<()>,
    outbox: Outbox,
) -> JoinHandle<()> {
    thread::spawn(move || {
        let mut seen_audit = match book.audit_head() {
            Ok(head) => head,
            Err(error) => {
                outbox.send(Msg::Failed(said!("read-watch-failed", why = crate::i18n::error(&error))));
                return;
            }
        };
        let mut version = None;
        let mut last_heads_up_read = Instant::now();
        let mut showing_heads_ups = true;
        let mut lost = false;
        let mut last_failure = None;
        loop {
            let stale = showing_heads_ups && last_heads_up_read.elapsed() >= HEADS_UP_REFRESH;
            let looked = match book.writes_mark(WATCH_EVERY) {
                Ok(mark) if Some(mark) == version && !stale => Ok(None),
                Ok(mark) => {
                    version = Some(mark);
                    last_heads_up_read = Instant::now();
                    let since = Utc::now() - chrono::Duration::minutes(heads_up_minutes + 1);
                    book.changed_since(seen_audit, &desk)
                        .and_then(|changed| Ok(Some((changed, book.heads_ups(since)?, book.promises()?))))
                }
                Err(error) => Err(error),
            };
            outbox.passed_over(&book);
            match looked {
                Ok(found) => {
                    last_failure = None;
                    if std::mem::take(&mut lost) {
                        outbox.send(Msg::Link(Link::Back));
                    }
                    if let Some(((head, guests), heads_ups, promises)) = found {
                        seen_audit = head;
                        showing_heads_ups = !heads_ups.is_empty();
                        outbox.send(Msg::Elsewhere { guests, heads_ups, promises });
                    }
                }
                Err(StoreError::Unreachable(why)) => {
                    // Once back, what other desks wrote meanwhile is read again: their notices were lost.
                    version = None;
                    if !std::mem::replace(&mut lost, true) {
                        outbox.send(Msg::Link(Link::Lost(why)));
                    }
                }
                Err(error) => {
                    let said = said!("read-changes-failed", why = crate::i18n::error(&error));
                    if last_failure.as_ref() != Some(&said) {
                        outbox.send(Msg::Failed(said.clone()));
                        last_failure = Some(said);
                    }
                }
            }
            // Sleeps between looks at a file (a server's book was waited on above), and between tries to reach a
            // server that has gone; the desk closing (its sender dropped) wakes it to close its connection.
            let wait = match (lost, book.hears_writes()) {
                (true, _) => RECONNECT_EVERY,
                (false, true) => Duration::ZERO,
                (false, false) => WATCH_EVERY,
            };
            if !matches!(stop.recv_timeout(wait), Err(RecvTimeoutError::Timeout)) {
                return;
            }
        }
    })
}
