//! JSON Lines: one guest per line, every field but `name` optional; a recovery recorded for nobody in particular
//! is a line of its own, `{"mishap": {…}}`, so that an export holds the whole book.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};

use serde::{Deserialize, Serialize};

use super::{Entries, ImportError, Warn, format_time, parse_time};
use crate::domain::outreach::{Occasion, Written};
use crate::domain::{FollowUp, GuestHistory, GuestRecord, Incoming, Noted, Profile, Recovery, RecoveryEntry, Visit};

#[derive(Serialize, Deserialize)]
struct GuestLine {
    /// Who the guest is in the book the export was made of (`BOOK:ID`), kept by an import: the same guest however
    /// often the list is brought in. A list from elsewhere may leave it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    key: Option<String>,
    /// A guest's line has a name; a mishap's line has none, and its `mishap`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    mishap: Option<RecoveryLine>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    greeting: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    phone: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    birthday: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    allergies: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    preferences: Vec<String>,
    /// Names the guest also goes by (an English name, the passport spelling).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    other_names: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    notes: String,
    /// Who last wrote the notes, and when.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    notes_by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    notes_at: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    visits: Vec<VisitLine>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    recoveries: Vec<RecoveryLine>,
    /// The occasions the guest was written to for (outreach).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    written_to: Vec<WrittenLine>,
    /// Fields this version does not know: reported and skipped, like unknown CSV columns.
    #[serde(flatten, skip_serializing)]
    unknown: Unknown,
}

/// Fields a line holds that this version does not know, at any depth: each is reported, none dropped silently.
type Unknown = BTreeMap<String, serde_json::Value>;

#[derive(Serialize, Deserialize)]
struct VisitLine {
    at: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    seat: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    order: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    party_size: Option<u32>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    staff: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    note: String,
    /// Fields this version does not know, reported and skipped.
    #[serde(flatten, skip_serializing)]
    unknown: Unknown,
}

#[derive(Serialize, Deserialize)]
struct RecoveryLine {
    opened_at: String,
    category: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    what_happened: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    action_taken: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cost: Option<f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    follow_ups: Vec<FollowUpLine>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    resolved_at: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    staff: String,
    /// Fields this version does not know, reported and skipped.
    #[serde(flatten, skip_serializing)]
    unknown: Unknown,
}

#[derive(Serialize, Deserialize)]
struct WrittenLine {
    /// "birthday" or "lapsed".
    occasion: String,
    /// Which one: the birthday's date, or the last visit's time before the lapse.
    of: String,
    at: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    staff: String,
    /// Fields this version does not know, reported and skipped.
    #[serde(flatten, skip_serializing)]
    unknown: Unknown,
}

#[derive(Serialize, Deserialize)]
struct FollowUpLine {
    task: String,
    #[serde(default)]
    done: bool,
    /// The station or department that keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    due: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ticked_at: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    ticked_by: String,
    /// Fields this version does not know, reported and skipped.
    #[serde(flatten, skip_serializing)]
    unknown: Unknown,
}

/// The entries of a JSON Lines list as they are read, a line at a time; the first error ends them.
pub(super) fn read<'a>(mut input: impl BufRead + 'a, warn: Warn<'a>) -> Entries<'a> {
    let (mut line, mut raw, mut ended) = (0, Vec::new(), false);
    Box::new(std::iter::from_fn(move || {
        while !ended {
            line += 1;
            raw.clear();
            match input.read_until(b'\n', &mut raw) {
                Ok(0) => ended = true,
                Ok(_) => match entry(line, &raw, warn) {
                    Ok(None) => {}
                    Ok(Some(entry)) => return Some(Ok((line, entry))),
                    Err(error) => {
                        ended = true;
                        return Some(Err(error));
                    }
                },
                Err(error) => {
                    ended = true;
                    return Some(Err(ImportError::new(line, None, format!("cannot be read: {error}"))));
                }
            }
        }
        None
    }))
}

