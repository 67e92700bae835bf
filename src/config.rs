//! The desk's settings file (TOML in the platform config folder): who stands at this desk, where it is, the colour
//! theme, the house's currency, how many demo guests F2 and `regulars demo` load, and the keys the house remaps.
//! Every setting is optional.

use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use thiserror::Error;

use crate::domain::money::{Currency, Money, NumberStyle};
use crate::tui::keymap::{Keymap, KeymapError, KeysSettings};

/// The settings; a missing file means all defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The guest book, as `--db` takes it: a file, or a PostgreSQL URL (`--db` and `REGULARS_DB` win over it).
    pub book: Option<String>,
    /// Who is at the counter, recorded with every change (`--staff` and `REGULARS_STAFF` win over it).
    pub staff: Option<String>,
    /// Where this desk stands: "lobby", "restaurant".
    pub station: Option<String>,
    pub theme: Option<ThemeChoice>,
    /// How many guests F2 and `regulars demo` add.
    pub demo_guests: Option<usize>,
    /// How long a heads-up nobody took stays on screen, in minutes.
    pub heads_up_minutes: Option<i64>,
    /// How long after its due time a promise nobody ticked is overdue, and shown at every desk, in minutes (until
    /// then only its owner's desk shows it).
    pub overdue_after_minutes: Option<i64>,
    /// How many visits in the last 365 days make a guest a regular, marked so on the card and in the list.
    pub regular_visits: Option<usize>,
    /// The house's currency, shown with every amount: a symbol ("฿", "$") before the number, a three-letter code
    /// ("THB") after it. None: amounts are shown without one.
    pub currency: Option<String>,
    /// The desk's language: "en", "zh-Hans" or "zh-Hant" (`--lang` and `REGULARS_LANG` win over it; else the
    /// locale's, `LC_ALL`, `LC_MESSAGES`, `LANG`).
    pub language: Option<crate::i18n::Language>,
    /// The `[keys]` table: keys remapped per group of screens, merged over the default keymap.
    #[serde(default)]
    pub keys: KeysSettings,
}

/// The longest currency setting taken: symbols and codes are a few characters ("฿", "R$", "CHF").
const CURRENCY_MAX: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    /// Colours (unless NO_COLOR is set).
    Colour,
    /// Bold, underline and reverse video only.
    Plain,
}

#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("cannot read the settings file {path}: {source}")]
    Read { path: PathBuf, source: io::Error },
    #[error("there is no settings file {0} (named by --config or REGULARS_CONFIG); only the default one may be absent")]
    Missing(PathBuf),
    #[error("the settings file {path} is not valid: {message}")]
    Invalid { path: PathBuf, message: String },
}

/// The longest a heads-up can be left on the screens: a day.
const HEADS_UP_MINUTES_MAX: i64 = 24 * 60;

