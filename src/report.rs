//! The mishap tally and the outreach list as rows of text, shared by `regulars report` / `regulars outreach` and
//! their screens, so that both always show the same thing.

use chrono::{Datelike, FixedOffset};
use serde::Serialize;

use std::collections::HashMap;

use crate::domain::TheUsual;
use crate::domain::goal::Keeping;
use crate::domain::money::{Money, NumberStyle, format_amount, format_number};
use crate::domain::outreach::{Occasion, Prospect, Reason};
use crate::domain::tally::{CategoryTally, OwnerTally, RECENT_DAYS, Tally};
use crate::domain::{GuestHistory, GuestId};
use crate::i18n::{Language, away, days_count, month_day};
use crate::t;

/// The columns' messages, as headed on screen and in the command's output. The last, [`WHY`], is printed under the
/// table rather than in it: it is too long for a column.
const HEADER_IDS: [&str; 13] = [
    "tally-category",
    "tally-count",
    "tally-7-days",
    "tally-30-days",
    "tally-90-days",
    "tally-cost",
    "tally-to-resolve",
    "tally-same-day",
    "tally-open",
    "tally-repeat-guests",
    "tally-priority",
    "tally-12-weeks",
    "tally-why",
];

/// The columns' headings in `language`.
pub fn headers(language: Language) -> [String; 13] {
    HEADER_IDS.map(|id| crate::i18n::text(language, id, &[]))
}

/// The column holding the priority.
pub const PRIORITY: usize = 10;

/// The column saying why a category ranks where it does.
pub const WHY: usize = 12;

/// The priority's formula in one line, for headings.
pub fn priority_rule(language: Language) -> String {
    t!(language, "tally-priority-rule")
}

/// What the formula's terms are, as parts to join with " · ": recency, repeat, the average cost, and that a
/// missing cost adds nothing.
pub fn priority_key(tally: &Tally, money: &Money, language: Language) -> Vec<String> {
    vec![
        t!(language, "tally-key-recency", days = RECENT_DAYS),
        t!(language, "tally-key-repeat"),
        match tally.average_cost {
            Some(average) => t!(language, "tally-key-average", amount = format_amount(average, money)),
            None => t!(language, "tally-key-no-cost"),
        },
        t!(language, "tally-key-missing-cost"),
    ]
}

/// One row of text per category, in the tally's order (highest priority first), amounts and numbers written as
/// `money` says, words in `language`.
pub fn rows(tally: &Tally, money: &Money, language: Language) -> Vec<[String; 13]> {
    tally.categories.iter().map(|c| row(c, tally.until, money, language)).collect()
}

fn row(c: &CategoryTally, until: chrono::DateTime<chrono::Utc>, money: &Money, language: Language) -> [String; 13] {
    let style = money.style;
    [
        c.category.clone(),
        c.count.to_string(),
        c.last_7_days.to_string(),
        c.last_30_days.to_string(),
        c.last_90_days.to_string(),
        format_amount(c.total_cost, money),
        c.median_hours_to_resolve
            .map_or_else(|| "—".to_owned(), |h| t!(language, "tally-hours", hours = format_number(h, 1, style))),
        c.resolved_same_day
            .map_or_else(|| "—".to_owned(), |share| format!("{}%", format_number(share * 100.0, 0, style))),
        c.open.to_string(),
        c.repeat_guests.to_string(),
        format_number(c.priority, 1, style),
        marked(&sparkline(&c.weekly), &c.changed_weeks(until)),
        why(c, style, language),
    ]
}

/// Why the category ranks where it does, for people, in `language`: the parts of [`CategoryTally::explain`] (which
/// words them for the JSON, in English, for machines to keep reading alike).
fn why(c: &CategoryTally, style: NumberStyle, language: Language) -> String {
    let mut parts = Vec::new();
    if c.recent > 0 {
        parts.push(t!(language, "tally-why-recent", count = c.recent));
    }
    if c.older > 0 {
        parts.push(t!(language, "tally-why-older", count = c.older));
    }
    if c.from_repeat_guests > 0 {
        parts.push(t!(language, "tally-why-repeat", count = c.from_repeat_guests));
    }
    parts.push(match c.cost_vs_average {
        _ if c.costs_recorded == 0 => t!(language, "tally-why-no-cost"),
        Some(ratio) => t!(language, "tally-why-cost", ratio = format_number(ratio, 1, style)),
        None => t!(language, "tally-why-cost-zero"),
    });
    parts.join(" · ")
}

