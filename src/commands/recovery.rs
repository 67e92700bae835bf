//! `regulars recovery add | follow-up | resolve`: the same store operations as the counter's.

use anyhow::{Context, Result, anyhow};
use regulars::domain::money::parse_amount;
use regulars::domain::text::inert;
use regulars::domain::{Recovery, RecoveryId, promise};
use regulars::t;

use super::pick::{Need, pick};
use super::{Book, time_or_now};
use crate::cli::{GuestArg, RecoveryAction};

pub fn run(book: &Book, action: RecoveryAction) -> Result<()> {
    let mut store = book.open()?;
    match action {
        RecoveryAction::Add { query, id, category, what, action, cost, follow_ups, at, yes } => {
            let guest = match (query, id) {
                (None, None) => None,
                (query, id) => Some(pick(&store, &GuestArg { query, id }, Need::Write, book.language)?.history.guest),
            };
            let cost = cost.map(|text| parse_amount(&text, &book.money()).map_err(|e| anyhow!(e).context("--cost")));
            let now = chrono::Utc::now();
            let follow_ups = (follow_ups.iter())
                .map(|text| promise::follow_up(text, now, &chrono::Local))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|why| anyhow!(why).context("--follow-up"))?;
            let recovery = Recovery {
                opened_at: time_or_now("--at", at.as_deref(), yes)?,
                category,
                what_happened: what.unwrap_or_default(),
                action_taken: action.unwrap_or_default(),
                cost: cost.transpose()?,
                follow_ups,
                resolved_at: None,
                staff: book.staff.clone(),
            };
            let id = store
                .add_recovery(guest.as_ref().map(|g| g.id), recovery, &book.staff)
                .context(t!(book.language, "cli-recovery-not-saved"))?;
            match guest {
                Some(guest) => {
                    println!(
                        "{}",
                        t!(book.language, "cli-recovery-opened", id = id.0, name = inert(&guest.profile.name))
                    );
                }
                None => println!("{}", t!(book.language, "cli-mishap-opened", id = id.0)),
            }
        }
        RecoveryAction::FollowUp { id, number, undo } => {
            let index = number.checked_sub(1).ok_or_else(|| anyhow!(t!(book.language, "cli-follow-ups-from-1")))?;
            store
                .set_follow_up(RecoveryId(id), index, !undo, &book.staff)
                .context(t!(book.language, "cli-follow-up-not-saved"))?;
            let said = if undo {
                t!(book.language, "cli-follow-up-reopened", n = number, id = id)
            } else {
                t!(book.language, "cli-follow-up-done", n = number, id = id)
            };
            println!("{said}");
        }
        RecoveryAction::Resolve { id, at, yes } => {
            store
                .resolve_recovery(RecoveryId(id), time_or_now("--at", at.as_deref(), yes)?, &book.staff)
                .context(t!(book.language, "cli-recovery-not-resolved"))?;
            println!("{}", t!(book.language, "cli-recovery-resolved", id = id));
        }
    }
    Ok(())
}
