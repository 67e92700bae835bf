//! `--help` in the desk's language. The English is clap's own, from the doc comments of `cli`; for another language
//! each command's about line and each option's help are that language's `help-cmd-…` and `help-arg-…` messages
//! (`assets/i18n/help-*.ftl`), and the headings, the usage line and the help and version flags are said in it too.
//! What clap itself says of a mistyped command line ("error: unexpected argument"), and the about line of its
//! `help` subcommand, stay English: clap has no way to say them otherwise.

use clap::{Arg, ArgAction, Command};
use regulars::i18n::{Language, text};

/// The command line `cmd`, its help in `language`.
pub fn localised(cmd: Command, language: Language) -> Command {
    if language == Language::En {
        return cmd;
    }
    let said = |id: &str| text(language, id, &[]);
    let flag = |id: &'static str, short: char, action: ArgAction, help: &str| {
        Arg::new(id).short(short).long(id).action(action).global(true).help(said(help))
    };
    let cmd = cmd
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(flag("help", 'h', ArgAction::Help, "help-flag-help"))
        .arg(flag("version", 'V', ArgAction::Version, "help-flag-version"));
    let template = format!("{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}", said("help-usage"));
    let (options, arguments, commands) =
        (said("help-heading-options"), said("help-heading-arguments"), said("help-heading-commands"));
    translate(cmd, "", &|id| Some(text(language, &id, &[])).filter(|said| *said != id), &|cmd| {
        cmd.help_template(&template).subcommand_help_heading(commands.clone()).mut_args(|arg| {
            let heading = if arg.is_positional() { &arguments } else { &options };
            arg.help_heading(heading.clone())
        })
    })
}

/// `cmd`'s about line and its options' help from the messages of `path` ("-guest-add"), laid out by `each`, and so on
/// down the commands under it.
fn translate(
    cmd: Command,
    path: &str,
    said: &dyn Fn(String) -> Option<String>,
    each: &dyn Fn(Command) -> Command,
) -> Command {
    let mut cmd = match said(format!("help-cmd{path}")) {
        Some(about) => cmd.about(about).long_about(None),
        None => cmd,
    };
    let args: Vec<String> = own_args(&cmd).map(|arg| arg.get_id().to_string()).collect();
    for id in args {
        if let Some(help) = said(format!("help-arg{path}-{id}")) {
            cmd = cmd.mut_arg(id, |arg| arg.help(help).long_help(None));
        }
    }
    let names: Vec<String> = cmd.get_subcommands().map(|sub| sub.get_name().to_owned()).collect();
    for name in names {
        let below = format!("{path}-{name}");
        cmd = cmd.mut_subcommand(name, |sub| translate(sub, &below, said, each));
    }
    each(cmd)
}

/// The options of a command with a help line of their own (the help and version flags are said once, for all).
fn own_args(cmd: &Command) -> impl Iterator<Item = &Arg> {
    cmd.get_arguments().filter(|arg| !matches!(arg.get_id().as_str(), "help" | "version"))
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::cli::Cli;

    /// Every message `--help` asks for, with the English it stands for: what each language's help resource holds.
    fn messages(cmd: &Command) -> Vec<(String, String)> {
        let mut all = Vec::new();
        collect(cmd, "", &mut all);
        all
    }

    fn collect(cmd: &Command, path: &str, into: &mut Vec<(String, String)>) {
        let about = cmd.get_long_about().or(cmd.get_about()).map(ToString::to_string).unwrap_or_default();
        into.push((format!("help-cmd{path}"), about));
        for arg in own_args(cmd) {
            // An option with no help of its own in English (its name says it all) has none in any language.
            if let Some(help) = arg.get_long_help().or(arg.get_help()) {
                into.push((format!("help-arg{path}-{}", arg.get_id()), help.to_string()));
            }
        }
        for sub in cmd.get_subcommands() {
            collect(sub, &format!("{path}-{}", sub.get_name()), into);
        }
    }

    /// What `localised` says beside the commands' and options' own help.
    const HEADINGS: [&str; 6] = [
        "help-usage",
        "help-heading-options",
        "help-heading-arguments",
        "help-heading-commands",
        "help-flag-help",
        "help-flag-version",
    ];

    #[test]
    fn every_command_and_option_has_its_help_in_each_language() {
        let english = messages(&Cli::command());
        let mut wanted: Vec<String> = english.iter().map(|(id, _)| id.clone()).collect();
        wanted.extend(HEADINGS.iter().map(|id| (*id).to_owned()));
        wanted.sort();
        for language in regulars::i18n::LANGUAGES {
            let Some(resource) = language.help_resource() else { continue };
            let parsed = fluent_syntax::parser::parse(resource).unwrap_or_else(|(_, errors)| {
                panic!("{}: the help resource has syntax errors: {errors:?}", language.tag())
            });
            let mut held: Vec<String> = parsed
                .body
                .iter()
                .filter_map(|entry| match entry {
                    fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_owned()),
                    _ => None,
                })
                .collect();
            held.sort();
            // What to translate, as the resource writes it: each message lacking, with the English it stands for.
            let lacking: Vec<String> = english
                .iter()
                .filter(|(id, _)| !held.contains(id))
                .map(|(id, text)| format!("{id} = {}", text.replace('\n', " ")))
                .collect();
            assert_eq!(
                held,
                wanted,
                "{}: the help resource and the command line differ; to translate:\n{}",
                language.tag(),
                lacking.join("\n")
            );
        }
    }

    #[test]
    fn help_is_in_the_language_asked_for_with_its_headings() {
        let mut zh = localised(Cli::command(), Language::ZhHant);
        let help = zh.render_help().to_string();
        assert!(help.contains(&text(Language::ZhHant, "help-cmd", &[])), "{help}");
        assert!(help.contains(&text(Language::ZhHant, "help-heading-commands", &[])), "{help}");
        assert!(!help.contains("Greet returning guests"), "{help}");
        let visit = zh.find_subcommand_mut("visit").map(|visit| visit.render_help().to_string()).unwrap_or_default();
        assert!(visit.contains(&text(Language::ZhHant, "help-arg-visit-seat", &[])), "{visit}");
        let mut en = localised(Cli::command(), Language::En);
        assert!(en.render_help().to_string().contains("Greet returning guests"));
    }
}
