//! The watcher: notices other desks' writes without a busy loop. On a connection of its own it looks at a file
//! book's `PRAGMA data_version` four times a second (sleeping between), or listens for a server book's notices of
//! each write as it commits; when another desk has committed, it reads which guests other desks changed (from the
//! audit log, passing over this desk's own rows) and the heads-ups of the last while, and says so.

use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use chrono::Utc;

use super::Outbox;
use crate::store::Store;
use crate::tui::action::Msg;

/// How often the book is checked for other desks' writes: well inside the one second a heads-up may take.
const WATCH_EVERY: Duration = Duration::from_millis(250);
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
                outbox.send(Msg::Failed(format!("Cannot watch for other desks' writes: {error}")));
                return;
            }
        };
        let mut version = None;
        let mut last_heads_up_read = Instant::now();
        let mut showing_heads_ups = true;
        loop {
            let current = book.writes_mark(WATCH_EVERY).ok();
            let stale = showing_heads_ups && last_heads_up_read.elapsed() >= HEADS_UP_REFRESH;
            if current != version || stale {
                version = current;
                last_heads_up_read = Instant::now();
                let since = Utc::now() - chrono::Duration::minutes(heads_up_minutes + 1);
                let read =
                    book.changed_since(seen_audit, &desk).and_then(|changed| Ok((changed, book.heads_ups(since)?)));
                outbox.send(match read {
                    Ok(((head, guests), heads_ups)) => {
                        seen_audit = head;
                        showing_heads_ups = !heads_ups.is_empty();
                        Msg::Elsewhere { guests, heads_ups }
                    }
                    Err(error) => Msg::Failed(format!("Cannot read other desks' changes: {error}")),
                });
            }
            // Sleeps between looks at a file (a server's book was waited on above); the desk closing (its sender
            // dropped) wakes it to close its connection.
            let wait = if book.hears_writes() { Duration::ZERO } else { WATCH_EVERY };
            if !matches!(stop.recv_timeout(wait), Err(RecvTimeoutError::Timeout)) {
                return;
            }
        }
    })
}
