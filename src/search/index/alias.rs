//! One other spelling of a guest's name as the index keeps it, in sixteen bytes (there are more of them than
//! guests): its character mask, where its key starts, the first letters of its words and which spelling it is. Its
//! key ends where the next one's starts: aliases and their keys are pushed together, in order, and only so.

use super::super::spell::Spelling;
use super::super::starts::LETTERS;
use super::Piece;

/// The spellings, by the number an alias keeps above its initials.
const KINDS: [Spelling; 5] =
    [Spelling::Reading, Spelling::WadeGiles, Spelling::Cantonese, Spelling::Dialect, Spelling::OtherName];
/// Where the spelling's number starts, above the initials' bits (a–z).
const KIND_SHIFT: u32 = 26;

#[derive(Debug, Clone, Copy)]
pub(super) struct Alias {
    pub(super) mask: u64,
    start: u32,
    /// The first letters of its words (a bit each, a–z) and, above them, which spelling it is.
    initials_and_kind: u32,
}

impl Alias {
    /// A spelling of `spelling`'s kind whose key starts at `start` of the spellings' arena.
    pub(super) fn new(spelling: Spelling, initials: u64, start: u32, mask: u64) -> Self {
        let kind = KINDS.iter().position(|k| *k == spelling).and_then(|k| u32::try_from(k).ok()).unwrap_or(0);
        let initials = u32::try_from(initials & LETTERS).unwrap_or(0);
        Self { mask, start, initials_and_kind: initials | kind << KIND_SHIFT }
    }

    /// The first letters of its words, a bit each (a–z).
    pub(super) fn initials(&self) -> u32 {
        self.initials_and_kind & ((1 << KIND_SHIFT) - 1)
    }

    pub(super) fn spelling(&self) -> Spelling {
        KINDS.get((self.initials_and_kind >> KIND_SHIFT) as usize).copied().unwrap_or(Spelling::OtherName)
    }

    /// The same alias, its arena appended after `by` bytes of another's.
    pub(super) fn moved(self, by: u32) -> Self {
        Self { start: self.start + by, ..self }
    }
}

/// The aliases of `run` (a guest's), each with its key in `spelled`.
pub(super) fn keyed<'a>(
    aliases: &'a [Alias],
    spelled: &'a str,
    run: Piece,
) -> impl Iterator<Item = (&'a Alias, &'a str)> {
    let first = run.start as usize;
    let last = (first + run.len as usize).min(aliases.len());
    (first.min(last)..last).map(move |i| {
        let from = aliases[i].start as usize;
        let to = aliases.get(i + 1).map_or(spelled.len(), |next| next.start as usize);
        (&aliases[i], spelled.get(from..to).unwrap_or(""))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_alias_takes_sixteen_bytes_and_keeps_its_kind_and_initials() {
        assert_eq!(size_of::<Alias>(), 16);
        for kind in KINDS {
            let alias = Alias::new(kind, (1 << 25) | 1, 7, 3);
            assert_eq!((alias.spelling(), alias.initials(), alias.mask), (kind, (1 << 25) | 1, 3));
        }
        let aliases = [Alias::new(KINDS[0], 0, 0, 0), Alias::new(KINDS[1], 0, 4, 0), Alias::new(KINDS[2], 0, 8, 0)];
        let keys: Vec<&str> = keyed(&aliases, "chanwongtsang", Piece { start: 1, len: 2 }).map(|(_, k)| k).collect();
        assert_eq!(keys, ["wong", "tsang"]);
    }
}
