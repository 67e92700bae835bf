//! `regulars report`: the mishap tally as a table.

use std::io::{self, BufWriter, Write};

use anyhow::{Result, anyhow, bail};
use chrono::{DateTime, Duration, FixedOffset, Local, NaiveDate, Utc};
use regulars::domain::cells;
use regulars::domain::money::Money;
use regulars::domain::promise::same_station;
use regulars::domain::tally::{REPORT_DAYS, Tally, last_days, start_of};
use regulars::domain::text::{inert, inert_json};
use regulars::domain::when::said_day;
use regulars::i18n::{Language, date, days_count};
use regulars::report::{PRIORITY, WHY, answerable, headers, owner_line, priority_key, priority_rule, rows};
use regulars::t;

use super::Book;

/// The tally of the period, of every category or of those `owner` answers for.
pub fn run(book: &Book, since: Option<&str>, until: Option<&str>, owner: Option<&str>, json: bool) -> Result<()> {
    let store = book.open()?;
    let zone = *Local::now().offset();
    let (since, until) = period(since, until, zone, book.language)?;
    let mut tally = store.tally(since, until)?;
    if let Some(owner) = owner {
        tally.categories.retain(|c| c.owner.as_deref().is_some_and(|o| same_station(o, owner)));
        tally.owners.retain(|o| same_station(&o.owner, owner));
    }
    let mut out = BufWriter::new(io::stdout().lock());
    if json {
        writeln!(out, "{}", inert_json(&serde_json::to_string_pretty(&tally)?))?;
    } else {
        write(&mut out, &tally, &book.money(), zone, book.language)?;
    }
    out.flush()?;
    Ok(())
}

/// The days counted, on the desk's clock in `zone`: `--since` to `--until` inclusive, by default the 90 days up
/// to now — as the screen counts them.
fn period(
    since: Option<&str>,
    until: Option<&str>,
    zone: FixedOffset,
    language: Language,
) -> Result<(DateTime<Utc>, DateTime<Utc>)> {
    let day = |flag: &str, text: &str| -> Result<NaiveDate> {
        said_day(text).map_err(|why| anyhow!(why).context(flag.to_owned()))
    };
    let until = match until {
        // The last moment of the day: up to the start of the next.
        Some(text) => start_of(day("--until", text)? + Duration::days(1), zone) - Duration::milliseconds(1),
        None => Utc::now(),
    };
    let since = match since {
        Some(text) => start_of(day("--since", text)?, zone),
        None => last_days(until, REPORT_DAYS, zone),
    };
    if since > until {
        bail!(t!(language, "cli-since-after-until"));
    }
    Ok((since, until))
}

/// The tally: a heading with the period and the priority's formula, a table worst first, then why each category
/// ranks where it does. Amounts and numbers are written as `money` says.
pub fn write(
    out: &mut impl Write,
    tally: &Tally,
    money: &Money,
    zone: FixedOffset,
    language: Language,
) -> io::Result<()> {
    let (since, until) = (tally.since.with_timezone(&zone).date_naive(), tally.until.with_timezone(&zone).date_naive());
    let days = (until - since).num_days() + 1;
    let heading = t!(
        language,
        "report-heading",
        since = date(language, since),
        until = date(language, until),
        days = days_count(language, days),
        rule = priority_rule(language),
    );
    writeln!(out, "{heading}")?;
    let rows: Vec<Vec<String>> = rows(tally, money, language)
        .into_iter()
        .map(|row| row.iter().map(|cell| inert(cell).into_owned()).collect())
        .collect();
    if rows.is_empty() {
        return writeln!(out, "{}", t!(language, "tally-none"));
    }
    let headers = headers(language);
    let width =
        |i: usize| rows.iter().map(|r| cells::width(&r[i])).chain([cells::width(&headers[i])]).max().unwrap_or(0);
    let widths: Vec<usize> = (0..headers.len()).map(width).collect();
    let line = |cells: &[&str]| -> String {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell}{}", " ".repeat(width - cells::width(cell))))
            .collect();
        padded.join("  ").trim_end().to_owned()
    };
    // The reason is a sentence, not a figure: it goes under the table, where it can be read at any width.
    writeln!(out, "{}", line(&headers[..WHY].iter().map(String::as_str).collect::<Vec<_>>()))?;
    for row in &rows {
        writeln!(out, "{}", line(&row[..WHY].iter().map(String::as_str).collect::<Vec<_>>()))?;
    }
    writeln!(out)?;
    writeln!(out, "{}", t!(language, "report-why", key = priority_key(tally, money, language).join(" · ")))?;
    let priority_width = rows.iter().map(|r| cells::width(&r[PRIORITY])).max().unwrap_or(0);
    for row in &rows {
        let (category, priority) = (&row[0], &row[PRIORITY]);
        writeln!(
            out,
            "{category}{}  {}{priority}  {}",
            " ".repeat(widths[0] - cells::width(category)),
            " ".repeat(priority_width - cells::width(priority)),
            row[WHY]
        )?;
    }
    let answers: Vec<(&String, String)> = (tally.categories.iter().zip(&rows))
        .filter_map(|(c, row)| Some((&row[0], answerable(c, money.style, language)?)))
        .collect();
    if !answers.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", t!(language, "report-answers"))?;
        for (category, answer) in answers {
            writeln!(out, "{category}{}  {}", " ".repeat(widths[0] - cells::width(category)), inert(&answer))?;
        }
        for owner in &tally.owners {
            writeln!(out, "{}", inert(&owner_line(owner, money.style, language)))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

        /// Whatever days are given, in whatever zone, the period is read or refused in a line: never a panic (the
        /// day after the last day chrono knows, a zone at the end of the range).
        #[test]
        fn any_period_is_read_or_refused(
            since in proptest::option::of("[+-]?[0-9]{1,7}-[0-9]{1,2}-[0-9]{1,2}|.{0,12}"),
            until in proptest::option::of("[+-]?[0-9]{1,7}-[0-9]{1,2}-[0-9]{1,2}|.{0,12}"),
            offset in -(24 * 3600 - 1)..(24 * 3600),
        ) {
            let zone = FixedOffset::east_opt(offset).unwrap_or(FixedOffset::east_opt(0).unwrap());
            if let Ok((since, until)) = period(since.as_deref(), until.as_deref(), zone, Language::En) {
                prop_assert!(since <= until);
            }
        }
    }
}