/// Who answers for the category and how they did, for people, in `language`: "@housekeeping · goal 1/day: met ·
/// 80% of 5 promises on time · first contact 25 min"; `None` when nothing of it is known.
pub fn answerable(c: &CategoryTally, style: NumberStyle, language: Language) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(owner) = &c.owner {
        parts.push(format!("@{owner}"));
    }
    if let (Some(goal), Some(met)) = (&c.goal, c.goal_met) {
        parts.push(match met {
            true => t!(language, "tally-goal-met", goal = goal.as_str()),
            false => t!(language, "tally-goal-missed", goal = goal.as_str()),
        });
    }
    parts.extend(keeping_parts(&c.keeping, style, language));
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// One owner's categories together, for people: "@housekeeping · 2 kinds, 5 mishaps · goals met · 80% of 5
/// promises on time · first contact 25 min".
pub fn owner_line(o: &OwnerTally, style: NumberStyle, language: Language) -> String {
    let mut parts = vec![format!("@{}", o.owner), t!(language, "tally-owner-count", kinds = o.categories, n = o.count)];
    match o.goals_met {
        Some(true) => parts.push(t!(language, "tally-owner-goals-met")),
        Some(false) => parts.push(t!(language, "tally-owner-goals-missed")),
        None => {}
    }
    parts.extend(keeping_parts(&o.keeping, style, language));
    parts.join(" · ")
}

/// How promises were kept, as parts: the share on time, the first contact.
fn keeping_parts(keeping: &Keeping, style: NumberStyle, language: Language) -> Vec<String> {
    let mut parts = Vec::new();
    if let Some(share) = keeping.on_time {
        let percent = format_number(share * 100.0, 0, style);
        parts.push(t!(language, "tally-on-time", percent = percent, n = keeping.timed));
    }
    if let Some(minutes) = keeping.first_contact_minutes {
        let length = chrono::Duration::seconds((minutes * 60.0).round() as i64);
        parts.push(t!(language, "tally-first-contact", after = crate::i18n::span(language, length)));
    }
    parts
}

/// The trend with a '¦' before each week in which the team changed something: "▆▇¦▃▁".
fn marked(trend: &str, weeks: &[usize]) -> String {
    let mut out = String::new();
    for (week, bar) in trend.chars().enumerate() {
        if weeks.contains(&week) {
            out.push('¦');
        }
        out.push(bar);
    }
    out
}

/// "▁▃█▂": each week's count as a bar an eighth of the busiest week high.
pub fn sparkline(values: &[u32]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let top = values.iter().copied().max().unwrap_or(0).max(1);
    values.iter().map(|&v| if v == 0 { ' ' } else { BARS[((v * 8).div_ceil(top) as usize).clamp(1, 8) - 1] }).collect()
}

/// One guest to write to, with what a personal note needs; the columns of the mail-merge CSV.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutreachRow {
    /// The guest, and the occasions they are listed for (with what tells each from the next): for noting that they
    /// were written to. Not columns of the mail merge.
    #[serde(skip)]
    pub guest: GuestId,
    #[serde(skip)]
    pub occasions: Vec<(Occasion, String)>,
    /// "birthday 06-08 (in 1 day)", "not seen for 1 year 5 months", or both.
    pub reason: String,
    pub name: String,
    pub greeting: String,
    pub phone: String,
    pub email: String,
    pub birthday: String,
    pub last_visit: String,
    pub last_seat: String,
    pub the_usual: String,
    /// Open and past recoveries: "room upgrade (open); late order (resolved)".
    pub recoveries: String,
}

