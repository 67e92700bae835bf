//! regulars' own CSV: a header row, one guest per row, list columns separated by `;` — what `export --format csv`
//! writes and `import` reads back exactly. Cells a spreadsheet would run as a formula are written safe (OWASP's
//! "CSV injection"): a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return — or with the quote that
//! makes one safe — gets a leading `'`, which a spreadsheet shows as text and an import takes off again.

use std::borrow::Cow;
use std::io::Write;

use crate::domain::GuestHistory;

pub(super) const COLUMNS: [&str; 10] =
    ["name", "greeting", "phone", "email", "birthday", "tags", "allergies", "preferences", "notes", "other_names"];
const LIST_SEPARATOR: char = ';';

/// What starts a cell a spreadsheet would run, and the quote that marks one made safe.
const RUNS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\''];

/// A cell as a spreadsheet may be given it: with a leading `'` when it starts with what would run.
pub fn safe(cell: &str) -> Cow<'_, str> {
    match cell.starts_with(RUNS) {
        true => Cow::Owned(format!("'{cell}")),
        false => Cow::Borrowed(cell),
    }
}

/// A cell made `safe` as it was.
pub(super) fn unsafe_again(cell: &str) -> Cow<'_, str> {
    match cell.strip_prefix('\'').filter(|rest| rest.starts_with(RUNS)) {
        Some(rest) => Cow::Borrowed(rest),
        None => Cow::Borrowed(cell),
    }
}

/// Whether a header row is regulars' own.
pub(super) fn own(headers: &[String]) -> bool {
    headers.len() == COLUMNS.len()
        && headers.iter().zip(COLUMNS).all(|(h, c)| h.trim_start_matches('\u{feff}').trim().eq_ignore_ascii_case(c))
}

pub(super) fn start<W: Write>(out: W) -> std::io::Result<csv::Writer<W>> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(COLUMNS)?;
    Ok(writer)
}

/// One guest's row; `raw` keeps every cell exactly, for machines that will never open it as a spreadsheet.
pub(super) fn guest<W: Write>(history: &GuestHistory, writer: &mut csv::Writer<W>, raw: bool) -> std::io::Result<()> {
    let separator = format!("{LIST_SEPARATOR} ");
    let p = &history.guest.profile;
    let cells = [
        p.name.clone(),
        p.greeting.clone(),
        p.phone.clone(),
        p.email.clone(),
        p.birthday.map(|b| b.to_string()).unwrap_or_default(),
        p.tags.join(&separator),
        p.allergies.join(&separator),
        p.preferences.join(&separator),
        p.notes.clone(),
        p.other_names.join(&separator),
    ];
    if raw {
        writer.write_record(&cells)?;
    } else {
        writer.write_record(cells.iter().map(|cell| safe(cell)).collect::<Vec<_>>().iter().map(|c| c.as_bytes()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_a_spreadsheet_would_run_is_made_safe_and_read_back_as_it_was() {
        for cell in
            ["=HYPERLINK(\"http://x\",\"click\")", "+86 138 0000 0108", "-1", "@SUM(A1)", "\tx", "'=1", "'", "ok"]
        {
            let made = safe(cell);
            assert!(!made.starts_with(['=', '+', '-', '@', '\t', '\r']), "{made}");
            assert_eq!(unsafe_again(&made), cell);
        }
        assert_eq!(safe("Jon Smith"), "Jon Smith");
    }
}
