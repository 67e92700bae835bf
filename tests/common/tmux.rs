//! Driving the real binary in a real terminal: a private tmux server, keys sent, the screen read back.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of its own (its own socket), with one window running an interactive shell.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts a shell in a `width`×`height` window. Panics with a clear message when tmux is not installed: the
    /// end-to-end tests must run, not pass silently.
    pub fn start(name: &str, width: u16, height: u16, dir: &Path) -> Self {
        let socket = format!("regulars-test-{name}-{}", std::process::id());
        let tmux = Self { socket };
        let status = tmux
            .command()
            .args(["new-session", "-d", "-s", "desk", "-x", &width.to_string(), "-y", &height.to_string()])
            .args(["-c", dir.to_str().unwrap()])
            .args(["env", "-i", &format!("PATH={}", std::env::var("PATH").unwrap_or_default())])
            .args([
                "TERM=xterm-256color",
                "TZ=UTC",
                "REGULARS_STAFF=Nok",
                "PS1=desk$ ",
                "bash",
                "--norc",
                "--noprofile",
            ])
            .status()
            .expect("tmux is needed for the end-to-end tests: apt-get install -y tmux");
        assert!(status.success(), "tmux could not start");
        tmux.wait_for("the shell prompt", |screen| screen.contains("desk$"));
        tmux
    }

    fn command(&self) -> Command {
        let mut command = Command::new("tmux");
        command.args(["-L", &self.socket]);
        command
    }

    /// Types `keys` as tmux key names ("Enter", "C-c", "Down") or literal text.
    pub fn send(&self, keys: &[&str]) {
        let status = self.command().args(["send-keys", "-t", "desk"]).args(keys).status().unwrap();
        assert!(status.success());
    }

    /// Types text literally, character by character.
    pub fn type_text(&self, text: &str) {
        let status = self.command().args(["send-keys", "-t", "desk", "-l", text]).status().unwrap();
        assert!(status.success());
    }

    pub fn resize(&self, width: u16, height: u16) {
        let status = self
            .command()
            .args(["resize-window", "-t", "desk", "-x", &width.to_string(), "-y", &height.to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    pub fn screen(&self) -> String {
        let output = self.command().args(["capture-pane", "-p", "-t", "desk"]).output().unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Waits until the screen satisfies `ready` and returns it; panics with the last screen after 15 s. This is
    /// a wait for the program, not a timing assertion.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(start.elapsed() < Duration::from_secs(15), "waited for {what}; the screen shows:\n{screen}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Tmux {
    /// Waits until the program has ended and the shell asks for the next command: the prompt shows once more than
    /// it did before the program started.
    pub fn wait_for_shell(&self) -> String {
        self.wait_for("the shell back", |s| !s.contains("Find ›") && s.trim_end().ends_with("desk$"))
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.command().arg("kill-server").status();
    }
}

impl Tmux {
    /// Pastes `text` as a terminal does when the program asked for bracketed paste: one paste, not keys.
    pub fn paste(&self, text: &str) {
        use std::io::Write;
        let mut load = self.command().args(["load-buffer", "-"]).stdin(std::process::Stdio::piped()).spawn().unwrap();
        load.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
        assert!(load.wait().unwrap().success());
        let status = self.command().args(["paste-buffer", "-p", "-d", "-t", "desk"]).status().unwrap();
        assert!(status.success());
    }
}
