//! `regulars find`: the guests a query matches, best first.

use std::io::{self, BufWriter, Write};

use anyhow::{Result, bail};
use chrono::Utc;
use regulars::domain::text::{inert, inert_json, quoted};
use regulars::search::Field;
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
    let store = book.open()?;
    let (index, found) = regulars::feed::find_once(&store, query, limit)?;
    let hits = found.hits;
    if found.close && !hits.is_empty() {
        eprintln!("regulars: no exact match for {}; these are one typo away", quoted(query));
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
            bail!("no guest matches {}", quoted(query));
        }
        for hit in &hits {
            let row = index.guest(hit.entry);
            let last =
                row.last_visit.map_or_else(|| "never visited".to_owned(), |t| format!("last visit {}", when(t, now)));
            let matched = if hit.field == Field::Name { String::new() } else { format!("  [{}]", hit.field.label()) };
            let visits = match row.visit_count {
                1 => "1 visit".to_owned(),
                n => format!("{n} visits"),
            };
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
