//! The staff's own language: every message a desk shows comes from Project Fluent resource files under
//! `assets/i18n/` (English, 简体中文, 繁體中文), compiled into the binary; plural forms are the files' own (Fluent's
//! selectors), never glued from pieces. Data — names, orders, notes — is never translated. Placeables are not wrapped
//! in bidirectional isolation marks: a terminal draws them as cells, and they would throw widths out.

mod errors;
mod said;
mod when;

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

pub use errors::{bad_amount, bad_birthday, bad_due, bad_time, config_error, duplicates, error, problem, validation};
pub use fluent_bundle::FluentValue;
pub use said::{Arg, Said};
pub use when::{
    ago, ago_short, away, birthday, date, date_at, date_time, days_count, month_day, promise_time, regular_mark, span,
};

/// A language the desk speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum, serde::Deserialize)]
pub enum Language {
    #[default]
    #[value(name = "en")]
    #[serde(rename = "en")]
    En,
    /// Simplified Chinese.
    #[value(name = "zh-Hans")]
    #[serde(rename = "zh-Hans")]
    ZhHans,
    /// Traditional Chinese.
    #[value(name = "zh-Hant")]
    #[serde(rename = "zh-Hant")]
    ZhHant,
}

/// Every language, in the order the resource files are kept.
pub const LANGUAGES: [Language; 3] = [Language::En, Language::ZhHans, Language::ZhHant];

impl Language {
    /// The BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::ZhHans => "zh-Hans",
            Self::ZhHant => "zh-Hant",
        }
    }

    /// The language's resource file, as shipped.
    pub fn resource(self) -> &'static str {
        match self {
            Self::En => include_str!("../../assets/i18n/en.ftl"),
            Self::ZhHans => include_str!("../../assets/i18n/zh-Hans.ftl"),
            Self::ZhHant => include_str!("../../assets/i18n/zh-Hant.ftl"),
        }
    }

    /// The language's help for the command line (`--help`), as shipped: none for English, which is clap's own
    /// from the doc comments.
    pub fn help_resource(self) -> Option<&'static str> {
        match self {
            Self::En => None,
            Self::ZhHans => Some(include_str!("../../assets/i18n/help-zh-Hans.ftl")),
            Self::ZhHant => Some(include_str!("../../assets/i18n/help-zh-Hant.ftl")),
        }
    }

    /// The language a POSIX locale names (`zh_TW.UTF-8`, `zh_CN`, `en_GB`), if it is one the desk speaks: Chinese
    /// of Taiwan, Hong Kong and Macau is written Traditional, of the mainland and Singapore Simplified.
    pub fn of_locale(locale: &str) -> Option<Self> {
        let name = locale.split(['.', '@']).next().unwrap_or_default().replace('-', "_").to_lowercase();
        let mut parts = name.split('_');
        match (parts.next()?, parts.next()) {
            ("en", _) => Some(Self::En),
            ("zh", Some("tw" | "hk" | "mo" | "hant")) => Some(Self::ZhHant),
            ("zh", _) => Some(Self::ZhHans),
            _ => None,
        }
    }

    /// The language of the environment, as `LC_ALL`, `LC_MESSAGES` and `LANG` say it (the first that is set, as
    /// POSIX reads them), else English.
    pub fn of_environment(lc_all: Option<&str>, lc_messages: Option<&str>, lang: Option<&str>) -> Self {
        [lc_all, lc_messages, lang]
            .into_iter()
            .flatten()
            .find(|value| !value.is_empty())
            .and_then(Self::of_locale)
            .unwrap_or_default()
    }

    /// The next language, for switching on the screen.
    pub fn next(self) -> Self {
        match self {
            Self::En => Self::ZhHans,
            Self::ZhHans => Self::ZhHant,
            Self::ZhHant => Self::En,
        }
    }
}

static BUNDLES: LazyLock<Vec<FluentBundle<FluentResource>>> =
    LazyLock::new(|| LANGUAGES.iter().map(|&l| bundle(l)).collect());

fn bundle(language: Language) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = language.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    // A resource with a syntax error keeps the messages it could read; the resource tests fail on any error.
    for text in std::iter::once(language.resource()).chain(language.help_resource()) {
        let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// The message `id` in `language` with `args`; the message's id itself if a resource lacks it (the resource test
/// makes sure none does).
pub fn text(language: Language, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let at = LANGUAGES.iter().position(|&l| l == language).unwrap_or_default();
    let Some(bundle) = BUNDLES.get(at) else { return id.to_owned() };
    let Some(pattern) = bundle.get_message(id).and_then(|message| message.value()) else { return id.to_owned() };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned()
}

/// The message of a family for a name the code uses: `named(lang, "matched", "dialect surname")` is the message
/// `matched-dialect-surname`, `named(lang, "outreach-column", "last_visit")` is `outreach-column-last-visit`.
pub fn named(language: Language, family: &str, name: &str) -> String {
    text(language, &named_id(family, name), &[])
}

/// What an audit row says was done ("guest added", as the book stores it), in `language`; an action this version
/// has no message for (written by a later one) as stored.
pub fn audit_action(language: Language, action: &str) -> String {
    let id = named_id("audit", action);
    match text(language, &id, &[]) {
        said if said == id => action.to_owned(),
        said => said,
    }
}

fn named_id(family: &str, name: &str) -> String {
    format!("{family}-{}", name.to_lowercase().replace([' ', '_'], "-"))
}

/// A greeting as the desk can say it: on an English desk a Chinese one comes with its romanised form ("于先生 · Mr.
/// Yu"), so staff who cannot read the characters still greet the guest by name; as written on any other.
pub fn greeting(language: Language, greeting: &str) -> String {
    match crate::search::greeting::romanised(greeting).filter(|_| language == Language::En) {
        Some(said) => format!("{greeting} · {said}"),
        None => greeting.to_owned(),
    }
}

/// A message in a language: `t!(lang, "card-phone")`, `t!(lang, "card-visit", date = day, seat = seat)`.
#[macro_export]
macro_rules! t {
    ($language:expr, $id:literal) => {
        $crate::i18n::text($language, $id, &[])
    };
    ($language:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text($language, $id, &[$((stringify!($name), $crate::i18n::FluentValue::from($value))),+])
    };
}

#[cfg(test)]
mod tests;
