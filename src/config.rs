//! The desk's settings file (TOML in the platform config folder): who stands at this desk, where it is, the colour
//! theme, the house's currency, and how many demo guests F2 and `regulars demo` load. Every setting is optional.

use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use thiserror::Error;

use crate::domain::money::{Currency, Money, NumberStyle};

/// The settings; a missing file means all defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Who is at the counter, recorded with every change (`--staff` and `REGULARS_STAFF` win over it).
    pub staff: Option<String>,
    /// Where this desk stands: "lobby", "restaurant".
    pub station: Option<String>,
    pub theme: Option<ThemeChoice>,
    /// How many guests F2 and `regulars demo` add.
    pub demo_guests: Option<usize>,
    /// How long a heads-up nobody took stays on screen, in minutes.
    pub heads_up_minutes: Option<i64>,
    /// The house's currency, shown with every amount: a symbol ("฿", "$") before the number, a three-letter code
    /// ("THB") after it. None: amounts are shown without one.
    pub currency: Option<String>,
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
    #[error("the settings file {path} is not valid: {message}")]
    Invalid { path: PathBuf, message: String },
}

impl Config {
    /// The platform's place for the settings file: `~/.config/regulars/config.toml` on Linux.
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "regulars").map(|dirs| dirs.config_dir().join("config.toml"))
    }

    /// Reads the settings at `path`; no file there means defaults.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(source) => return Err(ConfigError::Read { path: path.to_owned(), source }),
        };
        let config: Self = toml::from_str(&text).map_err(|e| ConfigError::Invalid {
            path: path.to_owned(),
            // toml's message spans several lines with a caret drawing; its first line says what is wrong.
            message: e.message().lines().next().unwrap_or("unreadable").to_owned(),
        })?;
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
        Ok(config)
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

    #[test]
    fn settings_are_read_and_a_missing_file_is_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        assert_eq!(Config::load(&path).unwrap(), Config::default());
        std::fs::write(&path, "staff = \"Nok\"\nstation = \"lobby\"\ntheme = \"plain\"\ndemo_guests = 500\n").unwrap();
        let config = Config::load(&path).unwrap();
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
        let money = Config::load(&path).unwrap().money("th_TH.UTF-8");
        assert_eq!(money, Money { currency: Some(Currency::Symbol("฿".into())), style: NumberStyle::DecimalPoint });
        for bad in ["\"\"", "\"12\"", "\"EURO$$\"", "\"\\u001b\""] {
            std::fs::write(&path, format!("currency = {bad}\n")).unwrap();
            let error = Config::load(&path).unwrap_err().to_string();
            assert!(error.contains("currency") && !error.contains('\n'), "{bad}: {error}");
        }
    }

    #[test]
    fn a_bad_setting_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "stafff = \"Nok\"\n").unwrap();
        let error = Config::load(&path).unwrap_err().to_string();
        assert!(error.contains("stafff") && error.contains("config.toml"), "{error}");
        assert!(!error.contains('\n'));
    }
}
