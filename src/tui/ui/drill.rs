//! The name drill: the card's clues (never the name), the answer being typed, the last verdict, and once every card
//! is answered, the score.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::text::{book_owned, draw, fit};
use crate::t;
use crate::tui::app::App;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let language = app.language;
    let drill = &app.drill;
    let block = Block::bordered().title(Span::styled(t!(language, "drill-title"), theme.name));
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(deck) = &drill.deck else {
        draw(&Line::styled(t!(language, "drill-reading"), theme.dim), inner, buf);
        return;
    };
    let width = usize::from(inner.width);
    let mut lines: Vec<Line<'_>> = Vec::new();
    if let Some(verdict) = &drill.verdict {
        lines.push(fit(vec![book_owned(verdict.text(language), theme.greeting)], width));
        lines.push(Line::default());
    }
    let current = drill.session.current().and_then(|c| deck.cards.iter().find(|card| card.progress.guest == c.guest));
    match current {
        Some(card) => {
            let (n, total) = drill.session.place();
            lines.push(Line::styled(t!(language, "drill-card", n = n, total = total), theme.label));
            let booking = card.booking.as_ref();
            for clue in crate::tonight::clues(&card.history, booking, language, app.now, app.zone) {
                lines.push(fit(vec![Span::raw("  "), book_owned(clue, theme.text)], width));
            }
            lines.push(Line::default());
            lines.push(fit(
                vec![
                    Span::styled(t!(language, "drill-who"), theme.label),
                    book_owned(drill.answer.text().to_owned(), theme.text),
                    // Where the answer goes on: the terminal's own cursor stays with the search line's.
                    Span::styled("▏", theme.greeting),
                ],
                width,
            ));
        }
        None if deck.cards.is_empty() => lines.push(Line::styled(t!(language, "drill-nobody"), theme.dim)),
        None => {
            let (known, total) = drill.session.score();
            let score = match deck.of_tonight {
                true => t!(language, "drill-score-tonight", known = known, total = total),
                false => t!(language, "drill-score-regulars", known = known, total = total),
            };
            lines.push(Line::styled(score, theme.name));
        }
    }
    for (y, line) in (inner.y..inner.bottom()).zip(lines) {
        draw(&line, Rect::new(inner.x, y, inner.width, 1), buf);
    }
}
