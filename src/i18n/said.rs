//! A message to be said later, in whatever language the desk speaks then: what the desk's threads answer and what
//! the status line, a question or a form's error holds is a message id with its arguments — some of them messages
//! in their turn — never words, so F11 switches even the line already shown.

use std::borrow::Cow;

use super::{FluentValue, Language};

/// A message and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    id: Cow<'static, str>,
    args: Vec<(&'static str, Arg)>,
}

/// An argument of a message: data as written (a name, a category), a number (its plural form is the resource's),
/// or another message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Number(i64),
    Said(Said),
    /// Messages said one after another, as the language separates the items of a list.
    List(Vec<Said>),
}

impl Said {
    pub fn new(id: &'static str) -> Self {
        Self { id: Cow::Borrowed(id), args: Vec::new() }
    }

    /// The message of a family for a name the code uses (see `i18n::named`): `Said::named("field", "other_names")`.
    pub fn named(family: &str, name: &str) -> Self {
        Self { id: Cow::Owned(super::named_id(family, name)), args: Vec::new() }
    }

    /// The same message with one more argument.
    #[must_use]
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// Words that are no message of ours — a library's own account of a failure, as it gave it.
    pub fn verbatim(text: impl Into<String>) -> Self {
        Self::new("said-verbatim").with("text", text.into())
    }

    /// The message in `language`.
    pub fn text(&self, language: Language) -> String {
        let args: Vec<(&str, FluentValue<'_>)> = self
            .args
            .iter()
            .map(|(name, arg)| {
                let value = match arg {
                    Arg::Text(text) => FluentValue::from(text.as_str()),
                    Arg::Number(n) => FluentValue::from(*n),
                    Arg::Said(said) => FluentValue::from(said.text(language)),
                    Arg::List(items) => {
                        let items: Vec<String> = items.iter().map(|item| item.text(language)).collect();
                        FluentValue::from(items.join(&super::text(language, "said-list-separator", &[])))
                    }
                };
                (*name, value)
            })
            .collect();
        super::text(language, &self.id, &args)
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<std::borrow::Cow<'_, str>> for Arg {
    fn from(text: std::borrow::Cow<'_, str>) -> Self {
        Self::Text(text.into_owned())
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Self::Text(text.clone())
    }
}

impl From<Vec<Said>> for Arg {
    fn from(items: Vec<Said>) -> Self {
        Self::List(items)
    }
}

impl From<Said> for Arg {
    fn from(said: Said) -> Self {
        Self::Said(said)
    }
}

macro_rules! numbers {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Self::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
numbers!(i64, u64, usize, i32, u32);

/// A message to say later: `said!("status-nothing-saved")`, `said!("status-added", name = name)`.
#[macro_export]
macro_rules! said {
    ($id:literal) => {
        $crate::i18n::Said::new($id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::Said::new($id)$(.with(stringify!($name), $value))+
    };
}