impl Config {
    /// The platform's place for the settings file: `~/.config/regulars/config.toml` on Linux.
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "regulars").map(|dirs| dirs.config_dir().join("config.toml"))
    }

    /// Reads the settings at `path`. No file there means defaults when it is the default place (`given` false); a
    /// file named by the user (`given`) must be there, or a misspelt path would silently change nothing.
    pub fn load(path: &Path, given: bool) -> Result<Self, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound && given => {
                return Err(ConfigError::Missing(path.to_owned()));
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(source) => return Err(ConfigError::Read { path: path.to_owned(), source }),
        };
        let config: Self = toml::from_str(&text)
            .map_err(|e| ConfigError::Invalid { path: path.to_owned(), message: toml_message(&text, &e) })?;
        if let Some(currency) = &config.currency {
            let chars = currency.trim().chars().count();
            // Digits or separators in the currency would make a shown amount misread; control characters would
            // reach the terminal.
            if chars == 0
                || chars > CURRENCY_MAX
                || currency.chars().any(|c| c.is_ascii_digit() || c.is_control() || matches!(c, '.' | ','))
            {
                return Err(ConfigError::Invalid {
                    path: path.to_owned(),
                    message: format!(
                        "currency {currency:?} is not a currency symbol or code (\"฿\", \"$\", \"THB\"; at most \
                         {CURRENCY_MAX} characters, no digits)"
                    ),
                });
            }
        }
        if let Some(minutes) = config.heads_up_minutes.filter(|m| !(1..=HEADS_UP_MINUTES_MAX).contains(m)) {
            return Err(ConfigError::Invalid {
                path: path.to_owned(),
                message: format!("heads_up_minutes = {minutes}: a heads-up lasts 1 to {HEADS_UP_MINUTES_MAX} minutes"),
            });
        }
        if let Some(minutes) = config.overdue_after_minutes.filter(|m| !(0..=HEADS_UP_MINUTES_MAX).contains(m)) {
            return Err(ConfigError::Invalid {
                path: path.to_owned(),
                message: format!("overdue_after_minutes = {minutes}: from 0 to {HEADS_UP_MINUTES_MAX} minutes"),
            });
        }
        if let Some(visits) = config.regular_visits.filter(|v| !(1..=50).contains(v)) {
            return Err(ConfigError::Invalid {
                path: path.to_owned(),
                message: format!("regular_visits = {visits}: from 1 to 50 visits in a year"),
            });
        }
        // Checked here, so that a mistyped key is named when the settings are read rather than when the screen opens.
        config.keymap().map_err(|e| ConfigError::Invalid { path: path.to_owned(), message: e.to_string() })?;
        Ok(config)
    }

    /// How long after its due time a promise is overdue.
    pub fn overdue_after(&self) -> chrono::Duration {
        chrono::Duration::minutes(self.overdue_after_minutes.unwrap_or(crate::domain::promise::OVERDUE_AFTER_MINUTES))
    }

    /// How many visits in a year make a regular.
    pub fn regular_visits(&self) -> usize {
        self.regular_visits.unwrap_or(crate::domain::regular::REGULAR_VISITS)
    }

    /// The keymap the screen uses: the defaults with the `[keys]` table merged over them. Settings read by
    /// [`Config::load`] have been checked already, so this fails only for a `Config` built otherwise.
    pub fn keymap(&self) -> Result<Keymap, KeymapError> {
        Keymap::with_settings(&self.keys)
    }

    /// How this desk shows amounts: the `currency` setting and the number style of `locale` (see
    /// [`numeric_locale`]).
    pub fn money(&self, locale: &str) -> Money {
        Money {
            currency: self.currency.as_deref().and_then(Currency::from_setting),
            style: NumberStyle::from_locale(locale),
        }
    }
}

/// The most of the settings file quoted in an error (toml's message quotes it too: an unknown field's name).
const QUOTE_MAX: usize = 80;

/// toml's error as one line: what is wrong, then where — the line, the table it is in, and the line itself. (toml's
/// own display spans several lines with a caret drawing, and its message alone, "duplicate key", does not say which.)
fn toml_message(text: &str, error: &toml::de::Error) -> String {
    let what = error.message().lines().next().unwrap_or("unreadable");
    let Some(start) = error.span().map(|span| span.start) else { return what.to_owned() };
    let number = text.get(..start).unwrap_or_default().matches('\n').count() + 1;
    let line = text.lines().nth(number - 1).unwrap_or_default().trim();
    let table = match line.starts_with('[') {
        // The header at fault is its own place.
        true => None,
        false => text.lines().take(number - 1).map(str::trim).filter(|l| l.starts_with('[')).last(),
    };
    let table = table.map(|t| format!(" in {}", quote(t)));
    format!("{} (line {number}{}: {})", quote(what), table.unwrap_or_default(), quote(line))
}

/// Text from the settings file for an error: shortened, and with no control character to reach the terminal.
fn quote(line: &str) -> String {
    line.chars().take(QUOTE_MAX).map(|c| if c.is_control() { '?' } else { c }).collect()
}

