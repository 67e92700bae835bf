//! The screens beside the counter: the mishap tally, the outreach list and the audit log.

use super::{App, View};
use crate::domain::tally::last_days;
use crate::tui::action::{Action, Effect};

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
                    View::Reports { .. } | View::Counter => None,
                };
                let last = rows.unwrap_or(0).saturating_sub(1);
                self.list_offset = (self.list_offset + step.max(1)).min(last);
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// The reports screen over the last `days` days, read afresh.
    pub(super) fn reports(&mut self, days: i64) -> Vec<Effect> {
        self.view = View::Reports { days };
        vec![Effect::LoadReport { since: last_days(self.now, days), until: self.now }]
    }

    pub(super) fn show_outreach(&mut self) -> Vec<Effect> {
        self.view = View::Outreach;
        self.list_offset = 0;
        vec![Effect::LoadOutreach { now: self.now, zone: self.zone }]
    }

    pub(super) fn show_log(&mut self) -> Vec<Effect> {
        self.view = View::Log;
        self.list_offset = 0;
        vec![Effect::LoadLog]
    }
}
