//! `regulars find`: the guests a query matches, best first.

use std::io::{self, BufWriter, Write};

use anyhow::{Result, bail};
use chrono::Utc;
use regulars::domain::text::{inert, inert_json, quoted};
use regulars::search::Field;
use regulars::t;
use serde::Serialize;

use super::Book;
use super::card::when;

#[derive(Serialize)]
struct FoundGuest<'a> {
    id: i64,
    name: &'a str,
    greeting: &'a str,
    phone: &'a str,
    email: &'a str,
    matched: &'static str,
    last_visit: Option<String>,
    visits: u32,
}

pub fn run(book: &Book, query: &str, limit: usize, json: bool) -> Result<()> {
    let language = book.language;
    let store = book.open()?;
    let (index, found) = regulars::feed::find_once(&store, query, limit)?;
    let hits = found.hits;
    if found.close && !hits.is_empty() {
        eprintln!("regulars: {}", t!(language, "cli-one-typo-away", query = quoted(query)));
    }
    let mut out = BufWriter::new(io::stdout().lock());
    let now = Utc::now();
    if json {
        let found: Vec<FoundGuest<'_>> = hits
            .iter()
            .map(|hit| {
                let row = index.guest(hit.entry);
                FoundGuest {
                    id: row.id.0,
                    name: row.name,
                    greeting: row.greeting,
                    phone: row.phone,
                    email: row.email,
                    matched: hit.field.label(),
                    last_visit: row.last_visit.map(|t| t.to_rfc3339()),
                    visits: row.visit_count,
                }
            })
            .collect();
        writeln!(out, "{}", inert_json(&serde_json::to_string_pretty(&found)?))?;
    } else {
        if hits.is_empty() {
            bail!(t!(language, "pick-no-match", query = quoted(query)));
        }
        for hit in &hits {
            let row = index.guest(hit.entry);
            let last = row.last_visit.map_or_else(
                || t!(language, "find-never-visited"),
                |at| t!(language, "find-last-visit", when = when(at, now, language)),
            );
            let matched = match hit.field {
                Field::Name => String::new(),
                field => format!("  [{}]", regulars::i18n::named(language, "matched", field.label())),
            };
            let visits = t!(language, "find-visits", count = row.visit_count);
            writeln!(
                out,
                "{}  {}  {}  {last}, {visits}  id {}{matched}",
                inert(row.name),
                inert(row.greeting),
                inert(row.phone),
                row.id,
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