/// The locale numbers are written in: the first of `LC_ALL`, `LC_NUMERIC` and `LANG` that is set and not empty, as
/// the C library chooses; empty when none is.
pub fn numeric_locale() -> String {
    ["LC_ALL", "LC_NUMERIC", "LANG"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;
    use crate::tui::app::Mode;

    #[test]
    fn settings_are_read_and_a_missing_default_file_is_defaults_but_a_missing_named_one_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        assert_eq!(Config::load(&path, false).unwrap(), Config::default());
        let error = Config::load(&path, true).unwrap_err().to_string();
        assert!(error.starts_with("there is no settings file"), "{error}");
        std::fs::write(&path, "staff = \"Nok\"\nstation = \"lobby\"\ntheme = \"plain\"\ndemo_guests = 500\n").unwrap();
        let config = Config::load(&path, true).unwrap();
        assert_eq!(config.staff.as_deref(), Some("Nok"));
        assert_eq!(config.station.as_deref(), Some("lobby"));
        assert_eq!(config.theme, Some(ThemeChoice::Plain));
        assert_eq!(config.demo_guests, Some(500));
        assert_eq!(config.money("de_DE.UTF-8"), Money { currency: None, style: NumberStyle::DecimalComma });
    }

    #[test]
    fn the_currency_is_shown_with_the_locale_style() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "currency = \"฿\"\n").unwrap();
        let money = Config::load(&path, true).unwrap().money("th_TH.UTF-8");
        assert_eq!(money, Money { currency: Some(Currency::Symbol("฿".into())), style: NumberStyle::DecimalPoint });
        for bad in ["\"\"", "\"12\"", "\"EURO$$\"", "\"\\u001b\""] {
            std::fs::write(&path, format!("currency = {bad}\n")).unwrap();
            let error = Config::load(&path, true).unwrap_err().to_string();
            assert!(error.contains("currency") && !error.contains('\n'), "{bad}: {error}");
        }
    }

    #[test]
    fn a_bad_setting_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "stafff = \"Nok\"\n").unwrap();
        let error = Config::load(&path, true).unwrap_err().to_string();
        assert!(error.contains("stafff") && error.contains("config.toml"), "{error}");
        assert!(!error.contains('\n'));
    }

    #[test]
    fn keys_are_remapped_from_the_settings_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let text = "staff = \"Nok\"\n[keys.counter]\n\"F12\" = \"log_usual\"\n\"f2\" = \"none\"\n[keys.form]\n\
                    \"Ctrl-Enter\" = \"save\"\n";
        std::fs::write(&path, text).unwrap();
        let config = Config::load(&path, true).unwrap();
        assert_eq!(config.keys.counter.get("F12").map(String::as_str), Some("log_usual"));
        let keymap = config.keymap().unwrap();
        assert_eq!(keymap.keys_for(Mode::Guest, &Action::LogUsual), ["F12"]);
        assert_eq!(keymap.keys_for(Mode::Form, &Action::Save), ["Ctrl-Enter", "Ctrl-S"]);
        assert_eq!(Config::default().keymap().unwrap(), Keymap::default());
    }

    #[test]
    fn the_readmes_keys_example_loads_and_every_action_is_listed() {
        let readme = include_str!("../README.md");
        let settings = &readme[readme.find("## Settings").unwrap()..];
        let start = settings.find("```toml\n[keys").unwrap() + "```toml\n".len();
        let example = &settings[start..start + settings[start..].find("```").unwrap()];
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, example).unwrap();
        let config = Config::load(&path, true).unwrap();
        assert!(!config.keys.counter.is_empty() && !config.keys.form.is_empty(), "{example}");
        for (name, _) in crate::tui::keymap::ACTION_NAMES {
            assert!(settings.contains(&format!("`{name}`")), "the README does not list {name}");
        }
    }

    #[test]
    fn a_bad_keys_table_is_refused_in_one_line_naming_the_file_the_table_and_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        for (table, wrong) in [
            ("[keys.counter]\n\"F12\" = \"log_usal\"\n", "[keys.counter] \"F12\" = \"log_usal\": there is no action"),
            ("[keys.counter]\n\"F99\" = \"log_usual\"\n", "[keys.counter] \"F99\" is not a key"),
            ("[keys.counter]\n\"x\" = \"log_usual\"\n", "[keys.counter] \"x\": letters type the search at the counter"),
            (
                "[keys.counter]\n\"Ctrl-C\" = \"none\"\n",
                "[keys.counter] \"Ctrl-C\" = \"none\" would leave no key to quit",
            ),
            ("[keys.help]\n\"Ctrl-C\" = \"page_down\"\n", "[keys.help] \"Ctrl-C\" = \"page_down\" would leave no key"),
            (
                "[keys.form]\n\"F2\" = \"none\"\n\"F2\" = \"save\"\n",
                "duplicate key (line 3 in [keys.form]: \"F2\" = \"save\")",
            ),
            ("[keys.lists]\n\"Esc\" = 3\n", "expected a string (line 2 in [keys.lists]: \"Esc\" = 3)"),
            ("[keys.cards]\n", "unknown field `cards`, expected one of `counter`, `form`, `lists`, `help`"),
            ("[keys.form]\n\"F2\" = \"none\"\n[keys.form]\n", "duplicate key (line 3: [keys.form])"),
        ] {
            std::fs::write(&path, table).unwrap();
            let error = Config::load(&path, true).unwrap_err().to_string();
            assert!(error.contains("config.toml") && error.contains(wrong), "{table}: {error}");
            assert!(!error.contains('\n'), "{error}");
        }
    }
}
