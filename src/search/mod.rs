//! Finding guests the way staff remember them: part of a name, a misspelling, pinyin, phone digits, an email, a tag.
//! The index lives in memory and is fed rows (`SearchRow`); it never reads the book itself — the desk (for the
//! screen) and `feed` (for a command) read the rows and hand them over.

pub mod greeting;
mod index;
mod key;
pub mod matching;
mod needs;
mod query;
mod results;
mod row;
mod short_forms;
mod spell;
mod starts;

pub use index::{Field, Found, GuestView, Hit, Index};
pub use key::{KEYS_VERSION, SearchKeys, greeting_key, same_name, search_key, simplified_text, traditional};
pub use needs::{Needs, TermNeeds};
pub use results::{FoundGuest, Results};
pub use row::SearchRow;
pub use spell::{Spelling, cantonese};
