//! The search line: what has been typed, and how many guests it matches.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::text::{book, fit};
use crate::domain::text::inert;
use crate::tui::app::{App, Focus};

const PROMPT: &str = " Find › ";
/// The same width as PROMPT, so the cursor sits where it always does.
const MERGE_PROMPT: &str = " Into › ";

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let count = match &app.results {
        _ if app.guests == Some(0) => "empty guest book ".to_owned(),
        Some(r) if r.query.trim().is_empty() => format!("{} guests, latest first ", group(r.guests)),
        Some(r) if r.close => format!("no exact match · {} one typo away ", group(r.total)),
        Some(r) => format!("{} of {} guests ", group(r.total), group(r.guests)),
        None => "opening the guest book… ".to_owned(),
    };
    let prompt_style = if app.focus == Focus::Search { app.theme.focus_border } else { app.theme.dim };
    let room = usize::from(area.width).saturating_sub(count.width() + 1);
    let prompt = if app.merging.is_some() { MERGE_PROMPT } else { PROMPT };
    let mut left = vec![Span::styled(prompt, prompt_style), book(app.query.text(), app.theme.text)];
    if app.query.text().is_empty() && app.focus == Focus::Search {
        left.push(Span::styled("type a name, phone digits or pinyin", app.theme.dim));
    }
    fit(left, room).render(area, buf);
    Line::from(Span::styled(count, app.theme.dim)).right_aligned().render(area, buf);
}

/// Just after the character the cursor is on.
pub fn cursor(app: &App, area: Rect) -> Position {
    let typed: String = app.query.text().chars().take(app.query.cursor()).collect();
    let x = area.x + u16::try_from(PROMPT.width() + typed.width()).unwrap_or(u16::MAX);
    Position::new(x.min(area.right().saturating_sub(1)), area.y)
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

/// The newest heads-up for this desk, as one line.
pub fn heads_up_banner(app: &App) -> Option<Vec<Span<'_>>> {
    let heads_up = app.live_heads_ups().next()?;
    let from = if heads_up.from_station.is_empty() { "another desk" } else { heads_up.from_station.as_str() };
    let who = if heads_up.greeting.is_empty() { &heads_up.name } else { &heads_up.greeting };
    let mut spans = vec![
        Span::styled(" ▶ ", app.theme.alert),
        book(who, app.theme.alert),
        Span::styled(format!(" ({}) on the way", inert(&heads_up.name)), app.theme.alert),
        Span::styled(format!(" — from {}, {}", inert(from), ago_minutes(heads_up.sent_at, app.now)), app.theme.text),
    ];
    if !heads_up.note.is_empty() {
        spans.push(Span::styled(" · ", app.theme.dim));
        spans.push(book(&heads_up.note, app.theme.text));
    }
    match &heads_up.taken {
        Some(taken) => {
            spans.push(Span::styled(
                format!(" · taken by {} at {}", inert(&taken.by), inert(&taken.station)),
                app.theme.dim,
            ));
        }
        None => spans.push(Span::styled(" · F5 open · F6 take it", app.theme.dim)),
    }
    Some(spans)
}

/// "just now", "3 min ago".
fn ago_minutes(then: chrono::DateTime<chrono::Utc>, now: chrono::DateTime<chrono::Utc>) -> String {
    match (now - then).num_minutes() {
        ..=0 => "just now".to_owned(),
        minutes => format!("{minutes} min ago"),
    }
}
