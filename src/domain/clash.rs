//! Two desks edited the same guest: what each changed, kept field by field, and only a real clash put to a person.
//!
//! An edit starts from the profile as it was read (the base). When another desk saved meanwhile, the book holds
//! theirs; the form holds ours. A field only one side changed keeps that side's value. A list field (tags,
//! allergies, preferences, other names) both sides changed is joined, so a clash never drops an allergy. Only a plain field
//! both sides changed to different values is a clash, shown to the user side by side.

use super::Profile;
use super::text::normalise;

/// The fields of a profile, by the names the audit log and the forms use.
pub const FIELDS: [&str; 10] =
    ["name", "greeting", "phone", "email", "birthday", "tags", "allergies", "preferences", "notes", "other names"];

/// A plain field both desks changed to different values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    pub field: &'static str,
    pub theirs: String,
    pub ours: String,
}

/// Ours and theirs together: the profile to save (ours where fields clash), the clashes, and the fields taken from
/// theirs or joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reconciled {
    pub profile: Profile,
    pub clashes: Vec<Clash>,
    /// Fields whose saved value now includes the other desk's change.
    pub kept_theirs: Vec<&'static str>,
}

/// The names of the fields that differ between two profiles, in form order (for the audit log: names, not values).
pub fn changed_fields(before: &Profile, after: &Profile) -> Vec<&'static str> {
    let (a, b) = (values(before), values(after));
    FIELDS.iter().zip(a.iter().zip(&b)).filter(|(_, (x, y))| x != y).map(|(name, _)| *name).collect()
}

/// Reconciles `ours` with `theirs`, both edited from `base`.
pub fn reconcile(base: &Profile, theirs: &Profile, ours: &Profile) -> Reconciled {
    let mut profile = ours.clone();
    let mut clashes = Vec::new();
    let mut kept_theirs = Vec::new();
    let (b, t, o) = (values(base), values(theirs), values(ours));
    for (i, field) in FIELDS.iter().enumerate() {
        let (ours_changed, theirs_changed) = (o[i] != b[i], t[i] != b[i]);
        if !theirs_changed || o[i] == t[i] {
            continue;
        }
        if !ours_changed {
            take(&mut profile, theirs, i);
            kept_theirs.push(*field);
            continue;
        }
        match list_mut(&mut profile, i) {
            Some(ours_list) => {
                let theirs_list = list(theirs, i);
                let mut joined = theirs_list.to_vec();
                for item in ours_list.iter() {
                    if !joined.iter().any(|known| normalise(known) == normalise(item)) {
                        joined.push(item.clone());
                    }
                }
                *ours_list = joined;
                kept_theirs.push(*field);
            }
            None => clashes.push(Clash { field, theirs: t[i].clone(), ours: o[i].clone() }),
        }
    }
    Reconciled { profile, clashes, kept_theirs }
}

/// Every field as text, in `FIELDS` order; lists compared as their normalised items.
fn values(p: &Profile) -> [String; 10] {
    let items = |list: &[String]| list.iter().map(|item| normalise(item)).collect::<Vec<_>>().join("\u{1f}");
    [
        p.name.clone(),
        p.greeting.clone(),
        p.phone.clone(),
        p.email.clone(),
        p.birthday.map(|b| b.to_string()).unwrap_or_default(),
        items(&p.tags),
        items(&p.allergies),
        items(&p.preferences),
        p.notes.clone(),
        items(&p.other_names),
    ]
}

fn take(profile: &mut Profile, from: &Profile, field: usize) {
    match field {
        0 => profile.name.clone_from(&from.name),
        1 => profile.greeting.clone_from(&from.greeting),
        2 => profile.phone.clone_from(&from.phone),
        3 => profile.email.clone_from(&from.email),
        4 => profile.birthday = from.birthday,
        5 => profile.tags.clone_from(&from.tags),
        6 => profile.allergies.clone_from(&from.allergies),
        7 => profile.preferences.clone_from(&from.preferences),
        8 => profile.notes.clone_from(&from.notes),
        _ => profile.other_names.clone_from(&from.other_names),
    }
}

fn list(profile: &Profile, field: usize) -> &[String] {
    match field {
        5 => &profile.tags,
        6 => &profile.allergies,
        9 => &profile.other_names,
        _ => &profile.preferences,
    }
}

fn list_mut(profile: &mut Profile, field: usize) -> Option<&mut Vec<String>> {
    match field {
        5 => Some(&mut profile.tags),
        6 => Some(&mut profile.allergies),
        7 => Some(&mut profile.preferences),
        9 => Some(&mut profile.other_names),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yu() -> Profile {
        Profile {
            name: "于明".into(),
            greeting: "于先生".into(),
            allergies: vec!["peanuts".into()],
            preferences: vec!["window seat".into()],
            ..Profile::default()
        }
    }

    #[test]
    fn a_field_only_they_changed_is_kept_from_them() {
        let base = yu();
        let mut theirs = yu();
        theirs.allergies.push("shellfish".into());
        let mut ours = yu();
        ours.preferences = vec!["quiet table".into()];
        let r = reconcile(&base, &theirs, &ours);
        assert!(r.clashes.is_empty());
        assert_eq!(r.profile.allergies, ["peanuts", "shellfish"], "the allergy another desk added survives");
        assert_eq!(r.profile.preferences, ["quiet table"]);
        assert_eq!(r.kept_theirs, ["allergies"]);
    }

    #[test]
    fn lists_both_changed_are_joined_never_shrunk() {
        let base = yu();
        let mut theirs = yu();
        theirs.allergies = vec!["peanuts".into(), "shellfish".into()];
        let mut ours = yu();
        ours.allergies = vec!["Peanuts".into(), "sesame".into()];
        let r = reconcile(&base, &theirs, &ours);
        assert!(r.clashes.is_empty());
        assert_eq!(r.profile.allergies, ["peanuts", "shellfish", "sesame"]);
    }

    #[test]
    fn a_plain_field_both_changed_differently_is_a_clash_and_ours_stays_until_decided() {
        let base = yu();
        let mut theirs = yu();
        theirs.greeting = "Mr. Yu".into();
        let mut ours = yu();
        ours.greeting = "于总".into();
        let r = reconcile(&base, &theirs, &ours);
        assert_eq!(r.clashes, [Clash { field: "greeting", theirs: "Mr. Yu".into(), ours: "于总".into() }]);
        assert_eq!(r.profile.greeting, "于总");
        let mut same = yu();
        same.greeting = "Mr. Yu".into();
        assert!(reconcile(&base, &theirs, &same).clashes.is_empty(), "the same change twice is no clash");
    }

    #[test]
    fn changed_fields_name_what_an_edit_touched() {
        let mut after = yu();
        after.phone = "0108".into();
        after.allergies.push("eggs".into());
        assert_eq!(changed_fields(&yu(), &after), ["phone", "allergies"]);
        let mut recased = yu();
        recased.allergies = vec!["Peanuts".into()];
        assert_eq!(changed_fields(&yu(), &recased), Vec::<&str>::new(), "lists compare as normalised items");
    }
}
