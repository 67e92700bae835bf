//! The guest card: everything about the selected guest at once, open recoveries in a box that cannot be missed.

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::text::{book, book_owned, draw, fit, fit_with_tail, wrap};
use crate::domain::allergen::allergens_in;
use crate::domain::cells::padded;
use crate::domain::money::format_amount;
use crate::domain::promise::Standing;
use crate::domain::text::{inert, normalise};
use crate::domain::{Card, GuestHistory, RecoveryEntry, TheUsual};
use crate::i18n::{ago, date_at};
use crate::t;
use crate::tui::action::Action;
use crate::tui::app::{App, Focus};

const LABEL_WIDTH: usize = 11;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let border = if app.focus == Focus::Guest { app.theme.focus_border } else { app.theme.border };
    let block = Block::bordered().border_style(border);
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(history) = app.selected_card() else {
        let hint = if app.found().is_empty() { String::new() } else { t!(app.language, "pane-loading") };
        draw(&Line::styled(hint, app.theme.dim), inner, buf);
        return;
    };
    let card = history.card();
    let bottom = inner.bottom();
    let width = usize::from(inner.width);
    let mut y = inner.y;
    let put = |line: Line<'_>, y: &mut u16, buf: &mut Buffer| {
        if *y < bottom {
            draw(&line, Rect::new(inner.x, *y, inner.width, 1), buf);
            *y += 1;
        }
    };
    for line in summary(app, history, &card, width) {
        put(line, &mut y, buf);
    }
    // Open recoveries: each in its own box, newest first, as much of each as fits.
    let mut recoveries = card.open_recoveries.iter();
    for entry in recoveries.by_ref() {
        let box_width = usize::from(inner.width.saturating_sub(2));
        let lines: Vec<Line<'_>> =
            recovery_lines(app, entry).into_iter().flat_map(|line| wrap(line, box_width, 2)).collect();
        let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
        if y + 3 > bottom {
            break;
        }
        let boxed = Rect::new(inner.x, y, inner.width, height.min(bottom - y));
        let title = t!(
            app.language,
            "pane-open-recovery",
            ago = ago(app.language, entry.recovery.opened_at, app.now, app.zone)
        );
        let frame = Block::bordered().title(Span::styled(title, app.theme.alert)).border_style(app.theme.alert);
        let box_inner = frame.inner(boxed);
        frame.render(boxed, buf);
        for (i, line) in lines.into_iter().enumerate().take(usize::from(box_inner.height)) {
            let row = box_inner.y + u16::try_from(i).unwrap_or(u16::MAX);
            draw(&line, Rect::new(box_inner.x, row, box_inner.width, 1), buf);
        }
        y += boxed.height;
    }
    let hidden = recoveries.count();
    if hidden > 0 {
        put(Line::styled(t!(app.language, "pane-more-recoveries", count = hidden), app.theme.alert), &mut y, buf);
    }
    // As many past visits as the screen has room for, newest first.
    if !history.visits.is_empty() && y + 1 < bottom {
        put(Line::styled(t!(app.language, "pane-recent-visits"), app.theme.label), &mut y, buf);
        for visit in history.visits.iter().rev().take(usize::from(bottom - y)) {
            let mut spans = vec![Span::styled(format!("{}  ", date(app, visit.at)), app.theme.dim)];
            spans.extend(seat_and_order(app, &visit.seat, &visit.order));
            if let Some(party) = visit.party_size.filter(|&n| n > 1) {
                spans.push(Span::styled(t!(app.language, "pane-party-of", count = party), app.theme.dim));
            }
            if !visit.staff.is_empty() {
                spans.push(Span::styled(t!(app.language, "pane-served-by"), app.theme.dim));
                spans.push(book(&visit.staff, app.theme.dim));
            }
            if !visit.note.is_empty() {
                spans.push(Span::styled(" · ", app.theme.dim));
                spans.push(book(&visit.note, app.theme.dim));
            }
            put(fit(spans, width), &mut y, buf);
        }
    }
}

