//! `regulars category set | note`: who answers for a kind of mishap, its goal, and what the team changed about it.

use anyhow::{Result, anyhow};
use regulars::domain::goal::Goal;
use regulars::domain::text::inert;
use regulars::t;

use super::Book;
use crate::cli::CategoryAction;

pub fn run(book: &Book, action: CategoryAction) -> Result<()> {
    let mut store = book.open()?;
    match action {
        CategoryAction::Set { name, owner, goal } => {
            let goal = match goal.as_deref().map(str::trim) {
                None => None,
                Some("none" | "") => Some(None),
                Some(text) => Some(Some(Goal::parse(text).map_err(|why| anyhow!(why).context("--goal"))?)),
            };
            let rule = store.set_category(&name, owner.as_deref(), goal, &book.staff)?;
            let nobody = t!(book.language, "category-nobody");
            let owner = if rule.owner.is_empty() { nobody } else { rule.owner };
            let goal = rule.goal.map_or_else(|| t!(book.language, "category-no-goal"), |g| g.to_string());
            let said = t!(book.language, "write-category-set", category = rule.category, owner = owner, goal = goal);
            println!("{}", inert(&said));
        }
        CategoryAction::Note { name, text } => {
            let note = store.note_category(&name, &text, &book.staff)?;
            println!("{}", inert(&t!(book.language, "category-noted", category = note.category, note = note.note)));
        }
    }
    Ok(())
}
