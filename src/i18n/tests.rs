use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::*;

/// Each message of a resource and the variables it uses.
fn messages(language: Language) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(language.resource())
        .unwrap_or_else(|(_, errors)| panic!("{} has syntax errors: {errors:?}", language.tag()));
    let mut found = BTreeMap::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            let mut variables = BTreeSet::new();
            if let Some(pattern) = &message.value {
                pattern_variables(pattern, &mut variables);
            }
            found.insert(message.id.name.to_owned(), variables);
        }
    }
    found
}

fn pattern_variables(pattern: &Pattern<&str>, into: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, into);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, into: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_variables(inline, into),
        Expression::Select { selector, variants } => {
            inline_variables(selector, into);
            for variant in variants {
                pattern_variables(&variant.value, into);
            }
        }
    }
}

fn inline_variables(inline: &InlineExpression<&str>, into: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            into.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, into),
        _ => {}
    }
}

#[test]
fn every_message_is_in_every_language_with_the_same_placeholders() {
    let english = messages(Language::En);
    assert!(!english.is_empty());
    for language in [Language::ZhHans, Language::ZhHant] {
        let other = messages(language);
        let missing: Vec<&String> = english.keys().filter(|id| !other.contains_key(*id)).collect();
        let extra: Vec<&String> = other.keys().filter(|id| !english.contains_key(*id)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{}: missing {missing:?}, not in English {extra:?}",
            language.tag()
        );
        for (id, variables) in &english {
            assert_eq!(&other[id], variables, "{}: the placeholders of {id}", language.tag());
        }
    }
}

#[test]
fn the_language_of_the_environment() {
    let of =
        |all: Option<&str>, messages: Option<&str>, lang: Option<&str>| Language::of_environment(all, messages, lang);
    assert_eq!(of(None, None, Some("zh_TW.UTF-8")), Language::ZhHant);
    assert_eq!(of(None, None, Some("zh_HK.UTF-8")), Language::ZhHant);
    assert_eq!(of(None, None, Some("zh_SG")), Language::ZhHans);
    assert_eq!(of(None, Some("zh_CN.UTF-8"), Some("en_GB.UTF-8")), Language::ZhHans);
    assert_eq!(of(Some("en_US.UTF-8"), Some("zh_CN"), None), Language::En);
    assert_eq!(of(Some(""), None, Some("zh_MO")), Language::ZhHant, "an empty variable is not set");
    assert_eq!(of(None, None, Some("th_TH.UTF-8")), Language::En, "a language the desk does not speak yet");
    assert_eq!(of(None, None, Some("C")), Language::En);
}

#[test]
fn messages_are_formatted_with_their_plurals_and_no_isolation_marks() {
    assert_eq!(t!(Language::En, "ago-weeks", n = 1), "1 week ago");
    assert_eq!(t!(Language::En, "ago-weeks", n = 3), "3 weeks ago");
    assert_eq!(t!(Language::ZhHans, "ago-days", n = 3), "3天前");
    assert_eq!(
        t!(Language::ZhHant, "card-usual-support", items = "豆漿, 油條", times = 3, of = 4),
        "豆漿, 油條 — 近4次中3次"
    );
    assert!(!t!(Language::En, "card-visit", date = "2026-11-30", seat = "Bar 1").contains('\u{2068}'));
}

#[test]
fn a_message_said_later_is_said_in_the_language_of_the_moment() {
    let fields = vec![Said::named("field", "allergies"), Said::named("field", "other_names")];
    let said = crate::said!("write-saved-keeping", name = "于先生", fields = fields);
    assert_eq!(said.text(Language::En), "Saved 于先生, keeping another desk's change to Allergies; Other names");
    assert_eq!(said.text(Language::ZhHans), "已保存于先生，保留了另一台前台对过敏；别名的修改");
    let undo = crate::said!("status-to-undo", said = crate::said!("status-nothing-saved"), key = "Ctrl-Z");
    assert_eq!(undo.text(Language::ZhHant), "未儲存任何內容 — Ctrl-Z 撤銷");
}

#[test]
fn birthdays_audit_actions_and_greetings_as_each_reader_writes_them() {
    let leap = crate::domain::Birthday { year: None, month: 2, day: 29 };
    let whole = crate::domain::Birthday { year: Some(1981), month: 10, day: 4 };
    assert_eq!((birthday(Language::En, leap), birthday(Language::En, whole)), ("--02-29".into(), "1981-10-04".into()));
    assert_eq!(
        (birthday(Language::ZhHans, leap), birthday(Language::ZhHant, whole)),
        ("2月29日".into(), "1981年10月4日".into())
    );
    assert_eq!(audit_action(Language::ZhHans, "guest added"), "添加客人");
    assert_eq!(audit_action(Language::ZhHant, "a later version's action"), "a later version's action");
    assert_eq!(greeting(Language::En, "欧阳女士"), "欧阳女士 · Ms. Ouyang");
    assert_eq!(greeting(Language::ZhHans, "欧阳女士"), "欧阳女士");
    assert_eq!(greeting(Language::En, "Mr. Smith"), "Mr. Smith");
}
