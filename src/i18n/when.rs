//! Times as the reader says them: "3 days ago", "3天前".

use chrono::{DateTime, FixedOffset, Utc};

use super::Language;
use crate::domain::when::{Ago, ago_of};

/// How long ago `then` was, on the desk's clock in `zone`, in `language`.
pub fn ago(language: Language, then: DateTime<Utc>, now: DateTime<Utc>, zone: FixedOffset) -> String {
    match ago_of(then, now, zone) {
        Ago::Today => crate::t!(language, "ago-today"),
        Ago::Yesterday => crate::t!(language, "ago-yesterday"),
        Ago::Days(n) => crate::t!(language, "ago-days", n = n),
        Ago::Weeks(n) => crate::t!(language, "ago-weeks", n = n),
        Ago::Months(n) => crate::t!(language, "ago-months", n = n),
        Ago::Years(n) => crate::t!(language, "ago-years", n = n),
    }
}
