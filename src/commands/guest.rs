//! `regulars guest add | edit | merge`: the same store operations as the counter's forms.

use anyhow::{Context, Result, anyhow, bail};
use regulars::domain::Profile;
use regulars::domain::text::inert;
use regulars::i18n::named;
use regulars::{said, t};

use super::pick::{Need, pick, pick_query};
use super::{Book, list};
use crate::cli::{GuestAction, GuestArg, ProfileArgs};

pub fn run(book: &Book, action: GuestAction) -> Result<()> {
    let mut store = book.open()?;
    match action {
        GuestAction::Add { fields, yes } => {
            let profile = fields.applied_to(Profile::default())?.validated()?;
            let same = store.possible_duplicates(&profile)?;
            if !same.is_empty() && !yes {
                let named = regulars::i18n::duplicates(&same);
                bail!(said!("cli-possibly-in-book", guests = named).text(book.language));
            }
            let name = profile.name.clone();
            let id = store.add_guest(profile, &book.staff).context(t!(book.language, "cli-guest-not-saved"))?;
            println!("{}", t!(book.language, "cli-guest-added", id = id.0, name = inert(&name)));
        }
        GuestAction::Merge { guest, into, into_id } => {
            let from = pick(&store, &guest, Need::Write, book.language)?.history.guest;
            let into = match (into, into_id) {
                (_, Some(id)) => pick(&store, &GuestArg { query: None, id: Some(id) }, Need::Write, book.language)?,
                (Some(query), None) => pick_query(&store, &query, Need::Write, book.language)?,
                (None, None) => bail!(t!(book.language, "cli-say-which-to-keep")),
            }
            .history
            .guest;
            store.merge_guests(from.id, into.id, &book.staff).context(t!(book.language, "cli-guests-not-merged"))?;
            let name = inert(&into.profile.name);
            println!("{}", t!(book.language, "cli-guest-merged", from = from.id.0, into = into.id.0, name = name));
        }
        GuestAction::Edit { guest, fields } => {
            let guest = pick(&store, &guest, Need::Write, book.language)?.history.guest;
            let base = guest.profile.clone();
            let profile = fields.applied_to(guest.profile)?;
            let edited = store
                .edit_guest(guest.id, guest.version, &base, profile, &book.staff)
                .context(t!(book.language, "cli-guest-not-saved"))?;
            match edited.kept_theirs.as_slice() {
                [] => println!("{}", t!(book.language, "cli-guest-updated", id = guest.id.0)),
                kept => {
                    let fields: Vec<String> = kept.iter().map(|f| named(book.language, "field", f)).collect();
                    println!(
                        "{}",
                        t!(book.language, "cli-guest-updated-keeping", id = guest.id.0, fields = fields.join(", "))
                    );
                }
            }
        }
    }
    Ok(())
}

impl ProfileArgs {
    /// `profile` with the fields given replaced.
    fn applied_to(self, mut profile: Profile) -> Result<Profile> {
        let text = [
            (self.name, &mut profile.name),
            (self.greeting, &mut profile.greeting),
            (self.phone, &mut profile.phone),
            (self.email, &mut profile.email),
            (self.notes, &mut profile.notes),
        ];
        for (given, field) in text {
            if let Some(value) = given {
                *field = value;
            }
        }
        for (given, field) in [
            (self.tags, &mut profile.tags),
            (self.allergies, &mut profile.allergies),
            (self.preferences, &mut profile.preferences),
        ] {
            if let Some(value) = given {
                *field = list(&value);
            }
        }
        if !self.other_names.is_empty() {
            profile.other_names = self.other_names.into_iter().filter(|n| !n.trim().is_empty()).collect();
        }
        if let Some(birthday) = self.birthday {
            profile.birthday = if birthday.trim().is_empty() {
                None
            } else {
                Some(
                    birthday
                        .trim()
                        .parse()
                        .map_err(|e: regulars::domain::guest::BadBirthday| anyhow!(e).context("--birthday"))?,
                )
            };
        }
        Ok(profile)
    }
}