/// Name, greeting, last seat, the usual, usual seat, allergies, preferences, tags, birthday, contact, visits,
/// recoveries, notes. What staff act on — the seat, the usual, allergies — wraps rather than being cut; the rest
/// fits one line each, and where the end matters most (when, how often) it is kept whole and the middle is cut.
fn summary<'a>(app: &App, history: &'a GuestHistory, card: &Card<'a>, width: usize) -> Vec<Line<'a>> {
    let theme = &app.theme;
    let lang = app.language;
    let p = &card.guest.profile;
    let ago = |at| ago(lang, at, app.now, app.zone);
    let padded = |text: &str| padded(text, LABEL_WIDTH);
    let label = |text: &str| Span::styled(padded(text), theme.label);
    let mut name = vec![book(&p.name, theme.name)];
    if let Some(mark) = crate::domain::regular::mark(&history.visits, app.now, app.regular_visits) {
        name.push(Span::styled(format!("  {}", crate::i18n::regular_mark(lang, mark)), theme.greeting));
    }
    let mut lines = vec![fit(name, width)];
    if !p.greeting.is_empty() {
        lines.push(fit(
            vec![
                label(&t!(lang, "pane-greet-as")),
                book_owned(crate::i18n::greeting(lang, &p.greeting), theme.greeting),
            ],
            width,
        ));
    }
    match &card.last_seat {
        Some(last) => lines.extend(wrap(
            vec![
                label(&t!(lang, "pane-last-seat")),
                book(last.seat, theme.text),
                Span::styled(format!(" · {} · {}", date(app, last.at), ago(last.at)), theme.dim),
            ],
            width,
            LABEL_WIDTH,
        )),
        None => lines.push(fit(
            vec![label(&t!(lang, "pane-last-seat")), Span::styled(t!(lang, "pane-no-visits-yet"), theme.dim)],
            width,
        )),
    }
    let usual = card.the_usual.as_ref().map(|usual| {
        let (head, tail) = match usual {
            TheUsual::Usual { times, of_last, .. } => {
                (t!(lang, "pane-the-usual"), t!(lang, "pane-usual-support", times = *times, of = *of_last))
            }
            TheUsual::LastOrder { at, .. } => (t!(lang, "pane-last-order"), t!(lang, "pane-ago", ago = ago(*at))),
        };
        let items = usual.items();
        let hits = allergens_in(items, &p.allergies);
        let mut spans = vec![label(&head)];
        for (i, item) in items.iter().enumerate() {
            let allergic = hits.iter().any(|hit| hit.item == item.as_str());
            let separator = if i + 1 < items.len() { ", " } else { "" };
            let style = if allergic { theme.warning } else { theme.text };
            spans.push(Span::styled(format!("{}{}{separator}", if allergic { "⚠ " } else { "" }, inert(item)), style));
        }
        spans.push(Span::styled(tail, theme.dim));
        spans
    });
    if let Some(spans) = usual {
        lines.extend(wrap(spans, width, LABEL_WIDTH));
    }
    if let Some(seat) = card.usual_seat
        && card.last_seat.as_ref().is_none_or(|last| normalise(last.seat) != normalise(seat))
    {
        lines.extend(wrap(vec![label(&t!(lang, "pane-usual-seat")), book(seat, theme.text)], width, LABEL_WIDTH));
    }
    lines.extend(if p.allergies.is_empty() {
        vec![fit(
            vec![label(&t!(lang, "pane-allergies")), Span::styled(t!(lang, "pane-none-recorded"), theme.dim)],
            width,
        )]
    } else {
        wrap(
            vec![
                Span::styled(padded(&t!(lang, "pane-allergies-alert")), theme.warning),
                book_items(&p.allergies, theme.warning),
            ],
            width,
            LABEL_WIDTH,
        )
    });
    if !p.preferences.is_empty() {
        lines.push(fit(vec![label(&t!(lang, "pane-prefers")), book_items(&p.preferences, theme.text)], width));
    }
    if !p.other_names.is_empty() {
        lines.push(fit(vec![label(&t!(lang, "pane-known-as")), book_items(&p.other_names, theme.text)], width));
    }
    if !p.tags.is_empty() {
        lines.push(fit(vec![label(&t!(lang, "pane-tags")), book_items(&p.tags, theme.text)], width));
    }
    if let Some(birthday) = p.birthday {
        let today = app.today();
        let days = (birthday.next_on_or_after(today) - today).num_days();
        let mut line =
            vec![label(&t!(lang, "pane-birthday")), Span::styled(crate::i18n::birthday(lang, birthday), theme.text)];
        match days {
            0 => line.push(Span::styled(t!(lang, "pane-birthday-today"), theme.alert)),
            1..=7 => line.push(Span::styled(t!(lang, "pane-birthday-in", days = days), theme.alert)),
            _ => {}
        }
        lines.push(fit(line, width));
    }
    let contact: Vec<&str> = [p.phone.as_str(), &p.email].into_iter().filter(|s| !s.is_empty()).collect();
    if !contact.is_empty() {
        lines.push(fit(
            vec![label(&t!(lang, "pane-contact")), Span::styled(inert(&contact.join(" · ")).into_owned(), theme.text)],
            width,
        ));
    }
    let visits = match card.first_visit {
        Some(first) => {
            Span::styled(t!(lang, "pane-visits-since", count = card.visit_count, first = date(app, first)), theme.text)
        }
        None => Span::styled(t!(lang, "pane-none-yet"), theme.dim),
    };
    lines.push(fit(vec![label(&t!(lang, "pane-visits")), visits], width));
    let resolved = history.recoveries.len() - card.open_recoveries.len();
    if resolved > 0 {
        let text = match card.open_recoveries.is_empty() {
            true => t!(lang, "pane-resolved", count = resolved),
            false => t!(lang, "pane-resolved-before", count = resolved),
        };
        lines.push(fit(vec![label(&t!(lang, "pane-recoveries")), Span::styled(text, theme.dim)], width));
    }
    // Notes keep their own line breaks (a merge adds its record on a line of its own).
    let notes_label = t!(lang, "pane-notes");
    for (i, note) in p.notes.lines().filter(|line| !line.trim().is_empty()).enumerate() {
        let head = vec![label(if i == 0 { &notes_label } else { "" }), book(note, theme.text)];
        let last = i + 1 == p.notes.lines().filter(|line| !line.trim().is_empty()).count();
        lines.push(match card.guest.notes_by.as_ref().filter(|_| last) {
            Some(noted) => fit_with_tail(
                head,
                Span::styled(
                    t!(lang, "pane-noted-by", staff = inert(&noted.staff).into_owned(), ago = ago(noted.at)),
                    theme.dim,
                ),
                width,
            ),
            None => fit(head, width),
        });
    }
    lines
}

