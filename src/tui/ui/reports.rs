//! The mishap tally: a table per category, worst first, and a bar for each category's priority.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Row, Table, Widget};
use unicode_width::UnicodeWidthStr;

use super::text::fit;
use crate::domain::text::inert;
use crate::report::{HEADERS, rows};
use crate::tui::app::App;

/// The columns shown when the screen is narrower than `WIDE`: category, count, the last 30 days, cost, open,
/// priority and the trend.
const NARROW: [usize; 7] = [0, 1, 3, 5, 8, 10, 11];
const WIDE: u16 = 120;

pub fn render(app: &App, days: i64, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let block = Block::bordered().title(Span::styled(format!(" Mishap tally · last {days} days "), theme.name));
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(tally) = &app.report else {
        Line::styled("Counting…", theme.dim).render(inner, buf);
        return;
    };
    let heading = format!(
        "{} – {} · worst first by priority = count × average cost",
        tally.since.with_timezone(&app.zone).format("%Y-%m-%d"),
        tally.until.with_timezone(&app.zone).format("%Y-%m-%d")
    );
    fit(vec![Span::styled(heading, theme.dim)], usize::from(inner.width)).render(inner, buf);
    let rows = rows(tally);
    if rows.is_empty() {
        Line::styled("No mishaps recorded in this period.", theme.dim)
            .render(Rect::new(inner.x, inner.y + 2, inner.width, 1), buf);
        return;
    }
    let columns: Vec<usize> = if area.width >= WIDE { (0..HEADERS.len()).collect() } else { NARROW.to_vec() };
    let widths: Vec<Constraint> = columns
        .iter()
        .map(|&i| {
            let widest = rows.iter().map(|r| r[i].width()).chain([HEADERS[i].width()]).max().unwrap_or(0);
            Constraint::Length(u16::try_from(widest).unwrap_or(u16::MAX))
        })
        .collect();
    let table_height = u16::try_from(rows.len() + 1).unwrap_or(u16::MAX).min(inner.height.saturating_sub(2) / 2);
    let table = Table::new(
        rows.iter().map(|r| Row::new(columns.iter().map(|&i| Cell::from(inert(&r[i]).into_owned())))),
        widths,
    )
    .header(Row::new(columns.iter().map(|&i| Cell::from(HEADERS[i]))).style(theme.label))
    .column_spacing(2);
    Widget::render(table, Rect::new(inner.x, inner.y + 2, inner.width, table_height), buf);

    // A bar per category, in the same order, as long as its priority is against the worst.
    let top = tally.categories.first().map_or(1.0, |c| c.priority.max(f64::MIN_POSITIVE));
    let name_width = tally.categories.iter().map(|c| c.category.width()).max().unwrap_or(0).min(20);
    let bar_room = usize::from(inner.width).saturating_sub(name_width + 12);
    for (y, c) in (inner.y + 3 + table_height..inner.bottom()).zip(&tally.categories) {
        let length = ((c.priority / top) * bar_room as f64).round().max(1.0) as usize;
        let line = Line::from(vec![
            Span::styled(format!("{:<name_width$} ", inert(&c.category)), theme.text),
            Span::styled("█".repeat(length), theme.alert),
            Span::styled(format!(" {:.0}", c.priority), theme.dim),
        ]);
        fit(line.spans, usize::from(inner.width)).render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}
