//! Bringing a guest record into the book: what a record adds to a guest who is already there.

use super::outreach::Written;
use super::text::normalise;
use super::{GuestHistory, Noted, Profile, Recovery, ValidationError, Visit};

/// A guest with their history, as an import or the demo brings it in.
#[derive(Debug, Clone, PartialEq)]
pub struct GuestRecord {
    pub profile: Profile,
    pub visits: Vec<Visit>,
    pub recoveries: Vec<Recovery>,
    /// Who last wrote the notes, and when, where the record says (an export of a book does).
    pub noted: Option<Noted>,
    /// The occasions the guest was written to for (outreach).
    pub written: Vec<Written>,
}

impl GuestRecord {
    /// The record as the book stores it, every part checked.
    pub fn validated(self) -> Result<Self, ValidationError> {
        Ok(Self {
            profile: self.profile.validated()?,
            visits: self.visits.into_iter().map(Visit::validated).collect::<Result<_, _>>()?,
            recoveries: self.recoveries.into_iter().map(Recovery::validated).collect::<Result<_, _>>()?,
            noted: self.noted,
            written: self.written,
        })
    }
}

/// One entry of a guest list as it comes in: a guest, or a recovery recorded for nobody in particular.
#[derive(Debug, Clone, PartialEq)]
pub enum Incoming {
    /// A guest, with the key an export of a book gave them (see `Store::export`): the same guest however often the
    /// list is brought in, even without a phone or an email to know them by.
    Guest(Box<GuestRecord>, Option<String>),
    Mishap(Recovery),
}

/// What a record adds to a guest already in the book. Empty when the record says nothing new, which is what makes
/// importing the same file twice a no-op.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MergePlan {
    /// The guest's profile with the record's additions, if it gained any.
    pub profile: Option<Profile>,
    pub new_visits: Vec<Visit>,
    pub new_recoveries: Vec<Recovery>,
    pub new_written: Vec<Written>,
}

impl MergePlan {
    pub fn is_empty(&self) -> bool {
        self.profile.is_none()
            && self.new_visits.is_empty()
            && self.new_recoveries.is_empty()
            && self.new_written.is_empty()
    }
}

/// Merges a record into a guest already in the book. The book's values win: a record only fills empty fields,
/// adds list items, notes, visits and recoveries the guest does not have yet.
pub fn merge(existing: &GuestHistory, record: &GuestRecord) -> Result<MergePlan, ValidationError> {
    let mut profile = existing.guest.profile.clone();
    let incoming = &record.profile;
    for (mine, theirs) in [
        (&mut profile.greeting, &incoming.greeting),
        (&mut profile.phone, &incoming.phone),
        (&mut profile.email, &incoming.email),
    ] {
        if mine.is_empty() {
            mine.clone_from(theirs);
        }
    }
    profile.birthday = profile.birthday.or(incoming.birthday);
    for (mine, theirs) in [
        (&mut profile.tags, &incoming.tags),
        (&mut profile.allergies, &incoming.allergies),
        (&mut profile.preferences, &incoming.preferences),
        (&mut profile.other_names, &incoming.other_names),
    ] {
        for item in theirs {
            if !mine.iter().any(|m| normalise(m) == normalise(item)) {
                mine.push(item.clone());
            }
        }
    }
    let notes = incoming.notes.trim();
    if !notes.is_empty() && !profile.notes.contains(notes) {
        profile.notes = if profile.notes.is_empty() { notes.to_owned() } else { format!("{}\n{notes}", profile.notes) };
    }
    let profile = profile.validated()?;
    let new_visits = record.visits.iter().filter(|v| !existing.visits.contains(v)).cloned().collect();
    let new_recoveries = record
        .recoveries
        .iter()
        .filter(|r| {
            !existing
                .recoveries
                .iter()
                .any(|e| e.recovery.opened_at == r.opened_at && e.recovery.category == r.category)
        })
        .cloned()
        .collect();
    let new_written = record
        .written
        .iter()
        .filter(|w| !existing.written.iter().any(|e| e.occasion == w.occasion && e.of == w.of))
        .cloned()
        .collect();
    Ok(MergePlan {
        profile: (profile != existing.guest.profile).then_some(profile),
        new_visits,
        new_recoveries,
        new_written,
    })
}

