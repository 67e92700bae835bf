//! The event loop: waits for input or results (no polling, so an idle screen costs no CPU), drains everything that
//! is pending, updates the state, carries out effects, and draws once.

use std::sync::mpsc;
use std::thread;

use anyhow::{Context, Result, anyhow};
use chrono::{Local, Utc};
use crossterm::event::{self, Event};
use ratatui::layout::Rect;

use super::action::{Action, Msg};
use super::app::{App, Mode};
use super::desk::Desk;
use super::terminal::Screen;
use super::theme::Theme;
use super::ui;
use crate::config::ThemeChoice;
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
    /// The settings' theme; NO_COLOR wins over it.
    pub theme: Option<ThemeChoice>,
    /// How many guests F2 loads into an empty book.
    pub demo_guests: usize,
    /// How amounts are shown and typed at this desk.
    pub money: Money,
}

enum Incoming {
    Terminal(Event),
    App(Msg),
    InputFailed(String),
}

/// Runs the counter screen on `store` until the user quits.
pub fn run(store: Store, options: &Options) -> Result<()> {
    let (tx, rx) = mpsc::channel();
    let results = tx.clone();
    let mut desk = Desk::new(store, options, move |msg| {
        let _ = results.send(Incoming::App(msg));
    })?;
    let (stop_watching, watching) = mpsc::channel::<()>();
    let watcher = watch(
        desk.store().reopen().context("cannot open the guest book to watch for other desks")?,
        options.heads_up_minutes,
        tx.clone(),
        watching,
    )?;
    let shown = show(&mut desk, options, tx, &rx);
    // The watcher and the search thread close their connections before the desk's own closes last: the last desk
    // to quit leaves the whole book in the `.db` file, with no write-ahead log beside it.
    drop(stop_watching);
    let _ = watcher.join();
    desk.close();
    shown
}

/// The screen itself, until the user quits.
fn show(desk: &mut Desk, options: &Options, tx: mpsc::Sender<Incoming>, rx: &mpsc::Receiver<Incoming>) -> Result<()> {
    let mut screen = Screen::enter().context("cannot open the terminal screen")?;
    let size = screen.terminal.size()?;
    let mut app = App::new(
        (size.width, size.height),
        Utc::now(),
        *Local::now().offset(),
        Theme::chosen(options.theme),
        &options.staff,
    );
    app.station.clone_from(&options.station);
    app.money = options.money.clone();
    app.heads_up_expiry = chrono::Duration::minutes(options.heads_up_minutes);
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

    let effects = app.start(&options.query);
    desk.carry_out(&mut app, effects);
    loop {
        app.now = Utc::now();
        screen.terminal.draw(|frame| {
            let area = frame.area();
            frame.render_widget(&app, area);
            if let Some(position) = ui::cursor(&app, area) {
                frame.set_cursor_position(position);
            }
        })?;
        let first = rx.recv().context("the terminal input stopped")?;
        for incoming in std::iter::once(first).chain(rx.try_iter()) {
            let msg = match incoming {
                Incoming::Terminal(event) => translate(&app, event),
                Incoming::App(msg) => Some(msg),
                Incoming::InputFailed(error) => return Err(anyhow!("cannot read the keyboard: {error}")),
            };
            if let Some(msg) = msg {
                // Each key is stamped with the time it is handled: a visit logged after an idle hour is not an hour
                // early.
                app.now = Utc::now();
                desk.dispatch(&mut app, msg);
            }
            if app.quit {
                return Ok(());
            }
        }
    }
}

/// How often the book is checked for other desks' writes: well inside the one second a heads-up may take.
const WATCH_EVERY: std::time::Duration = std::time::Duration::from_millis(250);
/// How often heads-ups on screen are re-read even with no write, so that expired ones go.
const HEADS_UP_REFRESH: std::time::Duration = std::time::Duration::from_secs(15);

/// Watches the book on a connection of its own: when another connection commits (`PRAGMA data_version` moves), it
/// reads which guests changed (from the audit log) and the heads-ups of the last while, and sends them in. It sleeps
/// between looks, so an idle desk costs next to nothing.
fn watch(
    book: Store,
    heads_up_minutes: i64,
    tx: mpsc::Sender<Incoming>,
    stop: mpsc::Receiver<()>,
) -> Result<thread::JoinHandle<()>> {
    let mut seen_audit = book.audit_head()?;
    Ok(thread::spawn(move || {
        let mut version = None;
        let mut last_heads_up_read = std::time::Instant::now();
        let mut showing_heads_ups = true;
        loop {
            let current = book.data_version().ok();
            let stale = showing_heads_ups && last_heads_up_read.elapsed() >= HEADS_UP_REFRESH;
            if current != version || stale {
                version = current;
                last_heads_up_read = std::time::Instant::now();
                let since = Utc::now() - chrono::Duration::minutes(heads_up_minutes + 1);
                let read = book.changed_since(seen_audit).and_then(|changed| Ok((changed, book.heads_ups(since)?)));
                let msg = match read {
                    Ok(((head, guests), heads_ups)) => {
                        seen_audit = head;
                        showing_heads_ups = !heads_ups.is_empty();
                        Msg::Elsewhere { guests, heads_ups }
                    }
                    Err(error) => Msg::Failed(format!("Cannot read other desks' changes: {error}")),
                };
                if tx.send(Incoming::App(msg)).is_err() {
                    return;
                }
            }
            // Sleeps between looks; the screen ending (its sender dropped) wakes it to close its connection.
            if !matches!(stop.recv_timeout(WATCH_EVERY), Err(mpsc::RecvTimeoutError::Timeout)) {
                return;
            }
        }
    }))
}

/// A terminal event as a message for `update`, through the keymap in force.
pub fn translate(app: &App, event: Event) -> Option<Msg> {
    let mode = app.mode();
    let too_small = ui::too_small(Rect::new(0, 0, app.size.0, app.size.1));
    match event {
        Event::Resize(width, height) => Some(Msg::Resize(width, height)),
        // While the screen asks to be enlarged nothing is shown, so nothing typed may change anything unseen.
        Event::Key(key) if too_small => {
            app.keymap.key(mode, key).filter(|action| *action == Action::Quit).map(Msg::Action)
        }
        _ if too_small => None,
        Event::Key(key) => app.keymap.key(mode, key).map(Msg::Action),
        Event::Mouse(mouse) => {
            let list = ui::areas(Rect::new(0, 0, app.size.0, app.size.1)).list;
            app.keymap.mouse(mode, mouse, list).map(Msg::Action)
        }
        Event::Paste(text) if mode != Mode::Help => Some(Msg::Action(Action::Paste(text))),
        _ => None,
    }
}
