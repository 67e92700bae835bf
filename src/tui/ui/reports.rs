//! The mishap tally: a heading with the priority's formula, a table per category, worst first, and a bar for each
//! category's priority with why it ranks there.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::text::{book_owned, draw, fit};
use crate::domain::cells;
use crate::domain::money::{NumberStyle, format_number};
use crate::domain::returns::Returns;
use crate::domain::text::inert;
use crate::i18n::{Language, date_at, days_count};
use crate::report::{PRIORITY, WHY, answerable, headers, owner_line, priority_key, priority_rule, rows};
use crate::t;
use crate::tui::app::App;

/// The columns shown when the screen is narrower than `WIDE`: category, count, the last 30 days, cost, open,
/// priority and the trend.
const NARROW: [usize; 7] = [0, 1, 3, 5, 8, 10, 11];
const WIDE: u16 = 120;

/// The shortest bar worth drawing beside the reason; below it, the reason goes on a line of its own.
const MIN_BAR: usize = 10;

/// The longest bar: longer ones only push the reason away from the name.
const MAX_BAR: usize = 60;

/// The longest category name the bars make room for.
const NAME_MAX: usize = 20;

/// The tally of the last `days` days, amounts and numbers written as `money` says.
pub fn render(app: &App, days: i64, area: Rect, buf: &mut Buffer) {
    let money = &app.money;
    let theme = &app.theme;
    let language = app.language;
    let title = match &app.report_owner {
        None => t!(language, "tally-title", days = days_count(language, days)),
        Some(owner) => t!(language, "tally-title-owner", days = days_count(language, days), owner = inert(owner)),
    };
    let block = Block::bordered().title(Span::styled(title, theme.name));
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(whole) = &app.report else {
        draw(&Line::styled(t!(language, "tally-counting"), theme.dim), inner, buf);
        return;
    };
    // One owner's view: only what they answer for, ranked as in the whole tally.
    let owned;
    let tally = match &app.report_owner {
        None => whole,
        Some(owner) => {
            let mut only = whole.clone();
            only.categories.retain(|c| c.owner.as_ref() == Some(owner));
            owned = only;
            &owned
        }
    };
    let width = usize::from(inner.width);
    let period = format!("{} – {}", date_at(language, tally.since, app.zone), date_at(language, tally.until, app.zone));
    let heading = wrap(&[period, t!(language, "tally-worst-first", rule = priority_rule(language))], width);
    let mut y = inner.y;
    for line in heading.into_iter().chain(wrap(&priority_key(tally, money, language), width)) {
        if y >= inner.bottom() {
            return;
        }
        draw(&fit(vec![Span::styled(line, theme.dim)], width), Rect::new(inner.x, y, inner.width, 1), buf);
        y += 1;
    }
    y += 1;
    let rows = rows(tally, money, language);
    let headers = headers(language);
    if rows.is_empty() {
        if y < inner.bottom() {
            draw(&Line::styled(t!(language, "tally-none"), theme.dim), Rect::new(inner.x, y, inner.width, 1), buf);
        }
        return;
    }
    let columns: Vec<usize> = if area.width >= WIDE { (0..WHY).collect() } else { NARROW.to_vec() };
    let widest =
        |i: usize| rows.iter().map(|r| cells::width(&r[i])).chain([cells::width(&headers[i])]).max().unwrap_or(0);
    let widths: Vec<usize> = columns.iter().map(|&i| widest(i)).collect();
    let room = inner.bottom().saturating_sub(y);
    let table_height = u16::try_from(rows.len() + 1).unwrap_or(u16::MAX).min(room / 2);
    // The table drawn row by row like every other line, so a category in Thai or Arabic takes the cells the
    // terminal gives it: columns padded to their widest cell, two spaces apart.
    let row_line = |texts: Vec<&str>, style: Style| {
        let mut spans = Vec::new();
        for (k, (text, width)) in texts.into_iter().zip(&widths).enumerate() {
            if k > 0 {
                spans.push(Span::raw("  "));
            }
            spans.push(book_owned(format!("{text}{}", " ".repeat(width.saturating_sub(cells::width(text)))), style));
        }
        fit(spans, usize::from(inner.width))
    };
    let header = row_line(columns.iter().map(|&i| headers[i].as_str()).collect(), theme.label);
    let body = rows.iter().map(|r| row_line(columns.iter().map(|&i| r[i].as_str()).collect(), Style::new()));
    for (line, row) in std::iter::once(header).chain(body).zip(y..y + table_height) {
        draw(&line, Rect::new(inner.x, row, inner.width, 1), buf);
    }

    // A bar per category, in the same order, as long as its priority is against the worst, then why it ranks there.
    let top = tally.categories.first().map_or(1.0, |c| c.priority.max(f64::MIN_POSITIVE));
    let names: Vec<String> = rows.iter().map(|r| inert(&r[0]).into_owned()).collect();
    let name_width = names.iter().map(|n| cells::width(n)).max().unwrap_or(0).min(NAME_MAX);
    let priority_width = rows.iter().map(|r| cells::width(&r[PRIORITY])).max().unwrap_or(0);
    let why_width = rows.iter().map(|r| cells::width(&r[WHY])).max().unwrap_or(0);
    let fixed = name_width + 1 + 1 + priority_width;
    let beside = width >= fixed + MIN_BAR + 2 + why_width;
    let bar_room = width.saturating_sub(fixed + if beside { 2 + why_width } else { 0 }).clamp(1, MAX_BAR);
    let mut lines: Vec<Line<'_>> = Vec::new();
    for ((c, row), name) in tally.categories.iter().zip(&rows).zip(&names) {
        let length = ((c.priority / top) * bar_room as f64).round().clamp(1.0, bar_room as f64) as usize;
        let name = fit(vec![Span::raw(name.as_str())], name_width).to_string();
        let mut spans = vec![
            Span::styled(format!("{name}{} ", " ".repeat(name_width.saturating_sub(cells::width(&name)))), theme.text),
            Span::styled("█".repeat(length), theme.alert),
        ];
        if beside {
            // Padded, so that the reasons line up in a column.
            let pad = bar_room - length + priority_width - cells::width(&row[PRIORITY]);
            spans.push(Span::styled(format!("{} {}", " ".repeat(pad), row[PRIORITY]), theme.dim));
        } else {
            spans.push(Span::styled(format!(" {}", row[PRIORITY]), theme.dim));
        }
        if beside {
            spans.push(Span::styled(format!("  {}", row[WHY]), theme.text));
            lines.push(fit(spans, width));
        } else {
            lines.push(fit(spans, width));
            lines.push(fit(vec![Span::styled(format!("  {}", row[WHY]), theme.text)], width));
        }
        // Who answers for it, and whether they kept to the goal: a missed goal in the warning colour.
        if let Some(answer) = answerable(c, app.money.style, app.language) {
            let style = if c.goal_met == Some(false) { theme.warning } else { theme.dim };
            lines.push(fit(vec![Span::styled(format!("  ↳ {}", inert(&answer)), style)], width));
        }
    }
    // One owner's view: their categories together, under them.
    if let Some(owner) = tally.owners.iter().find(|o| app.report_owner.as_ref() == Some(&o.owner)) {
        lines.push(fit(
            vec![Span::styled(inert(&owner_line(owner, money.style, language)).into_owned(), theme.text)],
            width,
        ));
    }
    if let Some(returns) = &app.returns {
        lines.push(Line::default());
        lines.extend(
            panel(returns, money.style, language)
                .into_iter()
                .map(|text| fit(vec![Span::styled(text, theme.dim)], width)),
        );
    }
    for (y, line) in (y + 1 + table_height..inner.bottom()).zip(lines) {
        draw(&line, Rect::new(inner.x, y, inner.width, 1), buf);
    }
}

