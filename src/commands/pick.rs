//! The guest a command is about. A read (`card`) takes the best match and says how many others matched; a write
//! needs certainty: an id, a query only one guest matches, or one that is clearly one guest's — their whole name
//! (or its pinyin), their whole phone number, their email. Anything else is refused with the candidates listed, so
//! a command never writes to a guess.

use anyhow::{Result, anyhow, bail};
use chrono::Utc;
use regulars::domain::text::{inert, quoted};
use regulars::domain::{GuestHistory, GuestId};
use regulars::i18n::Language;
use regulars::search::{GuestView, same_name};
use regulars::store::Store;
use regulars::t;

use super::card::when;
use crate::cli::GuestArg;

/// How many candidates a refusal lists.
const LISTED: usize = 8;

/// What the guest is wanted for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Showing them: the best match will do.
    Read,
    /// Writing to them: the query must name one guest clearly.
    Write,
}

/// The guest found, and how many others the query matched too.
pub struct Picked {
    pub history: GuestHistory,
    pub others: usize,
}

/// The guest `arg` names (a query or an id), for `need`.
pub fn pick(store: &Store, arg: &GuestArg, need: Need, language: Language) -> Result<Picked> {
    match (&arg.query, arg.id) {
        (_, Some(id)) => Ok(Picked { history: store.recent_history(GuestId(id))?, others: 0 }),
        (Some(query), None) => pick_query(store, query, need, language),
        (None, None) => bail!(t!(language, "pick-say-which")),
    }
}

/// The guest `query` names, for `need`.
pub fn pick_query(store: &Store, query: &str, need: Need, language: Language) -> Result<Picked> {
    let (index, found) = regulars::feed::find_once(store, query, 50)?;
    let rows: Vec<GuestView<'_>> = found.hits.iter().map(|hit| index.guest(hit.entry)).collect();
    let Some(best) = rows.first() else { bail!(t!(language, "pick-no-match", query = quoted(query))) };
    let others = found.total.saturating_sub(1);
    if found.close && need == Need::Write {
        return Err(refusal(query, &rows, found.total, "pick-typo-away", language));
    }
    if found.total == 1 || need == Need::Read {
        return Ok(Picked { history: store.recent_history(best.id)?, others });
    }
    let clear: Vec<&GuestView<'_>> = rows.iter().filter(|row| names_clearly(row, query)).collect();
    match clear.as_slice() {
        [only] => Ok(Picked { history: store.recent_history(only.id)?, others }),
        _ => Err(refusal(query, &rows, found.total, "pick-matches", language)),
    }
}

/// Whether `query` is clearly this guest's: the whole name (or its pinyin, spaces aside), the whole phone number
/// (or at least its last eight digits), or the email.
fn names_clearly(row: &GuestView<'_>, query: &str) -> bool {
    let digits: String = query.chars().filter(char::is_ascii_digit).collect();
    let phone: String = row.phone.chars().filter(char::is_ascii_digit).collect();
    let phone_typed = !digits.is_empty() && query.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c));
    if phone_typed {
        return digits == phone || (digits.len() >= 8 && phone.ends_with(&digits));
    }
    same_name(row.name, query) || (!row.email.is_empty() && row.email.eq_ignore_ascii_case(query.trim()))
}

/// "“yu” matches 12 guests; none is clearly the one, so nothing was changed. Say which with --id:" and the
/// candidates, one a line.
fn refusal(query: &str, rows: &[GuestView<'_>], total: usize, what: &str, language: Language) -> anyhow::Error {
    let now = Utc::now();
    let mut text = regulars::i18n::text(language, what, &[("query", quoted(query).into()), ("total", total.into())]);
    for row in rows.iter().take(LISTED) {
        let mut line = format!("\n  --id {:<6} {}", row.id, inert(row.name));
        for part in [row.greeting, row.phone, row.email] {
            if !part.is_empty() {
                line.push_str(&format!(" · {}", inert(part)));
            }
        }
        if let Some(last) = row.last_visit {
            line.push_str(&t!(language, "pick-last-visit", when = when(last, now, language)));
        }
        text.push_str(&line);
    }
    if total > LISTED {
        text.push_str(&t!(language, "pick-more", count = total - LISTED, query = quoted(query)));
    }
    anyhow!(text)
}
