//! `regulars visit`: log a visit for a guest named clearly, warning of an allergen in the order.

use anyhow::{Context, Result, anyhow, bail};
use regulars::domain::Visit;
use regulars::domain::allergen::allergens_in;
use regulars::domain::text::inert;
use regulars::i18n::Said;
use regulars::{said, t};

use super::pick::{Need, pick};
use super::{Book, list, time_or_now};
use crate::cli::GuestArg;

/// What the command line gave for the visit.
pub struct Given {
    pub seat: Option<String>,
    pub order: Option<String>,
    pub usual: bool,
    pub party: Option<u32>,
    pub note: Option<String>,
    pub at: Option<String>,
    /// Log it even with an allergen in the order.
    pub yes: bool,
}

pub fn run(book: &Book, which: &GuestArg, given: Given) -> Result<()> {
    let mut store = book.open()?;
    let history = pick(&store, which, Need::Write, book.language)?.history;
    let at = time_or_now("--at", given.at.as_deref(), given.yes)?;
    let name = inert(&history.guest.profile.name).into_owned();
    let base = if given.usual {
        history
            .card()
            .the_usual_visit(at, &book.staff)
            .ok_or_else(|| anyhow!(t!(book.language, "cli-no-usual", name = name.as_str())))?
    } else {
        Visit {
            at,
            seat: String::new(),
            order: Vec::new(),
            party_size: None,
            staff: book.staff.clone(),
            note: String::new(),
        }
    };
    let visit = Visit {
        seat: given.seat.unwrap_or(base.seat),
        order: given.order.map(|o| list(&o)).unwrap_or(base.order),
        party_size: given.party,
        note: given.note.unwrap_or_default(),
        ..base
    }
    .validated()?;
    let hits = allergens_in(&visit.order, &history.guest.profile.allergies);
    if !hits.is_empty() && !given.yes {
        let named: Vec<Said> =
            hits.iter().map(|h| said!("allergy-item-has", item = inert(h.item), allergy = inert(h.allergy))).collect();
        bail!(said!("cli-allergy", name = name.as_str(), hits = named).text(book.language));
    }
    let id = store
        .log_visit(history.guest.id, visit.clone(), &book.staff)
        .context(t!(book.language, "cli-visit-not-saved"))?;
    let said = inert(&super::card::or_dash(visit.seat_and_order())).into_owned();
    println!("{}", t!(book.language, "cli-visit-logged", id = id.0, name = name, visit = said));
    Ok(())
}
