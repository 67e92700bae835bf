//! The screens beside the counter: the mishap tally, the outreach list and the audit log.

use super::{App, View};
use crate::domain::outreach::Occasion;
use crate::domain::tally::last_days;
use crate::tui::action::{Action, Effect, Who, Write};

/// Lines a guest takes on the outreach list.
pub const OUTREACH_LINES: usize = 4;
/// How far PgUp and PgDn move on the outreach list.
const OUTREACH_SHOWN: usize = 4;

impl App {
    /// A key on the tally, outreach or log screen.
    pub(super) fn on_list(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Back => {
                self.view = View::Counter;
                Vec::new()
            }
            Action::ShowReports => self.reports(crate::domain::tally::REPORT_DAYS),
            Action::ReportDays(days) => self.reports(days),
            Action::ShowOutreach => self.show_outreach(),
            Action::ShowLog => self.show_log(),
            Action::ShowArrivals => self.show_arrivals(),
            Action::ShowPromises => self.show_promises(),
            Action::NextPage if self.view == View::Outreach => {
                self.outreach_page = match self.outreach_page {
                    Occasion::Birthday => Occasion::Lapsed,
                    Occasion::Lapsed => Occasion::Birthday,
                };
                self.outreach_selected = 0;
                self.list_offset = 0;
                Vec::new()
            }
            Action::NoteWritten if self.view == View::Outreach => self.note_written(),
            Action::NextPage if matches!(self.view, View::Reports { .. }) => {
                self.next_owner();
                Vec::new()
            }
            Action::CategoryForm if matches!(self.view, View::Reports { .. }) => {
                self.form = Some(crate::tui::form::Form::category(&self.categories, self.report_owner.as_deref()));
                self.status = None;
                Vec::new()
            }
            Action::Undo => self.undo(),
            Action::SelectPrev | Action::SelectNext | Action::PageUp | Action::PageDown
                if self.view == View::Outreach =>
            {
                let rows = self.outreach_page_rows().len();
                let step = if matches!(action, Action::PageUp | Action::PageDown) { OUTREACH_SHOWN } else { 1 };
                self.outreach_selected = if matches!(action, Action::SelectPrev | Action::PageUp) {
                    self.outreach_selected.saturating_sub(step)
                } else {
                    (self.outreach_selected + step).min(rows.saturating_sub(1))
                };
                // Keep the selected guest in view.
                if self.outreach_selected < self.list_offset {
                    self.list_offset = self.outreach_selected;
                } else if self.outreach_selected >= self.list_offset + self.outreach_shown() {
                    self.list_offset = self.outreach_selected + 1 - self.outreach_shown();
                }
                Vec::new()
            }
            Action::SelectPrev | Action::PageUp => {
                let step = if action == Action::PageUp { self.page() / 4 } else { 1 };
                self.list_offset = self.list_offset.saturating_sub(step.max(1));
                Vec::new()
            }
            Action::SelectNext | Action::PageDown => {
                let step = if action == Action::PageDown { self.page() / 4 } else { 1 };
                let rows = match self.view {
                    View::Log => self.log.as_ref().map(Vec::len),
                    View::Outreach => self.outreach.as_ref().map(Vec::len),
                    View::Reports { .. } | View::Counter | View::Arrivals | View::Drill | View::Promises => None,
                };
                let last = rows.unwrap_or(0).saturating_sub(1);
                self.list_offset = (self.list_offset + step.max(1)).min(last);
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// Outreach rows read: the first batch of the newest request (with the pages' counts) replaces the list, the
    /// rest add to it.
    pub(super) fn outreach_read(
        &mut self,
        ticket: u64,
        rows: Vec<crate::report::OutreachRow>,
        counts: Option<[usize; 2]>,
        more: bool,
    ) -> Vec<Effect> {
        if ticket != self.outreach_ticket {
            return Vec::new();
        }
        self.outreach_more = more;
        let Some(counts) = counts else {
            self.outreach.get_or_insert_default().extend(rows);
            return Vec::new();
        };
        self.outreach = Some(rows);
        self.outreach_counts = counts;
        // Open on a page with someone on it.
        let count = |page| counts[usize::from(page == Occasion::Lapsed)];
        if count(self.outreach_page) == 0 {
            self.outreach_page = match self.outreach_page {
                Occasion::Birthday => Occasion::Lapsed,
                Occasion::Lapsed => Occasion::Birthday,
            };
            if count(self.outreach_page) == 0 {
                self.outreach_page = Occasion::Birthday;
            }
        }
        self.outreach_selected = self.outreach_selected.min(self.outreach_page_rows().len().saturating_sub(1));
        Vec::new()
    }

    /// The tally's next owner view: every category, then each owner's in name order, then every category again.
    fn next_owner(&mut self) {
        let mut owners: Vec<&str> =
            self.report.iter().flat_map(|t| &t.categories).filter_map(|c| c.owner.as_deref()).collect();
        owners.sort_unstable();
        owners.dedup();
        let next = match self.report_owner.as_deref() {
            None => owners.first(),
            Some(shown) => owners.iter().skip_while(|o| **o != shown).nth(1),
        };
        self.report_owner = next.map(|o| (*o).to_owned());
    }

    /// The reports screen over the last `days` days, read afresh.
    pub(super) fn reports(&mut self, days: i64) -> Vec<Effect> {
        self.view = View::Reports { days };
        self.report_ticket = self.ticket();
        vec![Effect::LoadReport {
            ticket: self.report_ticket,
            since: last_days(self.now, days, self.zone),
            until: self.now,
            zone: self.zone,
        }]
    }

    pub(super) fn show_outreach(&mut self) -> Vec<Effect> {
        self.view = View::Outreach;
        self.list_offset = 0;
        self.outreach_selected = 0;
        vec![self.load_outreach()]
    }

    /// Reads the outreach list afresh.
    pub(super) fn load_outreach(&mut self) -> Effect {
        self.outreach_ticket = self.ticket();
        Effect::LoadOutreach { ticket: self.outreach_ticket, now: self.now, zone: self.zone, language: self.language }
    }

    /// How many guests the outreach page has room for: each takes four lines.
    pub fn outreach_shown(&self) -> usize {
        (self.page() / OUTREACH_LINES).max(1)
    }

    /// Enter on the outreach list: the selected guest was written to, for the occasion of this page.
    fn note_written(&mut self) -> Vec<Effect> {
        let page = self.outreach_page;
        let Some(row) = self.outreach_page_rows().get(self.outreach_selected).copied() else { return Vec::new() };
        let Some((occasion, of)) = row.occasions.iter().find(|(o, _)| *o == page).cloned() else { return Vec::new() };
        let name = crate::domain::text::inert(if row.greeting.is_empty() { &row.name } else { &row.greeting });
        let who = Who { guest: Some(row.guest), name: name.into_owned() };
        vec![Effect::Write { who, write: Write::NoteWritten { occasion, of } }]
    }

    pub(super) fn show_log(&mut self) -> Vec<Effect> {
        self.view = View::Log;
        self.list_offset = 0;
        self.log_ticket = self.ticket();
        vec![Effect::LoadLog { ticket: self.log_ticket }]
    }
}

/// Where a one-row move (`SelectPrev`/`PageUp` up, `SelectNext`/`PageDown` down) takes the row `selected` of a list
/// of `count`; `None` for any other key.
pub(super) fn moved(action: &Action, selected: usize, count: usize) -> Option<usize> {
    match action {
        Action::SelectPrev | Action::PageUp => Some(selected.saturating_sub(1)),
        Action::SelectNext | Action::PageDown => Some((selected + 1).min(count.saturating_sub(1))),
        _ => None,
    }
}
