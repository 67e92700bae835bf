//! The event loop: waits for input, answers from the desk or a signal (no polling, so an idle screen costs no CPU),
//! drains everything that is pending, updates the state — each message stamped by one clock as it is handled —
//! hands the effects to the desk, draws once, and feeds the layout drawn back to the state.

use std::sync::mpsc;
use std::thread;

use anyhow::{Context, Result, anyhow};
use chrono::{DateTime, Local, Utc};
use crossterm::event::{self, Event};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use super::action::{Action, Msg};
use super::app::{App, Mode};
use super::keymap::Keymap;
use super::terminal::Screen;
use super::theme::Theme;
use super::ui;
use crate::config::ThemeChoice;
use crate::desk::{Desk, DeskOptions, drafts};
use crate::domain::money::Money;
use crate::store::Store;

/// How the screen starts.
pub struct Options {
    /// Already typed into the search line (`--query`, `--phone`).
    pub query: String,
    /// Who is at the counter, for the audit log.
    pub staff: String,
    /// Where this desk stands, shown on the status line.
    pub station: Option<String>,
    /// How long an untaken heads-up stays up, in minutes.
    pub heads_up_minutes: i64,
    /// How long after its due time a promise is overdue, and shown at every desk.
    pub overdue_after: chrono::Duration,
    /// Visits in the last year that make a guest a regular.
    pub regular_visits: usize,
    /// The settings' theme; NO_COLOR wins over it.
    pub theme: Option<ThemeChoice>,
    /// How many guests F2 loads into an empty book.
    pub demo_guests: usize,
    /// How amounts are shown and typed at this desk.
    pub money: Money,
    /// The keys in force: the defaults with the settings' remapping.
    pub keymap: Keymap,
    /// What the desk must know about the book before anything else (a book readable by others), on the status line.
    pub warning: Option<String>,
    /// The language the screen speaks.
    pub language: crate::i18n::Language,
}

impl Options {
    /// What the desk service needs of them.
    pub fn desk(&self) -> DeskOptions {
        DeskOptions {
            staff: self.staff.clone(),
            station: self.station.clone().unwrap_or_default(),
            demo_guests: self.demo_guests,
            heads_up_minutes: self.heads_up_minutes,
            regular_visits: self.regular_visits,
        }
    }
}

enum Incoming {
    Terminal(Event),
    App(Msg),
    InputFailed(String),
    /// SIGTERM, SIGHUP or SIGINT: the screen is being closed under the user.
    Signal,
}

/// The clock every message is stamped with as it is handled.
fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Runs the counter screen on `store` until the user quits or a signal closes it.
pub fn run(store: Store, options: &Options) -> Result<()> {
    let (tx, rx) = mpsc::channel();
    let answers = tx.clone();
    let desk = Desk::open(store, &options.desk(), move |msg| {
        let _ = answers.send(Incoming::App(msg));
    })
    .with_context(|| crate::t!(options.language, "runtime-cannot-open-desk"))?;
    let draft = drafts::take(desk.path(), &options.desk().station);
    let shown = show(&desk, options, draft, tx, &rx);
    // Every write handed over is done, and every connection closed, before the process ends.
    for note in desk.close() {
        eprintln!("regulars: {}", note.text(options.language));
    }
    shown
}

