//! The counter screen as a person meets it, through a pseudo-terminal: the real binary on a book of demo guests
//! (200,000 unless `REGULARS_BENCH_GUESTS` says otherwise), a key written to its terminal, timed to the last byte of
//! the frame it redraws. Also the time from start to the first frame, to the first results, and the process's
//! memory once the index is loaded. `cargo bench --bench keystroke`.

mod common;

use std::fs;
use std::io::{Read, Write};
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use nix::libc;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use nix::pty::{Winsize, openpty};

/// The binary measured: this build's, or `REGULARS_BENCH_BINARY` (another build, measured side by side).
fn binary() -> String {
    std::env::var("REGULARS_BENCH_BINARY").unwrap_or_else(|_| env!("CARGO_BIN_EXE_regulars").to_owned())
}
const QUERIES: [&str; 10] =
    ["e", "emma", "jonsmith", "yum", "0108", "王建华", "wjh", "garcia", "emma stone", "jon smtih"];
/// How long the screen must stay silent for a frame to count as drawn whole.
const QUIET: Duration = Duration::from_millis(60);
/// Typing sessions per query, unless `REGULARS_BENCH_SESSIONS` says otherwise (0: only the start figures).
fn sessions() -> usize {
    std::env::var("REGULARS_BENCH_SESSIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(5)
}

/// The demo book, made once and kept beside the build; `REGULARS_BENCH_BOOK` names another, taken as it is (a file
/// for another build, or a PostgreSQL book's address).
fn book(guests: usize) -> PathBuf {
    if let Some(given) = std::env::var_os("REGULARS_BENCH_BOOK") {
        return PathBuf::from(given);
    }
    common::demo_book(guests, &binary())
}

/// The screen on a pseudo-terminal of its own.
struct Screen {
    master: fs::File,
    child: Child,
    /// A terminal emulator fed everything the screen writes, for waiting on what it shows.
    seen: vt100::Parser,
}

impl Screen {
    fn start(book: &Path) -> Self {
        let size = Winsize { ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0 };
        let pty = openpty(Some(&size), None).expect("a pseudo-terminal");
        let slave: OwnedFd = pty.slave;
        let io = |fd: &OwnedFd| Stdio::from(fd.try_clone().expect("the terminal's end"));
        let mut command = Command::new(binary());
        command
            .args(["--db", book.to_str().expect("a path")])
            .env("TERM", "xterm-256color")
            .env("REGULARS_CONFIG", "/nonexistent/config.toml")
            .env("REGULARS_STAFF", "bench")
            .stdin(io(&slave))
            .stdout(io(&slave))
            .stderr(io(&slave));
        // SAFETY: only async-signal-safe calls between fork and exec: a new session with the terminal as its own.
        unsafe {
            command.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn().expect("the screen starts");
        drop(slave);
        Self { master: fs::File::from(pty.master), child, seen: vt100::Parser::new(30, 100, 0) }
    }

    /// Reads what is there within `wait`; returns when the last byte came, if any did.
    fn read_for(&mut self, wait: Duration) -> Option<Instant> {
        let mut last = None;
        let deadline = Instant::now() + wait;
        let mut buf = [0u8; 65536];
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let millis = u16::try_from(left.as_millis()).unwrap_or(u16::MAX);
            let mut fds = [PollFd::new(self.master.as_fd(), PollFlags::POLLIN)];
            if poll(&mut fds, PollTimeout::from(millis)).unwrap_or(0) == 0 {
                return last;
            }
            match self.master.read(&mut buf) {
                Ok(0) | Err(_) => return last,
                Ok(n) => {
                    self.seen.process(&buf[..n]);
                    last = Some(Instant::now());
                }
            }
        }
    }

    /// Waits for `text` on screen; the time it was first there.
    fn wait_for(&mut self, text: &str) -> Instant {
        let started = Instant::now();
        loop {
            if self.seen.screen().contents().contains(text) {
                return Instant::now();
            }
            assert!(started.elapsed() < Duration::from_secs(60), "waited for {text:?}");
            self.read_for(Duration::from_millis(2));
        }
    }

    /// Writes a key and times it to the last byte of the frame it redraws (the screen then silent for `QUIET`).
    fn key(&mut self, bytes: &[u8]) -> Duration {
        self.read_for(QUIET);
        let written = Instant::now();
        self.master.write_all(bytes).expect("a key written");
        let mut last = None;
        while let Some(at) = self.read_for(QUIET) {
            last = Some(at);
        }
        last.map_or(Duration::ZERO, |at| at - written)
    }

    /// The process's resident memory, in megabytes.
    fn resident_mb(&self) -> f64 {
        let status = fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        let kb: f64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0);
        kb / 1024.0
    }

    fn quit(mut self) {
        let _ = self.master.write_all(b"\x03");
        let _ = self.child.wait();
        let _ = self.master.as_raw_fd();
    }
}

fn percentiles(samples: &mut [Duration]) -> (Duration, Duration, Duration) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.99), samples[samples.len() - 1])
}

fn main() {
    let guests: usize = std::env::var("REGULARS_BENCH_GUESTS").ok().and_then(|v| v.parse().ok()).unwrap_or(200_000);
    let book = book(guests);
    let started = Instant::now();
    let mut screen = Screen::start(&book);
    let first_frame = screen.wait_for("Find ›") - started;
    let first_results = screen.wait_for("latest first") - started;
    println!("\nthe screen at {guests} guests, through a pseudo-terminal (100×30):");
    println!("  start to first frame {first_frame:.1?}, to first results {first_results:.1?}");
    // The names' other spellings are read just after the first results: give them a moment.
    std::thread::sleep(Duration::from_secs(1));
    println!("  resident memory with the index loaded: {:.1} MB", screen.resident_mb());
    let sessions = sessions();
    if sessions == 0 {
        screen.quit();
        return;
    }
    println!("\nkeystroke to the last byte of its frame ({sessions} typing sessions per query):");
    println!("{:<14} {:>9} {:>9} {:>9}", "query", "median", "p99", "max");
    let mut all = Vec::new();
    for query in QUERIES {
        let mut samples = Vec::new();
        for _ in 0..sessions {
            for c in query.chars() {
                samples.push(screen.key(c.encode_utf8(&mut [0; 4]).as_bytes()));
            }
            screen.key(b"\x15");
        }
        let (median, p99, max) = percentiles(&mut samples);
        println!("{query:<14} {median:>9.2?} {p99:>9.2?} {max:>9.2?}");
        all.extend(samples);
    }
    let (median, p99, max) = percentiles(&mut all);
    println!("{:<14} {median:>9.2?} {p99:>9.2?} {max:>9.2?}", "all");
    screen.quit();
}
