//! What only the rows shown, and terms other than Latin-letter ones, read of a guest: forty bytes a guest, where a
//! piece for each field took eighty (at a million guests, the difference is forty megabytes).

use super::{Piece, WIDE, to_u32};
use crate::domain::GuestId;

/// The guest's shown text, one field after another in the text arena: name, greeting, phone, email, the phone's
/// digits and the tags (folded, lower-cased, one per line).
#[derive(Debug, Clone, Copy)]
pub(super) enum Shown {
    Name,
    Greeting,
    Phone,
    Email,
    PhoneDigits,
    Tags,
}

pub(super) struct Cold {
    pub(super) id: GuestId,
    /// Where the shown text starts in the text arena, and each field's length in bytes (a field longer than 64 KiB,
    /// only ever from a book changed by hand, is cut).
    text: u32,
    lens: [u16; 6],
    /// The full keys of name and greeting where they are not ASCII ("于 yu 明 ming ", for "于m" or "于明"), one
    /// after the other in the wide arena, in bytes: 0 for a key that is ASCII.
    wide: u32,
    wide_lens: [u16; 2],
    /// The name's other spellings: a run of the aliases.
    pub(super) aliases: Piece,
}

impl Cold {
    /// A guest whose shown text was pushed as `shown` (in `Shown`'s order, one after another) and whose wide keys
    /// are `wide` (name, greeting; each empty or right after the one before).
    pub(super) fn new(id: GuestId, shown: [Piece; 6], wide: [Piece; 2], aliases: Piece) -> Self {
        let short = |piece: Piece| u16::try_from(piece.len & !WIDE).unwrap_or(u16::MAX);
        let first_wide = wide.iter().find(|key| !key.is_empty()).map_or(0, |key| key.start);
        Self { id, text: shown[0].start, lens: shown.map(short), wide: first_wide, wide_lens: wide.map(short), aliases }
    }

    /// Where one field of the shown text is.
    pub(super) fn piece(&self, field: Shown) -> Piece {
        let at = field as usize;
        let before: u32 = self.lens[..at].iter().map(|&len| u32::from(len)).sum();
        Piece { start: self.text + before, len: u32::from(self.lens[at]) }
    }

    /// The full key of the name (0) or the greeting (1) where it is not ASCII; empty where it is.
    pub(super) fn wide_key(&self, key: usize) -> Piece {
        match self.wide_lens[key] {
            0 => Piece::default(),
            len => Piece {
                start: self.wide + u32::from(self.wide_lens[..key].iter().sum::<u16>()),
                len: u32::from(len) | WIDE,
            },
        }
    }

    /// The same guest with the arenas it points into appended after others of `text` bytes, `wide` characters and
    /// `aliases` spellings.
    pub(super) fn moved(self, text: usize, wide: usize, aliases: usize) -> Self {
        Self {
            text: self.text + to_u32(text),
            wide: self.wide + to_u32(wide),
            aliases: Piece { start: self.aliases.start + to_u32(aliases), len: self.aliases.len },
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_guest_takes_forty_bytes() {
        assert_eq!(size_of::<super::Cold>(), 40);
    }
}