/// The screen itself, until the user quits.
fn show(
    desk: &Desk,
    options: &Options,
    draft: Result<Option<crate::tui::form::Draft>, String>,
    tx: mpsc::Sender<Incoming>,
    rx: &mpsc::Receiver<Incoming>,
) -> Result<()> {
    let mut screen = Screen::enter().with_context(|| crate::t!(options.language, "runtime-cannot-open-terminal"))?;
    let size = screen.terminal.size()?;
    let mut app = App::new(
        (size.width, size.height),
        now(),
        *Local::now().offset(),
        Theme::chosen(options.theme),
        &options.staff,
    );
    app.station.clone_from(&options.station);
    app.money = options.money.clone();
    app.language = options.language;
    app.keymap = options.keymap.clone();
    app.heads_up_expiry = chrono::Duration::minutes(options.heads_up_minutes);
    app.promises.grace = options.overdue_after;
    app.regular_visits = options.regular_visits;
    if let Some(warning) = &options.warning {
        app.status = Some(crate::tui::app::Status {
            text: crate::said!("status-warning", warning = warning.as_str()),
            guest: None,
        });
    }
    listen_for_signals(tx.clone())?;
    thread::spawn(move || {
        loop {
            let incoming = match event::read() {
                Ok(event) => Incoming::Terminal(event),
                Err(error) => Incoming::InputFailed(error.to_string()),
            };
            let failed = matches!(incoming, Incoming::InputFailed(_));
            if tx.send(incoming).is_err() || failed {
                break;
            }
        }
    });

    desk.carry_out(app.start(&options.query));
    match draft {
        Ok(Some(draft)) => desk.dispatch(&mut app, Msg::Draft(Box::new(draft)), now()),
        Ok(None) => {}
        Err(error) => desk.dispatch(&mut app, Msg::Failed(crate::i18n::Said::verbatim(error)), now()),
    }
    loop {
        let mut layout = app.layout;
        screen.terminal.draw(|frame| {
            let area = frame.area();
            frame.render_widget(&app, area);
            if let Some(position) = ui::cursor(&app, area) {
                frame.set_cursor_position(position);
            }
            layout = ui::layout(area);
        })?;
        if layout != app.layout {
            desk.dispatch(&mut app, Msg::Layout(layout), now());
        }
        // Asleep until a key, an answer or a signal — or until a promise falls due, which shows with no key.
        let first = match app.next_wake().and_then(|at| (at - now()).to_std().ok()) {
            Some(wait) => match rx.recv_timeout(wait) {
                Ok(incoming) => incoming,
                Err(mpsc::RecvTimeoutError::Timeout) => Incoming::App(Msg::Tick),
                Err(mpsc::RecvTimeoutError::Disconnected) => return Err(anyhow!("the terminal input stopped")),
            },
            None => rx.recv().context("the terminal input stopped")?,
        };
        for incoming in std::iter::once(first).chain(rx.try_iter()) {
            let msg = match incoming {
                Incoming::Terminal(event) => translate(&app, event),
                Incoming::App(msg) => Some(msg),
                Incoming::Signal => Some(Msg::Closing),
                Incoming::InputFailed(error) => {
                    // The terminal is gone (a closed SSH session): keep what is typed, as for a signal.
                    desk.dispatch(&mut app, Msg::Closing, now());
                    return Err(anyhow!("cannot read the keyboard: {error}"));
                }
            };
            if let Some(msg) = msg {
                desk.dispatch(&mut app, msg, now());
            }
            if app.quit {
                return Ok(());
            }
        }
    }
}

/// SIGTERM (a shutdown), SIGHUP (a closed terminal or SSH session) and SIGINT arrive as messages, so the screen is
/// closed the same careful way as by Ctrl-C: typing kept, the terminal given back.
fn listen_for_signals(tx: mpsc::Sender<Incoming>) -> Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT]).context("cannot listen for signals")?;
    thread::spawn(move || {
        for _ in signals.forever() {
            if tx.send(Incoming::Signal).is_err() {
                break;
            }
        }
    });
    Ok(())
}

/// A terminal event as a message for `update`, through the keymap in force.
pub fn translate(app: &App, event: Event) -> Option<Msg> {
    let mode = app.mode();
    let too_small = ui::too_small(ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1));
    match event {
        Event::Resize(width, height) => Some(Msg::Resize(width, height)),
        // While the screen asks to be enlarged nothing is shown, so nothing typed may change anything unseen.
        Event::Key(key) if too_small => {
            app.keymap.key(mode, key).filter(|action| *action == Action::Quit).map(Msg::Action)
        }
        _ if too_small => None,
        Event::Key(key) => app.keymap.key(mode, key).map(Msg::Action),
        Event::Mouse(mouse) => app.keymap.mouse(mode, mouse, app.layout.list).map(Msg::Action),
        Event::Paste(text) if mode != Mode::Help => Some(Msg::Action(Action::Paste(text))),
        _ => None,
    }
}
