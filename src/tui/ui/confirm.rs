//! A question with details to weigh — both guests of a merge — in a box over the card, the key that does it below.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Clear, Widget};

use super::text::{book_owned, draw, wrap};
use crate::tui::app::{App, Confirm};

pub fn render(app: &App, confirm: &Confirm, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let block = Block::bordered()
        .title(Span::styled(crate::t!(app.language, "confirm-title"), app.theme.alert))
        .border_style(app.theme.alert);
    let inner = block.inner(area);
    block.render(area, buf);
    let width = usize::from(inner.width);
    let lines = confirm
        .detail
        .iter()
        .map(|said| said.text(app.language))
        .chain([String::new(), confirm.prompt.text(app.language)])
        .flat_map(|text| wrap(vec![book_owned(text, app.theme.text)], width, 2));
    for (y, line) in (inner.y..inner.bottom()).zip(lines) {
        draw(&line, Rect::new(inner.x, y, inner.width, 1), buf);
    }
}
