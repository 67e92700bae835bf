//! Colours and emphasis. With NO_COLOR set, emphasis comes from bold, underline and reverse video alone.

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeChoice;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub label: Style,
    pub name: Style,
    pub greeting: Style,
    /// Matched characters in the result list.
    pub matched: Style,
    pub selected: Style,
    /// Allergies: cannot be missed.
    pub warning: Style,
    /// Open recoveries and birthdays close by.
    pub alert: Style,
    pub border: Style,
    pub focus_border: Style,
}

impl Theme {
    pub fn colour() -> Self {
        Self {
            text: Style::new(),
            dim: Style::new().fg(Color::DarkGray),
            label: Style::new().fg(Color::Cyan),
            name: Style::new().add_modifier(Modifier::BOLD).fg(Color::White),
            greeting: Style::new().add_modifier(Modifier::BOLD).fg(Color::Yellow),
            matched: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: Style::new().bg(Color::Blue).fg(Color::White),
            warning: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            alert: Style::new().fg(Color::LightRed).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
            focus_border: Style::new().fg(Color::Cyan),
        }
    }

    pub fn plain() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Self {
            text: Style::new(),
            dim: Style::new(),
            label: Style::new(),
            name: bold,
            greeting: bold,
            matched: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            warning: bold,
            alert: bold,
            border: Style::new(),
            focus_border: bold,
        }
    }

    /// Plain when NO_COLOR is set to anything but the empty string (no-color.org) or the settings ask for it,
    /// coloured otherwise.
    pub fn chosen(setting: Option<ThemeChoice>) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
        if no_color || setting == Some(ThemeChoice::Plain) { Self::plain() } else { Self::colour() }
    }
}
