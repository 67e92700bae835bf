//! `regulars promises`: every open follow-up in the book, this station's own first, then soonest due; `--overdue`
//! only those past their time, for a printer or a messaging hook run from cron.

use std::io::{self, BufWriter, Write};

use anyhow::Result;
use chrono::{Local, Utc};
use regulars::domain::promise::{Standing, order};
use regulars::domain::text::{inert, inert_json};
use regulars::promises::{Clock, Json};
use regulars::t;

use super::Book;

pub fn run(book: &Book, overdue: bool, json: bool) -> Result<()> {
    let store = book.open()?;
    let clock = Clock {
        now: Utc::now(),
        zone: *Local::now().offset(),
        grace: book.config.overdue_after(),
        language: book.language,
    };
    let mut promises = store.promises()?;
    if overdue {
        promises.retain(|p| matches!(clock.standing(p.due), Standing::Overdue(_)));
    }
    order(&mut promises, &book.station);
    let mut out = BufWriter::new(io::stdout().lock());
    if json {
        let rows: Vec<Json<'_>> = promises.iter().map(|p| Json::of(p, &clock)).collect();
        writeln!(out, "{}", inert_json(&serde_json::to_string_pretty(&rows)?))?;
    } else if promises.is_empty() && !overdue {
        writeln!(out, "{}", t!(book.language, "promises-none"))?;
    } else {
        // With --overdue and nothing overdue, nothing at all: a hook run from cron prints or sends only news.
        for promise in &promises {
            writeln!(out, "{}", inert(&clock.line(promise)))?;
        }
    }
    out.flush()?;
    Ok(())
}