impl OutreachRow {
    /// The mail merge's columns, as its header row names them (the JSON fields' names too).
    pub const COLUMNS: [&'static str; 10] = [
        "reason",
        "name",
        "greeting",
        "phone",
        "email",
        "birthday",
        "last_visit",
        "last_seat",
        "the_usual",
        "recoveries",
    ];

    /// The row's cells, in the order of `COLUMNS`.
    pub fn cells(&self) -> [&str; 10] {
        [
            &self.reason,
            &self.name,
            &self.greeting,
            &self.phone,
            &self.email,
            &self.birthday,
            &self.last_visit,
            &self.last_seat,
            &self.the_usual,
            &self.recoveries,
        ]
    }
}

/// The outreach list as rows, dates on the desk's clock in `zone`: one for each prospect whose history is among
/// `histories` (a guest erased since the list was drawn up has none), in the prospects' order.
pub fn outreach_rows(
    prospects: &[Prospect],
    histories: &[GuestHistory],
    zone: FixedOffset,
    language: Language,
) -> Vec<OutreachRow> {
    let of: HashMap<GuestId, &GuestHistory> = histories.iter().map(|h| (h.guest.id, h)).collect();
    prospects
        .iter()
        .filter_map(|p| Some((p, *of.get(&p.guest)?)))
        .map(|(p, h)| {
            let card = h.card();
            let profile = &h.guest.profile;
            let reason = p
                .reasons
                .iter()
                .map(|r| match r {
                    Reason::Birthday { in_days: 0, .. } => t!(language, "outreach-birthday-today"),
                    Reason::Birthday { on, in_days } => t!(
                        language,
                        "outreach-birthday",
                        on = month_day(language, on.month(), on.day()),
                        days = days_count(language, *in_days),
                    ),
                    Reason::Lapsed { days, .. } => t!(language, "outreach-lapsed", away = away(language, *days)),
                })
                .collect::<Vec<_>>()
                .join("; ");
            let the_usual = match &card.the_usual {
                Some(TheUsual::Usual { items, times, of_last }) => {
                    t!(language, "outreach-usual", items = items.join(", "), times = *times, of = *of_last)
                }
                Some(TheUsual::LastOrder { items, .. }) => {
                    t!(language, "outreach-last-order", items = items.join(", "))
                }
                None => String::new(),
            };
            let recoveries = h
                .recoveries
                .iter()
                .rev()
                .map(|e| {
                    let state = if e.recovery.is_open() { "outreach-open" } else { "outreach-resolved" };
                    format!("{} ({})", e.recovery.category, crate::i18n::text(language, state, &[]))
                })
                .collect::<Vec<_>>()
                .join("; ");
            OutreachRow {
                guest: h.guest.id,
                occasions: p.reasons.iter().map(|r| (r.occasion(), r.of())).collect(),
                reason,
                name: profile.name.clone(),
                greeting: profile.greeting.clone(),
                phone: profile.phone.clone(),
                email: profile.email.clone(),
                birthday: profile.birthday.map(|b| b.to_string()).unwrap_or_default(),
                last_visit: h.last_visit().map(|at| crate::i18n::date_at(language, at, zone)).unwrap_or_default(),
                last_seat: card.last_seat.map(|s| s.seat.to_owned()).unwrap_or_default(),
                the_usual,
                recoveries,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Currency;
    use crate::domain::outreach::{Standing, prospects};
    use crate::domain::tally::{Mishap, tally};
    use crate::domain::{Birthday, Guest, GuestHistory, GuestId, Profile, Visit};
    use chrono::{DateTime, Duration, TimeZone, Utc};

    fn until() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
    }

    fn mishap(category: &str, days_ago: i64, cost: Option<f64>) -> Mishap {
        let opened_at = until() - Duration::days(days_ago);
        Mishap { guest: None, category: category.into(), opened_at, resolved_at: None, cost }
    }

    #[test]
    fn rows_show_the_currency_and_the_local_style() {
        let tally = tally(
            &[mishap("room upgrade", 3, Some(1200.5)), mishap("noise", 40, None)],
            until() - Duration::days(90),
            until(),
        );
        let baht = Money { currency: Currency::from_setting("฿"), style: NumberStyle::DecimalPoint };
        let rows = rows(&tally, &baht, Language::En);
        assert_eq!(rows[0][5], "฿1,200.50");
        assert_eq!((rows[0][PRIORITY].as_str(), rows[0][WHY].as_str()), ("2.0", "1 recent · cost 1.0× avg"));
        assert_eq!((rows[1][5].as_str(), rows[1][WHY].as_str()), ("฿0.00", "1 older · no cost recorded"));
        let hans = super::rows(&tally, &baht, Language::ZhHans);
        assert_eq!(
            (hans[0][WHY].as_str(), hans[1][WHY].as_str()),
            ("近期1次 · 费用为平均的1.0倍", "较早1次 · 未记录费用")
        );
        let euro = Money { currency: Currency::from_setting("EUR"), style: NumberStyle::DecimalComma };
        assert_eq!(super::rows(&tally, &euro, Language::En)[0][5], "1.200,50 EUR");
        assert_eq!(priority_key(&tally, &baht, Language::En)[2], "average cost ฿1,200.50");
    }

    #[test]
    fn no_row_shows_a_negative_zero() {
        let mut tally = tally(&[mishap("noise", 1, None)], until() - Duration::days(7), until());
        assert!(tally.categories[0].total_cost.is_sign_positive(), "a sum of no costs is +0");
        // Figures that round to zero from below, as a hand-edited book could give.
        let noise = &mut tally.categories[0];
        (noise.total_cost, noise.median_hours_to_resolve, noise.priority) = (-0.0, Some(-0.01), -0.0001);
        noise.resolved_same_day = Some(-0.0);
        for cell in &rows(&tally, &Money::default(), Language::En)[0] {
            assert!(!cell.starts_with('-'), "{cell:?}");
        }
    }

    #[test]
    fn outreach_reasons_count_in_words() {
        let now = until();
        let visit = |days_ago: i64| Visit {
            at: now - Duration::days(days_ago),
            seat: "Bar".into(),
            order: vec![],
            party_size: None,
            staff: String::new(),
            note: String::new(),
        };
        let guest = |id: i64, birthday: Option<&str>, visits: Vec<Visit>| GuestHistory {
            earlier: Default::default(),
            written: vec![],
            guest: Guest {
                id: GuestId(id),
                version: 1,
                profile: Profile {
                    name: format!("Guest {id}"),
                    birthday: birthday.map(|b| b.parse::<Birthday>().unwrap()),
                    ..Profile::default()
                },
                notes_by: None,
            },
            visits,
            recoveries: vec![],
        };
        let histories = [
            guest(1, Some("--11-24"), vec![]),
            guest(2, Some("--11-30"), vec![]),
            guest(3, None, vec![visit(900), visit(534)]),
            guest(4, None, vec![visit(2000), visit(1200)]),
        ];
        let standings: Vec<Standing> = histories
            .iter()
            .map(|h| Standing {
                guest: h.guest.id,
                birthday: h.guest.profile.birthday,
                visits: h.visit_count(),
                last_visit: h.last_visit(),
                written: vec![],
            })
            .collect();
        let listed = prospects(&standings, now, now.date_naive(), 14, 365);
        let reasons: Vec<String> = outreach_rows(&listed, &histories, FixedOffset::east_opt(0).unwrap(), Language::En)
            .into_iter()
            .map(|r| r.reason)
            .collect();
        assert_eq!(
            reasons,
            [
                "birthday 11-24 (in 1 day)",
                "birthday 11-30 (in 7 days)",
                "not seen for 3 years",
                "not seen for 1 year 5 months"
            ]
        );
    }

    #[test]
    fn sparklines_scale_to_the_busiest_week() {
        assert_eq!(sparkline(&[0, 1, 4, 8]), " ▁▄█");
        assert_eq!(sparkline(&[0, 0]), "  ");
    }
}
