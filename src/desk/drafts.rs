//! Drafts on disk: a form's typing kept in a private file beside the book when the screen is closed under the
//! user, one per station, written whole or not at all, read back (and removed) the next time that station opens
//! the screen.

use std::fs;
use std::io::{self, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::tui::form::Draft;

/// Where a station's draft is kept: `guests.db.draft-lobby.json` beside `guests.db` (a desk with no station name:
/// `guests.db.draft.json`).
pub fn path(book: &Path, station: &str) -> PathBuf {
    let station: String =
        station.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
    let name = book.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "guests".into());
    let file = if station.is_empty() { format!("{name}.draft.json") } else { format!("{name}.draft-{station}.json") };
    book.with_file_name(file)
}

/// Where drafts of a server's book are kept on this machine (the book itself is not a file here): in the data
/// folder the default book would be in, beside a book named `server`.
pub fn beside_server_book() -> PathBuf {
    directories::ProjectDirs::from("", "", "regulars")
        .map_or_else(|| PathBuf::from("server"), |dirs| dirs.data_dir().join("server"))
}

/// Keeps `draft` for the station, readable by its owner only (it holds guest data), replacing any draft before.
pub fn keep(book: &Path, station: &str, draft: &Draft) -> io::Result<PathBuf> {
    let path = path(book, station);
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.as_file().set_permissions(fs::Permissions::from_mode(0o600))?;
    serde_json::to_writer(&mut file, draft)?;
    file.write_all(b"\n")?;
    file.as_file().sync_all()?;
    file.persist(&path).map_err(|e| e.error)?;
    Ok(path)
}

/// The station's draft, if one was kept, taken out of its file (the file goes): it is offered back once.
pub fn take(book: &Path, station: &str) -> Result<Option<Draft>, String> {
    let path = path(book, station);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read the form kept in {}: {e}", path.display())),
    };
    let _ = fs::remove_file(&path);
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| format!("the form kept in {} cannot be read back ({e}); it was set aside", path.display()))
}
