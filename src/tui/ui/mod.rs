//! Rendering: a pure function of the state, one file per pane.

mod arrivals;
mod banner;
mod card;
mod confirm;
mod drill;
mod form;
mod help;
mod hints;
mod log;
mod outreach;
mod promises;
mod reports;
mod results;
mod search_line;
mod status;
mod text;
mod welcome;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Position, Rect};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::app::{App, Focus, View};

/// The smallest terminal the screen is laid out for.
pub const MIN_SIZE: (u16, u16) = (80, 24);

/// Where each pane goes.
pub struct Areas {
    pub search: Rect,
    /// The result list's block, border included.
    pub results: Rect,
    /// The rows of the result list, inside the border.
    pub list: Rect,
    pub card: Rect,
    /// The last message, or the question waiting for a key.
    pub status: Rect,
    /// The keys the screen offers now, generated from the keymap.
    pub hints: Rect,
}

/// Rows at the bottom for the keys the screen offers.
const HINT_ROWS: u16 = 2;

pub fn areas(area: Rect) -> Areas {
    let main_height = area.height.saturating_sub(2 + HINT_ROWS);
    let results_width = (area.width * 2 / 5).clamp(30, 50).min(area.width);
    let results = Rect::new(area.x, area.y + 1, results_width, main_height);
    let bottom = area.y + area.height;
    Areas {
        search: Rect::new(area.x, area.y, area.width, 1),
        results,
        list: Rect::new(results.x + 1, results.y + 1, results.width.saturating_sub(2), main_height.saturating_sub(2)),
        card: Rect::new(area.x + results_width, area.y + 1, area.width - results_width, main_height),
        status: Rect::new(area.x, bottom.saturating_sub(HINT_ROWS + 1), area.width, 1),
        hints: Rect::new(area.x, bottom.saturating_sub(HINT_ROWS), area.width, HINT_ROWS),
    }
}

/// What the state needs to know of where the renderer puts things: fed back to `update` after a draw, so that
/// paging and clicks go by what is on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layout {
    /// The rows of the result list, inside its border.
    pub list: Rect,
}

/// The layout of a screen of `area`.
pub fn layout(area: Rect) -> Layout {
    Layout { list: areas(area).list }
}

/// Whether the screen is too small to lay out: it then shows only a message and takes no keys but Ctrl-C.
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if too_small(area) {
            let message = crate::t!(
                self.language,
                "screen-too-small",
                width = MIN_SIZE.0,
                height = MIN_SIZE.1,
                now_width = area.width,
                now_height = area.height,
            );
            let y = area.y + area.height / 2;
            Paragraph::new(message)
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true })
                .render(Rect::new(area.x, y.saturating_sub(1), area.width, 3.min(area.height)), buf);
            return;
        }
        let areas = areas(area);
        search_line::render(self, areas.search, buf);
        let main = Rect::new(area.x, areas.results.y, area.width, areas.results.height);
        if let View::Reports { days } = self.view {
            reports::render(self, days, main, buf);
        } else if self.view == View::Outreach {
            outreach::render(self, main, buf);
        } else if self.view == View::Log {
            log::render(self, main, buf);
        } else if self.view == View::Arrivals {
            arrivals::render(self, main, buf);
        } else if self.view == View::Drill {
            drill::render(self, main, buf);
        } else if self.view == View::Promises {
            promises::render(self, main, buf);
        } else if self.guests == Some(0) {
            welcome::render(self, main, buf);
        } else {
            results::render(self, areas.results, buf);
            card::render(self, areas.card, buf);
        }
        if let Some(form) = &self.form {
            form::render(self, form, areas.card, buf);
        }
        if let Some(confirm) = self.confirm.as_ref().filter(|c| !c.detail.is_empty()) {
            confirm::render(self, confirm, areas.card, buf);
        }
        if let Some(banner) = banner::line(self) {
            // A heads-up from another desk, across the top of the panes, under the search line: the guest is
            // walking up now, and typing still shows.
            let row = Rect::new(area.x, areas.results.y, area.width, 1);
            buf.set_style(row, self.theme.selected);
            text::draw(&text::fit(banner, usize::from(area.width)), row, buf);
        }
        // A message or question too long for its row takes the first row of hints as well: what it says matters
        // more than the keys, and the key it asks for is at its end.
        let rows = status::rows_needed(self, areas.status.width);
        let status_area = Rect::new(areas.status.x, areas.status.y, areas.status.width, rows);
        status::render(self, status_area, buf);
        let hints = Rect { y: areas.hints.y + rows - 1, height: areas.hints.height - (rows - 1), ..areas.hints };
        hints::render(self, hints, buf);
        if self.help {
            help::render(self, area, buf);
        }
    }
}

/// Where the terminal cursor goes: in the form's focused field, or on the search line while it has the focus.
pub fn cursor(app: &App, area: Rect) -> Option<Position> {
    if too_small(area) || app.help {
        return None;
    }
    match &app.form {
        Some(form) => Some(form::cursor(form, app.language, areas(area).card)),
        None if app.focus == Focus::Search && app.view == View::Counter => {
            Some(search_line::cursor(app, areas(area).search))
        }
        None => None,
    }
}
