//! The counter screen on a pseudo-terminal of its own, as a person meets it: keys written to its terminal, each timed
//! to the last byte of the frame it redraws.

use std::fs;
use std::io::{Read, Write};
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use nix::libc;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use nix::pty::{Winsize, openpty};

/// How long the screen must stay silent for a frame to count as drawn whole.
const QUIET: Duration = Duration::from_millis(60);

/// The screen on a pseudo-terminal of its own.
pub struct Screen {
    master: fs::File,
    child: Child,
    /// A terminal emulator fed everything the screen writes, for waiting on what it shows.
    pub seen: vt100::Parser,
}

impl Screen {
    pub fn start(binary: &str, book: &Path) -> Self {
        let mut command = Command::new(binary);
        command
            .args(["--db", book.to_str().expect("a path")])
            .env("REGULARS_CONFIG", "/dev/null")
            .env("REGULARS_STAFF", "bench");
        Self::spawn(command, None)
    }

    /// `command` on a terminal of its own, its standard input `input` when given (as fzf reads the lines it
    /// offers), else the terminal.
    pub fn spawn(mut command: Command, input: Option<fs::File>) -> Self {
        let size = Winsize { ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0 };
        let pty = openpty(Some(&size), None).expect("a pseudo-terminal");
        let slave: OwnedFd = pty.slave;
        let io = |fd: &OwnedFd| Stdio::from(fd.try_clone().expect("the terminal's end"));
        command
            .env("TERM", "xterm-256color")
            .stdin(input.map_or_else(|| io(&slave), Stdio::from))
            .stdout(io(&slave))
            .stderr(io(&slave));
        // SAFETY: only async-signal-safe calls between fork and exec: a new session with the terminal (standard
        // output) as its own.
        unsafe {
            command.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(1, libc::TIOCSCTTY as _, 0) < 0 {
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
    pub fn read_for(&mut self, wait: Duration) -> Option<Instant> {
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
    pub fn wait_for(&mut self, text: &str) -> Instant {
        self.wait_until(&format!("{text:?}"), |shown| shown.contains(text))
    }

    /// Waits until what the screen shows passes `test`; the time it first did.
    pub fn wait_until(&mut self, what: &str, test: impl Fn(&str) -> bool) -> Instant {
        let started = Instant::now();
        loop {
            if test(&self.seen.screen().contents()) {
                return Instant::now();
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "waited for {what}; the screen shows:\n{}",
                self.seen.screen().contents()
            );
            self.read_for(Duration::from_millis(2));
        }
    }

    /// Writes keys without waiting for what they draw.
    pub fn send(&mut self, bytes: &[u8]) {
        self.master.write_all(bytes).expect("a key written");
    }

    /// Writes a key and times it to the last byte of the frame it redraws (the screen then silent for `QUIET`).
    pub fn key(&mut self, bytes: &[u8]) -> Duration {
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
    pub fn resident_mb(&self) -> f64 {
        let status = fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        let kb: f64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0);
        kb / 1024.0
    }

    pub fn quit(mut self) {
        let _ = self.master.write_all(b"\x03");
        let _ = self.child.wait();
        let _ = self.master.as_raw_fd();
    }
}

pub fn percentiles(samples: &mut [Duration]) -> (Duration, Duration, Duration) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.99), samples[samples.len() - 1])
}