/// The return rate in two lines, under the tally: the latest years' guests back the year after, newest first; this
/// month's share of visits by returning guests and what outreach's letters brought back (`regulars report --returns`
/// has it all).
fn panel(returns: &Returns, style: NumberStyle, language: Language) -> Vec<String> {
    let percent = |share: f64| format!("{}%", format_number(share * 100.0, 0, style));
    let years: Vec<String> = (returns.cohorts.iter().rev().take(3))
        .map(|c| {
            let so_far = if c.so_far { t!(language, "returns-so-far") } else { String::new() };
            t!(
                language,
                "tally-returns-year",
                year = c.year,
                share = percent(c.share),
                returned = c.returned,
                guests = c.guests
            ) + &so_far
        })
        .collect();
    let mut lines = vec![t!(language, "tally-returns", years = years.join(" · "))];
    if let Some(month) = returns.months.last() {
        let share = month.share.map_or_else(|| "—".to_owned(), percent);
        let letters = returns.letters;
        lines.push(t!(
            language,
            "tally-returns-month",
            share = share,
            written = letters.written,
            back = letters.back_in_3_months
        ));
    }
    lines
}

/// `parts` joined with " · " into lines of at most `width` columns, a part never split (one too long for a line
/// has it to itself, and is cut when shown).
fn wrap(parts: &[String], width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for part in parts {
        match lines.last_mut() {
            Some(line) if cells::width(line) + 3 + cells::width(part) <= width => {
                line.push_str(" · ");
                line.push_str(part);
            }
            _ => lines.push(part.clone()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tally::{Mishap, tally};
    use crate::tui::theme::Theme;
    use chrono::{Duration, FixedOffset, TimeZone, Utc};

    /// The screen at `width` × 24 over a tally of a few categories, as text lines.
    fn shown(width: u16) -> Vec<String> {
        let until = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap();
        let mishap = |guest: Option<i64>, category: &str, days_ago: i64, cost: Option<f64>| Mishap {
            guest: guest.map(crate::domain::GuestId),
            category: category.into(),
            opened_at: until - Duration::days(days_ago),
            resolved_at: None,
            cost,
        };
        let mishaps = [
            mishap(Some(1), "late order", 2, None),
            mishap(Some(1), "late order", 5, Some(10.0)),
            mishap(Some(2), "late order", 50, None),
            mishap(Some(3), "room upgrade", 60, Some(1200.0)),
            mishap(None, "noise", 1, None),
        ];
        let zone = FixedOffset::east_opt(0).unwrap();
        let mut app = App::new((width, 24), until, zone, Theme::plain(), "Nok");
        app.report = Some(tally(&mishaps, until - Duration::days(89), until));
        let area = Rect::new(0, 0, width, 20);
        let mut buf = Buffer::empty(area);
        render(&app, 90, area, &mut buf);
        (0..area.height)
            .map(|y| (0..area.width).map(|x| buf[(x, y)].symbol()).collect::<String>().trim_end().to_owned())
            .collect()
    }

    #[test]
    fn the_narrow_screen_keeps_every_reason_whole() {
        let lines = shown(80);
        let text = lines.join("\n");
        for reason in ["2 recent · 1 older · 2 from repeat guests · cost 0.0× avg", "1 older · cost 2.0× avg"] {
            assert!(text.contains(reason), "{reason} missing:\n{text}");
        }
        assert!(lines.iter().all(|l| !l.contains('…')), "nothing cut:\n{text}");
    }

    #[test]
    fn parts_wrap_whole_at_the_width() {
        let parts = ["one".to_owned(), "two".to_owned(), "three".to_owned()];
        assert_eq!(wrap(&parts, 80), ["one · two · three"]);
        assert_eq!(wrap(&parts, 9), ["one · two", "three"]);
        assert_eq!(wrap(&parts, 2), ["one", "two", "three"]);
    }
}
