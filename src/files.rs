//! Files the product writes beside the book and for the user: never written through a link planted in a shared
//! folder, never over a file of another user's, always private (0600) whatever was there before.

use std::fs;
use std::io;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// Refuses to replace `path` when it is a symbolic link, not a regular file, or another user's file: `ours` is the
/// metadata of a file this process made (the temporary file to be renamed over `path`), whose owner is us. Nothing
/// there is fine.
pub fn refuse_redirect(path: &Path, ours: &fs::Metadata) -> io::Result<()> {
    let there = match fs::symlink_metadata(path) {
        Ok(there) => there,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(error),
    };
    let refused = if there.file_type().is_symlink() {
        "it is a symbolic link, which would be written through"
    } else if !there.is_file() {
        "it is not a regular file"
    } else if there.uid() != ours.uid() {
        "it belongs to another user"
    } else {
        return Ok(());
    };
    Err(io::Error::new(io::ErrorKind::PermissionDenied, refused))
}

/// Makes `path` as an empty file readable by its owner only, unless a regular file is there already; refuses a link
/// or anything else in its place (`create_new` is `O_EXCL`, which never follows a link): for the files SQLite keeps
/// beside the book, which it would otherwise open through a planted link.
pub fn create_private_side_file(path: &Path) -> io::Result<()> {
    let made = fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path);
    match made {
        Ok(_) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
            let there = fs::symlink_metadata(path)?;
            if there.file_type().is_symlink() || !there.is_file() {
                return Err(io::Error::new(
                    io::ErrorKind::PermissionDenied,
                    format!("{} is not a regular file (a link?); the book was not opened", path.display()),
                ));
            }
            Ok(())
        }
        Err(error) => Err(error),
    }
}

/// Gives a side file of the book the permissions it should have: its owner's only, or its owner's and group's when
/// the book is shared with a group (readable and writable by it). SQLite gives an empty side file the book's own
/// mode each time it opens one, 0644 for a book copied in by hand; this takes the others' access away again.
pub fn restrict_side_file(path: &Path, book: &fs::Metadata) -> io::Result<()> {
    let there = fs::symlink_metadata(path)?;
    if there.file_type().is_symlink() || !there.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!("{} is not a regular file", path.display()),
        ));
    }
    let group_shared = book.mode() & 0o060 == 0o060;
    let mode = if group_shared { 0o660 } else { 0o600 };
    if there.mode() & 0o777 != mode {
        fs::set_permissions(path, fs::Permissions::from_mode(mode))?;
    }
    Ok(())
}

/// What about a book file lets other users at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exposure {
    /// The book can be read by users who are not its owner (nor, for a book shared with its group as 0660, its
    /// group): `shared` when its group may read and write it, so that the fix keeps the group's access.
    Readable { shared: bool },
    /// The folder holding it can be written by any user (and is not sticky, as /tmp is), who could put another
    /// book in its place.
    OpenFolder(std::path::PathBuf),
}

/// How a book file at `path` is exposed to other users; nothing for a private book, or one shared with its group
/// (0660) in a folder others cannot write.
pub fn exposure(path: &Path) -> Vec<Exposure> {
    let mut found = Vec::new();
    if let Ok(book) = fs::metadata(path) {
        let mode = book.mode() & 0o777;
        let shared = mode & 0o060 == 0o060;
        let readable = mode & 0o007 != 0 || (!shared && mode & 0o070 != 0);
        if readable {
            found.push(Exposure::Readable { shared });
        }
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if let Ok(meta) = fs::metadata(folder)
        && meta.mode() & 0o002 != 0
        && meta.mode() & 0o1000 == 0
    {
        found.push(Exposure::OpenFolder(folder.to_owned()));
    }
    found
}