fn recovery_lines<'a>(app: &App, entry: &'a RecoveryEntry) -> Vec<Vec<Span<'a>>> {
    let theme = &app.theme;
    let r = &entry.recovery;
    let mut head = vec![book(&r.category, theme.alert)];
    if let Some(cost) = r.cost {
        head.push(Span::styled(t!(app.language, "pane-cost", amount = format_amount(cost, &app.money)), theme.text));
    }
    if !r.staff.is_empty() {
        head.push(Span::styled(t!(app.language, "pane-recovery-noted-by"), theme.dim));
        head.push(book(&r.staff, theme.text));
    }
    let mut lines = vec![head];
    if !r.what_happened.is_empty() {
        lines.push(vec![
            Span::styled(t!(app.language, "pane-what-happened"), theme.label),
            book(&r.what_happened, theme.text),
        ]);
    }
    if !r.action_taken.is_empty() {
        lines.push(vec![
            Span::styled(t!(app.language, "pane-action-taken"), theme.label),
            book(&r.action_taken, theme.text),
        ]);
    }
    let clock = app.clock();
    for follow_up in &r.follow_ups {
        let (mark, style) = if follow_up.done { ("[x] ", theme.dim) } else { ("[ ] ", theme.text) };
        let mut line = vec![Span::styled(mark, style), book(&follow_up.task, style)];
        if let Some(promised) = clock.follow_up(follow_up) {
            let late = matches!(clock.standing(follow_up.due), Standing::Overdue(_));
            line.push(Span::styled(format!(" · {}", inert(&promised)), if late { theme.warning } else { theme.label }));
        }
        lines.push(line);
    }
    if !r.follow_ups.is_empty() && r.follow_ups.iter().all(|f| f.done) {
        let key = app.key(app.mode(), &Action::ResolveRecovery);
        lines.push(vec![Span::styled(t!(app.language, "pane-all-done", key = key), theme.greeting)]);
    }
    lines
}

fn seat_and_order<'a>(app: &App, seat: &'a str, order: &'a [String]) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    if !seat.is_empty() {
        spans.push(book(seat, app.theme.text));
    }
    if !order.is_empty() {
        if !spans.is_empty() {
            spans.push(Span::styled(" · ", app.theme.dim));
        }
        spans.push(book_items(order, app.theme.text));
    }
    spans
}

/// A list from the book, comma-separated and made inert.
fn book_items<'a>(items: &[String], style: Style) -> Span<'a> {
    Span::styled(inert(&items.join(", ")).into_owned(), style)
}

fn date(app: &App, at: DateTime<Utc>) -> String {
    date_at(app.language, at, app.zone)
}
