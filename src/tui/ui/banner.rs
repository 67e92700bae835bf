//! The heads-up banner: another desk says a guest is on the way.

use ratatui::text::Span;

use super::text::book;
use crate::domain::text::inert;
use crate::t;
use crate::tui::action::Action;
use crate::tui::app::{App, Mode};

/// The newest heads-up for this desk, as one line; else that the book's server cannot be reached; else a promise
/// due here or overdue anywhere; else the newest heads-up this desk sent that another desk has taken.
pub fn line(app: &App) -> Option<Vec<Span<'_>>> {
    let Some(heads_up) = app.live_heads_ups().next() else {
        return server_lost(app).or_else(|| promise(app)).or_else(|| taken(app));
    };
    let lang = app.language;
    let from = station(app, &heads_up.from_station);
    let who = if heads_up.greeting.is_empty() { &heads_up.name } else { &heads_up.greeting };
    let mut spans = vec![
        Span::styled(" ▶ ", app.theme.alert),
        book(who, app.theme.alert),
        Span::styled(t!(lang, "banner-on-the-way", name = inert(&heads_up.name)), app.theme.alert),
        Span::styled(t!(lang, "banner-from", from = from, ago = ago_minutes(app, heads_up.sent_at)), app.theme.text),
    ];
    if !heads_up.note.is_empty() {
        spans.push(Span::styled(" · ", app.theme.dim));
        spans.push(book(&heads_up.note, app.theme.text));
    }
    match &heads_up.taken {
        Some(taken) => {
            spans.push(Span::styled(
                t!(lang, "banner-taken-by", by = inert(&taken.by), station = inert(&taken.station)),
                app.theme.dim,
            ));
        }
        None => {
            let open = app.key(Mode::Search, &Action::OpenHeadsUp);
            let take = app.key(Mode::Search, &Action::TakeHeadsUp);
            spans.push(Span::styled(t!(lang, "banner-keys", open = open, take = take), app.theme.dim));
        }
    }
    Some(spans)
}

/// The server is gone: search answers from what was loaded, and nothing can be saved until it is back.
fn server_lost(app: &App) -> Option<Vec<Span<'_>>> {
    let why = app.server_lost.as_ref()?;
    Some(vec![
        Span::styled(t!(app.language, "banner-server-lost"), app.theme.alert),
        Span::styled(t!(app.language, "banner-server-lost-why", why = inert(why)), app.theme.text),
    ])
}

/// The promise called out longest: due here, or overdue anywhere, until it is ticked; how many more there are, and
/// the key of the list.
fn promise(app: &App) -> Option<Vec<Span<'_>>> {
    let calling = app.calling();
    let first = calling.first()?;
    let lang = app.language;
    let clock = app.clock();
    let standing = clock.standing(first.due);
    let overdue = matches!(standing, crate::domain::promise::Standing::Overdue(_));
    let style = if overdue { app.theme.warning } else { app.theme.alert };
    let left = crate::i18n::promise_time(lang, standing).unwrap_or_default();
    let mut spans = vec![Span::styled(format!(" ⏰ {left} · "), style)];
    if let Some(owner) = &first.owner {
        spans.push(Span::styled(format!("@{} · ", inert(owner)), style));
    }
    spans.push(book(&first.task, style));
    if let Some(name) = &first.name {
        spans.push(Span::styled(" — ", app.theme.dim));
        spans.push(book(name, app.theme.text));
    }
    if calling.len() > 1 {
        spans.push(Span::styled(t!(lang, "banner-promises-more", n = calling.len() - 1), app.theme.text));
    }
    let list = app.key(Mode::Search, &Action::ShowPromises);
    spans.push(Span::styled(t!(lang, "banner-promises-key", key = list), app.theme.dim));
    Some(spans)
}

/// A heads-up this desk sent, taken at another: the loop closed, where and by whom.
fn taken(app: &App) -> Option<Vec<Span<'_>>> {
    let heads_up = app.taken_heads_ups().next()?;
    let taken = heads_up.taken.as_ref()?;
    let who = if heads_up.greeting.is_empty() { &heads_up.name } else { &heads_up.greeting };
    let at = station(app, &taken.station);
    let lang = app.language;
    Some(vec![
        Span::styled(" ✓ ", app.theme.greeting),
        Span::styled(t!(lang, "banner-yours-about"), app.theme.text),
        book(who, app.theme.greeting),
        Span::styled(
            t!(lang, "banner-yours-taken", by = inert(&taken.by), at = at, ago = ago_minutes(app, taken.at)),
            app.theme.text,
        ),
    ])
}

/// A station as the banner names it; "another desk" for one not named.
fn station(app: &App, station: &str) -> String {
    match station {
        "" => t!(app.language, "banner-another-desk"),
        station => inert(station).into_owned(),
    }
}

/// "just now", "3 min ago".
fn ago_minutes(app: &App, then: chrono::DateTime<chrono::Utc>) -> String {
    match (app.now - then).num_minutes() {
        ..=0 => t!(app.language, "banner-just-now"),
        minutes => t!(app.language, "banner-minutes-ago", n = minutes),
    }
}
