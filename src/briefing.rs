//! The pre-shift briefing: tonight's arrivals on one printable page, grouped as the shift needs them — back after
//! a long time, birthdays, open recoveries, allergies, regulars and their usual, first-timers — each guest once, in
//! the first group that fits, with everything else they need on the same line. maud escapes every value, so a name
//! or a note holding markup is printed as text, never run.

use chrono::NaiveDate;
use maud::{DOCTYPE, Markup, html};

use crate::domain::arrival::{Prepared, Standing};
use crate::i18n::{Language, date};
use crate::t;
use crate::tonight;

/// The groups of the sheet, in the order a guest is placed in the first that fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Back,
    Birthday,
    Recovery,
    Allergies,
    Regulars,
    FirstTime,
}

const GROUPS: [Group; 6] =
    [Group::Back, Group::Birthday, Group::Recovery, Group::Allergies, Group::Regulars, Group::FirstTime];

impl Group {
    fn of(prepared: &Prepared) -> Self {
        match prepared {
            p if matches!(p.standing, Standing::Back(_)) => Self::Back,
            p if p.birthday_in.is_some() => Self::Birthday,
            p if p.open_recovery.is_some() => Self::Recovery,
            p if !p.allergies.is_empty() => Self::Allergies,
            // Guests who have been before, regulars or not yet: the shift offers them their usual.
            p if matches!(p.standing, Standing::Regular(_) | Standing::Returning(_)) => Self::Regulars,
            _ => Self::FirstTime,
        }
    }

    fn heading(self) -> &'static str {
        match self {
            Self::Back => "briefing-back",
            Self::Birthday => "briefing-birthdays",
            Self::Recovery => "briefing-recoveries",
            Self::Allergies => "briefing-allergies",
            Self::Regulars => "briefing-regulars",
            Self::FirstTime => "briefing-first-time",
        }
    }
}

/// The page for `day`'s arrivals, in `language`.
pub fn html(prepared: &[Prepared], day: NaiveDate, language: Language) -> String {
    let title = t!(language, "briefing-title", day = date(language, day), n = prepared.len());
    let page: Markup = html! {
        (DOCTYPE)
        html lang=(language.tag()) {
            head {
                meta charset="utf-8";
                title { (title) }
                style { (STYLE) }
            }
            body {
                h1 { (title) }
                @if prepared.is_empty() {
                    p { (t!(language, "arrivals-none", day = date(language, day))) }
                }
                @for group in GROUPS {
                    @let rows: Vec<&Prepared> = prepared.iter().filter(|p| Group::of(p) == group).collect();
                    @if !rows.is_empty() {
                        section {
                            h2 { (crate::i18n::text(language, group.heading(), &[])) " (" (rows.len()) ")" }
                            table {
                                @for row in rows {
                                    @let line = tonight::line(row, language);
                                    tr {
                                        td.time { (line.time) }
                                        td.who { strong { (line.greeting) } br; span.place { (line.party_and_place) } }
                                        td.what {
                                            (line.standing)
                                            @for part in [&line.usual, &line.open_recovery, &line.birthday, &line.note].into_iter().flatten() {
                                                " · " (part)
                                            }
                                            @if let Some(allergies) = &line.allergies {
                                                " · " span.allergy { (allergies) }
                                            }
                                            @if let Some(status) = &line.status {
                                                " · " em { (status) }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    page.into_string()
}

/// One page of A4 in print: small type, rows kept whole, allergies in bold red.
const STYLE: &str = "
@page { size: A4; margin: 12mm; }
body { font: 10pt/1.35 system-ui, 'Noto Sans CJK SC', 'Noto Sans Thai', sans-serif; color: #111; }
h1 { font-size: 14pt; margin: 0 0 6pt; }
h2 { font-size: 11pt; margin: 10pt 0 3pt; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; }
tr { break-inside: avoid; }
td { padding: 2pt 4pt; vertical-align: top; border-bottom: 1px solid #ddd; }
td.time { width: 3.2em; font-variant-numeric: tabular-nums; }
td.who { width: 28%; }
.place { color: #555; }
.allergy { color: #b00; font-weight: bold; }
";