/// One line: a guest, a mishap, or nothing (a blank line).
fn entry(line: u64, raw: &[u8], warn: Warn<'_>) -> Result<Option<Incoming>, ImportError> {
    let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    let text = std::str::from_utf8(raw).map_err(|e| {
        ImportError::new(line, None, format!("not valid UTF-8 (bad byte at column {})", e.valid_up_to() + 1))
    })?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    let mut guest: GuestLine = serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(text))
        .map_err(|e| {
            let field = e.path().to_string();
            let field = (field != ".").then_some(field);
            let error = e.into_inner();
            // serde_json says "at line 1 column N" of the one line it saw; the file's line is already given.
            let message = error.to_string();
            let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
            ImportError::new(line, field, format!("{message} (column {})", error.column()))
        })?;
    for field in guest.unknown_fields() {
        warn(line, format!("line {line}: unknown field `{field}` skipped"));
    }
    match (guest.name.is_some(), guest.mishap.take()) {
        (false, Some(mishap)) => Ok(Some(Incoming::Mishap(to_recovery(line, "mishap.", mishap)?))),
        (true, Some(_)) => {
            Err(ImportError::new(line, Some("mishap".into()), "belongs on a line of its own, without a name"))
        }
        (_, None) => {
            let key = guest.key.take();
            Ok(Some(Incoming::Guest(Box::new(to_record(line, guest)?), key)))
        }
    }
}

fn to_record(line: u64, guest: GuestLine) -> Result<GuestRecord, ImportError> {
    let name = guest.name.ok_or_else(|| ImportError::new(line, None, "missing field `name`"))?;
    let noted = match guest.notes_at {
        Some(at) => Some(Noted { staff: guest.notes_by, at: parse_time(line, "notes_at", &at)? }),
        None => None,
    };
    let birthday = guest
        .birthday
        .map(|text| {
            text.parse().map_err(|problem: crate::domain::guest::BadBirthday| {
                ImportError::new(line, Some("birthday".into()), problem.to_string())
            })
        })
        .transpose()?;
    let profile = Profile {
        name,
        greeting: guest.greeting,
        phone: guest.phone,
        email: guest.email,
        birthday,
        tags: guest.tags,
        allergies: guest.allergies,
        preferences: guest.preferences,
        notes: guest.notes,
        other_names: guest.other_names,
    }
    .validated()
    .map_err(|e| ImportError::invalid(line, "", e))?;
    let visits = guest
        .visits
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            let prefix = format!("visits[{i}].");
            Visit {
                at: parse_time(line, &format!("{prefix}at"), &v.at)?,
                seat: v.seat,
                order: v.order,
                party_size: v.party_size,
                staff: v.staff,
                note: v.note,
            }
            .validated()
            .map_err(|e| ImportError::invalid(line, &prefix, e))
        })
        .collect::<Result<_, _>>()?;
    let recoveries = guest
        .recoveries
        .into_iter()
        .enumerate()
        .map(|(i, r)| to_recovery(line, &format!("recoveries[{i}]."), r))
        .collect::<Result<_, _>>()?;
    let written = guest
        .written_to
        .into_iter()
        .enumerate()
        .map(|(i, w)| {
            let field = format!("written_to[{i}].occasion");
            let occasion = Occasion::parse(&w.occasion)
                .ok_or_else(|| ImportError::new(line, Some(field), "is neither \"birthday\" nor \"lapsed\""))?;
            let at = parse_time(line, &format!("written_to[{i}].at"), &w.at)?;
            Ok(Written { occasion, of: w.of, at, staff: w.staff })
        })
        .collect::<Result<_, ImportError>>()?;
    Ok(GuestRecord { profile, visits, recoveries, noted, written })
}

fn to_recovery(line: u64, prefix: &str, r: RecoveryLine) -> Result<Recovery, ImportError> {
    Recovery {
        opened_at: parse_time(line, &format!("{prefix}opened_at"), &r.opened_at)?,
        category: r.category,
        what_happened: r.what_happened,
        action_taken: r.action_taken,
        cost: r.cost,
        follow_ups: (r.follow_ups.into_iter().enumerate())
            .map(|(j, f)| {
                let time = |name: &str, text: &str| parse_time(line, &format!("{prefix}follow_ups[{j}].{name}"), text);
                Ok(FollowUp {
                    task: f.task,
                    done: f.done,
                    owner: f.owner,
                    due: f.due.map(|t| time("due", &t)).transpose()?,
                    ticked: f.ticked_at.map(|t| time("ticked_at", &t).map(|at| (at, f.ticked_by))).transpose()?,
                })
            })
            .collect::<Result<_, ImportError>>()?,
        resolved_at: r.resolved_at.map(|t| parse_time(line, &format!("{prefix}resolved_at"), &t)).transpose()?,
        staff: r.staff,
    }
    .validated()
    .map_err(|e| ImportError::invalid(line, prefix, e))
}

pub(super) fn guest(history: &GuestHistory, key: &str, mut out: impl Write) -> std::io::Result<()> {
    let line = GuestLine { key: Some(key.to_owned()), ..to_line(history) };
    serde_json::to_writer(&mut out, &line)?;
    out.write_all(b"\n")
}

