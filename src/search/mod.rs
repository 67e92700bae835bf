//! Finding guests the way staff remember them: part of a name, a misspelling, pinyin, phone digits, an email, a tag.
//! The index lives in memory; the worker runs searches off the input path so that typing never waits.

mod index;
mod key;
mod query;
mod worker;

pub use index::{Field, Found, GuestView, Hit, Index};
pub use key::{KEYS_VERSION, SearchKeys, greeting_key, same_name, search_key};
pub use worker::{FoundGuest, Results, Worker};
