//! The search line: what has been typed, and how many guests it matches.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::text::{book_owned, draw, fit, window};
use crate::domain::cells;
use crate::t;
use crate::tui::app::{App, Focus};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let count = count(app);
    let prompt_style = if app.focus == Focus::Search { app.theme.focus_border } else { app.theme.dim };
    let prompt = prompt(app);
    let (shown, _) = typed(app, area, &count);
    let mut left = vec![Span::styled(prompt, prompt_style), book_owned(shown, app.theme.text)];
    if app.query.text().is_empty() && app.focus == Focus::Search {
        left.push(Span::styled(t!(app.language, "search-placeholder"), app.theme.dim));
    }
    draw(&fit(left, room(area, &count)), area, buf);
    draw(&Line::from(Span::styled(count, app.theme.dim)).right_aligned(), area, buf);
}

/// "Find ›", or "Into ›" while merging: in each language the two take the same cells, so the cursor sits where it
/// always does.
fn prompt(app: &App) -> String {
    match app.merging {
        Some(_) => t!(app.language, "search-merge-prompt"),
        None => t!(app.language, "search-prompt"),
    }
}

/// Just after the cluster the cursor is on.
pub fn cursor(app: &App, area: Rect) -> Position {
    let (_, column) = typed(app, area, &count(app));
    let x = area.x + u16::try_from(cells::width(&prompt(app)) + column).unwrap_or(u16::MAX);
    Position::new(x.min(area.right().saturating_sub(1)), area.y)
}

/// How many guests the query finds, at the right of the line.
fn count(app: &App) -> String {
    let lang = app.language;
    match &app.results {
        _ if app.guests == Some(0) => t!(lang, "search-empty-book"),
        Some(r) if r.query.trim().is_empty() => {
            t!(lang, "search-latest-first", count = group(r.guests), guests = r.guests)
        }
        Some(r) if r.total == 0 => t!(lang, "search-no-match"),
        Some(r) if r.close => t!(lang, "search-typo-away", count = group(r.total)),
        Some(r) => t!(lang, "search-found", found = group(r.total), count = group(r.guests), guests = r.guests),
        None => t!(lang, "search-opening"),
    }
}

/// The columns left of the count.
fn room(area: Rect, count: &str) -> usize {
    usize::from(area.width).saturating_sub(cells::width(count) + 1)
}

/// What of the query shows after the prompt, scrolled so the cursor and what is typed stay in view, and the
/// cursor's column in it.
fn typed(app: &App, area: Rect, count: &str) -> (String, usize) {
    window(app.query.text(), app.query.cursor(), room(area, count).saturating_sub(cells::width(&prompt(app))))
}

/// 200000 → "200,000".
fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
