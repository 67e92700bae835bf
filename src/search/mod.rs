//! Finding guests from what staff type: a name, part of one, phone digits, an email. The index lives in memory;
//! the worker runs searches off the input path so that typing never waits.

mod index;
mod worker;

pub use index::{Field, Found, Hit, Index};
pub use worker::{FoundGuest, Results, Worker};