pub(super) fn mishaps(mishaps: &[RecoveryEntry], mut out: impl Write) -> std::io::Result<()> {
    for entry in mishaps {
        let line = GuestLine { mishap: Some(recovery_line(&entry.recovery)), ..GuestLine::empty() };
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

impl GuestLine {
    fn empty() -> Self {
        Self {
            key: None,
            name: None,
            mishap: None,
            greeting: String::new(),
            phone: String::new(),
            email: String::new(),
            birthday: None,
            tags: Vec::new(),
            allergies: Vec::new(),
            preferences: Vec::new(),
            other_names: Vec::new(),
            notes: String::new(),
            notes_by: String::new(),
            notes_at: None,
            visits: Vec::new(),
            recoveries: Vec::new(),
            written_to: Vec::new(),
            unknown: Unknown::new(),
        }
    }

    /// Every field the line holds that this version does not know, by where it is: `visits[2].tip`.
    fn unknown_fields(&self) -> Vec<String> {
        let mut found: Vec<String> = self.unknown.keys().cloned().collect();
        let mut under =
            |prefix: String, unknown: &Unknown| found.extend(unknown.keys().map(|key| format!("{prefix}{key}")));
        for (i, visit) in self.visits.iter().enumerate() {
            under(format!("visits[{i}]."), &visit.unknown);
        }
        for (prefix, recovery) in self
            .recoveries
            .iter()
            .enumerate()
            .map(|(i, r)| (format!("recoveries[{i}]."), r))
            .chain(self.mishap.iter().map(|r| ("mishap.".to_owned(), r)))
        {
            under(prefix.clone(), &recovery.unknown);
            for (j, follow_up) in recovery.follow_ups.iter().enumerate() {
                under(format!("{prefix}follow_ups[{j}]."), &follow_up.unknown);
            }
        }
        for (i, written) in self.written_to.iter().enumerate() {
            under(format!("written_to[{i}]."), &written.unknown);
        }
        found
    }
}

fn recovery_line(r: &Recovery) -> RecoveryLine {
    RecoveryLine {
        opened_at: format_time(r.opened_at),
        category: r.category.clone(),
        what_happened: r.what_happened.clone(),
        action_taken: r.action_taken.clone(),
        cost: r.cost,
        follow_ups: r
            .follow_ups
            .iter()
            .map(|f| FollowUpLine {
                task: f.task.clone(),
                done: f.done,
                owner: f.owner.clone(),
                due: f.due.map(format_time),
                ticked_at: f.ticked.as_ref().map(|(at, _)| format_time(*at)),
                ticked_by: f.ticked.as_ref().map(|(_, by)| by.clone()).unwrap_or_default(),
                unknown: Unknown::new(),
            })
            .collect(),
        resolved_at: r.resolved_at.map(format_time),
        staff: r.staff.clone(),
        unknown: Unknown::new(),
    }
}

fn to_line(history: &GuestHistory) -> GuestLine {
    let p = &history.guest.profile;
    let noted = history.guest.notes_by.as_ref().filter(|_| !p.notes.is_empty());
    GuestLine {
        name: Some(p.name.clone()),
        greeting: p.greeting.clone(),
        phone: p.phone.clone(),
        email: p.email.clone(),
        birthday: p.birthday.map(|b| b.to_string()),
        tags: p.tags.clone(),
        allergies: p.allergies.clone(),
        preferences: p.preferences.clone(),
        other_names: p.other_names.clone(),
        notes: p.notes.clone(),
        notes_by: noted.map(|n| n.staff.clone()).unwrap_or_default(),
        notes_at: noted.map(|n| format_time(n.at)),
        visits: history
            .visits
            .iter()
            .map(|v| VisitLine {
                at: format_time(v.at),
                seat: v.seat.clone(),
                order: v.order.clone(),
                party_size: v.party_size,
                staff: v.staff.clone(),
                note: v.note.clone(),
                unknown: Unknown::new(),
            })
            .collect(),
        recoveries: history.recoveries.iter().map(|entry| recovery_line(&entry.recovery)).collect(),
        written_to: history
            .written
            .iter()
            .map(|w| WrittenLine {
                occasion: w.occasion.as_str().to_owned(),
                of: w.of.clone(),
                at: format_time(w.at),
                staff: w.staff.clone(),
                unknown: Unknown::new(),
            })
            .collect(),
        ..GuestLine::empty()
    }
}
