//! Files the commands write are written whole or not at all: into a private temporary file beside the target,
//! synced, then renamed over it. On any failure the file that was there is untouched and nothing partial is left,
//! and the error names the file (and says so when the disk is full).

use std::fs::File;
use std::io::{self, BufWriter};
use std::path::Path;

use anyhow::{Result, anyhow};
use regulars::i18n::Language;
use regulars::t;

/// Writes `path` with `fill`, whole or not at all. The new file is readable by its owner only (tempfile makes it
/// 0600) whatever the mode of the file it replaces; a link, anything but a regular file, or another user's file at
/// `path` is refused.
pub fn write(path: &Path, language: Language, fill: impl FnOnce(&mut BufWriter<File>) -> Result<()>) -> Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let shown = super::shown(path);
    let failed = |error: io::Error| {
        anyhow!(t!(language, "cli-cannot-write", file = shown.as_str(), why = why(&error, language)))
    };
    let temporary =
        tempfile::Builder::new().prefix(".regulars-").suffix(".part").tempfile_in(folder).map_err(failed)?;
    // The rename would replace a link rather than write through it; a link, a folder or another user's file in the
    // target's place is refused all the same, as someone else's doing.
    let ours = temporary.as_file().metadata().map_err(failed)?;
    regulars::files::refuse_redirect(path, &ours).map_err(failed)?;
    let (file, temporary_path) = temporary.into_parts();
    let mut out = BufWriter::new(file);
    fill(&mut out).map_err(|error| match error.downcast::<io::Error>() {
        Ok(error) => failed(error),
        Err(error) => {
            anyhow!(t!(language, "cli-cannot-write", file = shown.as_str(), why = super::said(&error, language)))
        }
    })?;
    let file = out.into_inner().map_err(|e| failed(e.into_error()))?;
    file.sync_all().map_err(failed)?;
    temporary_path.persist(path).map_err(|e| failed(e.error))?;
    Ok(())
}

/// What went wrong, as a desk would say it.
fn why(error: &io::Error, language: Language) -> String {
    match error.kind() {
        io::ErrorKind::StorageFull => t!(language, "error-disk-full"),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_failed_write_leaves_the_old_file_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.jsonl");
        write(&path, Language::En, |out| Ok(out.write_all(b"good\n")?)).unwrap();
        let error = write(&path, Language::En, |out| {
            out.write_all(b"half")?;
            Err(io::Error::new(io::ErrorKind::StorageFull, "no space").into())
        })
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("cannot write {}: the disk is full; it was left as it was", path.display())
        );
        assert_eq!(std::fs::read(&path).unwrap(), b"good\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no partial file is left");
    }
}