/// Two guest entries that are the same person, as one: `into` keeps its values, takes `from`'s where it has none,
/// and its lists gain `from`'s items. Nothing is lost: `from`'s name and any of its details that differ are kept in
/// the notes, said as such.
pub fn combine(into: &Profile, from: &Profile) -> Profile {
    let mut profile = into.clone();
    let mut kept = Vec::new();
    if normalise(&from.name) != normalise(&into.name) {
        kept.push(format!("also known as {}", from.name));
    }
    for (label, mine, theirs) in [
        ("greeting", &mut profile.greeting, &from.greeting),
        ("phone", &mut profile.phone, &from.phone),
        ("email", &mut profile.email, &from.email),
    ] {
        if mine.is_empty() {
            mine.clone_from(theirs);
        } else if !theirs.is_empty() && mine != theirs {
            kept.push(format!("{label} {theirs}"));
        }
    }
    match (profile.birthday, from.birthday) {
        (None, theirs) => profile.birthday = theirs,
        (Some(mine), Some(theirs)) if mine != theirs => kept.push(format!("birthday {theirs}")),
        _ => {}
    }
    for (mine, theirs) in [
        (&mut profile.tags, &from.tags),
        (&mut profile.allergies, &from.allergies),
        (&mut profile.preferences, &from.preferences),
        (&mut profile.other_names, &from.other_names),
    ] {
        for item in theirs {
            if !mine.iter().any(|m| normalise(m) == normalise(item)) {
                mine.push(item.clone());
            }
        }
    }
    let mut notes: Vec<String> =
        [profile.notes.trim(), from.notes.trim()].into_iter().filter(|n| !n.is_empty()).map(str::to_owned).collect();
    notes.dedup();
    if !kept.is_empty() {
        notes.push(format!("Merged: {}", kept.join("; ")));
    }
    profile.notes = notes.join("\n");
    profile
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Guest, GuestId};
    use chrono::{TimeZone, Utc};

    fn history(profile: Profile, visits: Vec<Visit>) -> GuestHistory {
        GuestHistory {
            guest: Guest { id: GuestId(7), version: 1, profile, notes_by: None },
            visits,
            recoveries: vec![],
            earlier: Default::default(),
            written: vec![],
        }
    }

    fn visit(day: u32) -> Visit {
        Visit {
            at: Utc.with_ymd_and_hms(2025, 3, day, 8, 0, 0).unwrap(),
            seat: "Bar".into(),
            order: vec!["coffee".into()],
            party_size: None,
            staff: String::new(),
            note: String::new(),
        }
    }

    #[test]
    fn combining_two_entries_loses_nothing() {
        let into = Profile {
            name: "Emma Stone".into(),
            phone: "0108".into(),
            tags: vec!["vip".into()],
            notes: "quiet table".into(),
            ..Default::default()
        };
        let from = Profile {
            name: "Emma Stone-Lee".into(),
            phone: "0199".into(),
            email: "emma@example.com".into(),
            tags: vec!["VIP".into(), "regular".into()],
            allergies: vec!["peanuts".into()],
            notes: "oat milk".into(),
            ..Default::default()
        };
        let combined = combine(&into, &from);
        assert_eq!(combined.phone, "0108");
        assert_eq!(combined.email, "emma@example.com");
        assert_eq!(combined.tags, ["vip", "regular"]);
        assert_eq!(combined.allergies, ["peanuts"]);
        assert_eq!(combined.notes, "quiet table\noat milk\nMerged: also known as Emma Stone-Lee; phone 0199");
    }

    #[test]
    fn the_same_record_twice_adds_nothing() {
        let profile = Profile {
            name: "Emma".into(),
            tags: vec!["vip".into()],
            notes: "quiet table".into(),
            ..Default::default()
        };
        let existing = history(profile.clone(), vec![visit(1)]);
        let record = GuestRecord { profile, visits: vec![visit(1)], recoveries: vec![], noted: None, written: vec![] };
        assert!(merge(&existing, &record).unwrap().is_empty());
    }

    #[test]
    fn book_values_win_and_gaps_are_filled() {
        let mine =
            Profile { name: "Emma".into(), phone: "0108".into(), tags: vec!["VIP".into()], ..Default::default() };
        let theirs = Profile {
            name: "Emma".into(),
            phone: "9999".into(),
            greeting: "Ms. Stone".into(),
            tags: vec!["vip".into(), "regular".into()],
            notes: "oat milk".into(),
            ..Default::default()
        };
        let existing = history(mine, vec![visit(1)]);
        let plan = merge(
            &existing,
            &GuestRecord {
                profile: theirs,
                visits: vec![visit(1), visit(2)],
                recoveries: vec![],
                noted: None,
                written: vec![],
            },
        )
        .unwrap();
        let merged = plan.profile.unwrap();
        assert_eq!(merged.phone, "0108");
        assert_eq!(merged.greeting, "Ms. Stone");
        assert_eq!(merged.tags, ["VIP", "regular"]);
        assert_eq!(merged.notes, "oat milk");
        assert_eq!(plan.new_visits, [visit(2)]);
    }
}
