//! The ranked list of matches: name with the matched characters highlighted, the regular mark, greeting, how long
//! since the last visit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::text::{book, draw, fit};
use crate::domain::cells;
use crate::domain::regular::regular;
use crate::domain::text::inert;
use crate::i18n::ago_short;
use crate::search::{Field, FoundGuest};
use crate::t;
use crate::tui::app::{App, Focus};

const AGE_WIDTH: usize = 6;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let border = if app.focus == Focus::Search { app.theme.focus_border } else { app.theme.border };
    let block = Block::bordered().title(t!(app.language, "results-title")).border_style(border);
    let inner = block.inner(area);
    block.render(area, buf);
    if app.results.is_some() && app.found().is_empty() {
        draw(&Line::styled(t!(app.language, "results-none"), app.theme.dim), inner, buf);
        return;
    }
    let width = usize::from(inner.width);
    for (row, (i, guest)) in app.found().iter().enumerate().skip(app.offset).take(usize::from(inner.height)).enumerate()
    {
        let y = inner.y + u16::try_from(row).unwrap_or(u16::MAX);
        let line_area = Rect::new(inner.x, y, inner.width, 1);
        let selected = i == app.selected;
        let mut spans = name_spans(app, guest);
        if !matches!(guest.field, Field::Name | Field::Recent) {
            let matched = crate::i18n::named(app.language, "matched", guest.field.label());
            spans.push(Span::styled(format!(" [{matched}]"), app.theme.label));
        }
        // Before the greeting, which gives way first: the card beside says the greeting whole.
        if let Some(n) = regular(guest.recent.iter().copied(), app.now, app.regular_visits) {
            spans.push(Span::styled(format!("  {}", t!(app.language, "results-regular", n = n)), app.theme.greeting));
        }
        spans.push(Span::raw("  "));
        spans.push(book(&guest.greeting, app.theme.dim));
        let age = guest
            .last_visit
            .map_or_else(|| t!(app.language, "results-new"), |at| ago_short(app.language, at, app.now, app.zone));
        let line = fit(spans, width.saturating_sub(AGE_WIDTH + 1));
        let style = if selected { app.theme.selected } else { app.theme.text };
        buf.set_style(line_area, style);
        draw(&line, line_area, buf);
        draw(&Line::styled(format!("{age:>AGE_WIDTH$}"), app.theme.dim).right_aligned(), line_area, buf);
    }
}

/// The name, one span per run of matched or unmatched clusters.
fn name_spans<'a>(app: &App, guest: &'a FoundGuest) -> Vec<Span<'a>> {
    let name = inert(&guest.name);
    if guest.positions.is_empty() {
        return vec![Span::styled(name, app.theme.name)];
    }
    highlight(&name, &guest.positions)
        .into_iter()
        .map(|(run, matched)| Span::styled(run.to_owned(), if matched { app.theme.matched } else { app.theme.name }))
        .collect()
}

/// `text` in runs of whole clusters, each marked whether it holds a matched character (`positions` are character
/// indices, in order): a highlight takes the whole cluster, so a Thai vowel or a decomposed accent stays with its
/// letter.
pub fn highlight<'t>(text: &'t str, positions: &[usize]) -> Vec<(&'t str, bool)> {
    let mut runs: Vec<(&'t str, bool)> = Vec::new();
    let (mut start, mut end, mut chars) = (0, 0, 0);
    for (cluster, _) in cells::clusters(text) {
        let count = cluster.chars().count();
        let matched = positions.iter().any(|p| (chars..chars + count).contains(p));
        if runs.last().is_some_and(|&(_, m)| m == matched) && end > start {
            runs.pop();
        } else {
            start = end;
        }
        end += cluster.len();
        chars += count;
        runs.push((&text[start..end], matched));
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::highlight;

    #[test]
    fn a_highlight_takes_whole_clusters() {
        // สุดา matched in สุดารัตน์: ส, ุ, ด, า are characters 0..4.
        assert_eq!(highlight("สุดารัตน์", &[0, 1, 2, 3]), [("สุดา", true), ("รัตน์", false)]);
        assert_eq!(highlight("สุดา", &[0]), [("สุ", true), ("ดา", false)], "the vowel stays with its consonant");
        assert_eq!(highlight("Jose\u{301} Li", &[3]), [("Jos", false), ("e\u{301}", true), (" Li", false)]);
        assert_eq!(highlight("ใจดี", &[3]), [("ใจ", false), ("ดี", true)], "a mark matched highlights its letter");
        assert_eq!(
            highlight("👨\u{200d}👩\u{200d}👧 Ana", &[6]),
            [("👨\u{200d}👩\u{200d}👧 ", false), ("A", true), ("na", false)]
        );
    }
}
