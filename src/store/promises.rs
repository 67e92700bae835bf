//! The book's promises: every open follow-up of an open recovery, with its guest, owner and due time, for the
//! promises list, each station's banner and `regulars promises`.

use super::Result;
use super::Store;
use super::history::{FOLLOW_UP_COLUMNS, follow_up_from_row};
use super::unreadable::Kind;
use crate::domain::promise::Promise;
use crate::domain::{GuestId, RecoveryId};

impl Store {
    /// Every follow-up not ticked of a recovery not resolved, as recorded (see `promise::order` for the list's
    /// order): read along the index of open follow-ups, however many years of ticked ones the book holds.
    pub fn promises(&self) -> Result<Vec<Promise>> {
        let open = format!(
            "SELECT {FOLLOW_UP_COLUMNS}, f.position, r.guest_id, g.name, r.category
             FROM follow_ups f JOIN recoveries r ON r.id = f.recovery_id LEFT JOIN guests g ON g.id = r.guest_id
             WHERE f.done = ?1 AND r.resolved_at IS NULL ORDER BY f.recovery_id, f.position"
        );
        // A follow-up that cannot be read is passed over and noted, as on the card, rather than failing every
        // desk's watch for changes.
        self.sql().rows_of(self.past(), Kind::FollowUp, &open, super::sql::args![false], |row| {
            let follow_up = follow_up_from_row(row)?;
            Ok(Promise {
                recovery: RecoveryId(row.id(0)?),
                position: usize::try_from(row.id(7)?).unwrap_or(usize::MAX).saturating_add(1),
                guest: row.int(8)?.map(GuestId),
                name: row.opt_string(9)?,
                category: row.string(10)?,
                task: follow_up.task,
                owner: follow_up.owner,
                due: follow_up.due,
            })
        })
    }
}
