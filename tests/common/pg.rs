//! A real PostgreSQL server for tests, never a mock: one throwaway cluster per test binary, in a temporary folder,
//! listening on a socket in that folder only; each test gets a database of its own. The cluster stops when the test
//! binary exits. Without PostgreSQL's binaries the tests that need it fail, saying why: they never skip.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A throwaway cluster: its folder (which holds its socket too), its data and PostgreSQL's binaries.
pub struct Server {
    socket: PathBuf,
    data: String,
    bin: PathBuf,
    root: bool,
    /// The server's own settings, on top of the socket in its folder.
    settings: String,
    /// The port, which names the socket too.
    port: u16,
}

/// A cluster that takes connections over TCP on localhost with TLS only, its certificate made out to "localhost"
/// by a certificate authority of its own.
pub struct TlsServer {
    pub server: Server,
    pub port: u16,
    /// The authority that signed the server's certificate, as a PEM file.
    pub ca: PathBuf,
    /// Another authority, which signed nothing of the server's.
    pub other_ca: PathBuf,
}

static CLUSTER: OnceLock<Result<Server, String>> = OnceLock::new();
static DATABASES: AtomicUsize = AtomicUsize::new(0);

/// A new, empty database on the test binary's shared cluster, as `--db` takes it.
pub fn database() -> String {
    match CLUSTER.get_or_init(|| Server::start(None)) {
        Ok(cluster) => cluster.database(),
        Err(why) => panic!("the PostgreSQL tests need a server and none could be started: {why}"),
    }
}

/// A cluster of the calling test's own, which it may stop and start again.
pub fn own_server() -> Server {
    Server::start(None)
        .unwrap_or_else(|why| panic!("the PostgreSQL tests need a server and none could be started: {why}"))
}

/// A cluster of the caller's own whose commits wait for the disk, as a real server's do: for benchmarks.
pub fn durable_server() -> Server {
    Server::start_with(None, true)
        .unwrap_or_else(|why| panic!("the PostgreSQL benchmarks need a server and none could be started: {why}"))
}

/// A cluster of the calling test's own that takes TLS connections only.
pub fn tls_server() -> TlsServer {
    let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
    let dir = tempfile::Builder::new().prefix("regulars-pg-tls-").tempdir().expect("a folder").keep();
    let ca = certificates(&dir).expect("make the certificates");
    let server = Server::start(Some((port, &dir)))
        .unwrap_or_else(|why| panic!("the PostgreSQL tests need a server and none could be started: {why}"));
    TlsServer { server, port, ca: ca.0, other_ca: ca.1 }
}

impl TlsServer {
    /// A new, empty database on this cluster, reached over TCP at `host` with `tls` (libpq's words for it).
    pub fn database(&self, host: &str, tls: &str) -> String {
        format!("host={host} port={} user=postgres dbname={} {tls}", self.port, self.server.create_database())
    }
}

/// A certificate authority, the server's key and certificate (for localhost) signed by it, and another authority:
/// written to `dir` as `ca.pem`, `server.key`, `server.crt` and `other-ca.pem`.
fn certificates(dir: &Path) -> Result<(PathBuf, PathBuf), rcgen::Error> {
    use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
    let authority = || {
        let mut params = CertificateParams::new(Vec::<String>::new())?;
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        CertifiedIssuer::self_signed(params, KeyPair::generate()?)
    };
    let ca = authority()?;
    let key = KeyPair::generate()?;
    let cert = CertificateParams::new(vec!["localhost".to_owned()])?.signed_by(&key, &ca)?;
    let write = |name: &str, text: String| {
        let path = dir.join(name);
        std::fs::write(&path, text).expect("write a certificate");
        path
    };
    let (ca_file, other) = (write("ca.pem", ca.pem()), write("other-ca.pem", authority()?.pem()));
    write("server.crt", cert.pem());
    let key_file = write("server.key", key.serialize_pem());
    std::fs::set_permissions(&key_file, std::os::unix::fs::PermissionsExt::from_mode(0o600)).expect("key mode");
    Ok((ca_file, other))
}

impl Server {
    /// A new, empty database on this cluster, as `--db` takes it.
    pub fn database(&self) -> String {
        format!("host={} port={} user=postgres dbname={}", self.socket.display(), self.port, self.create_database())
    }

    /// A new, empty database on this cluster: its name.
    fn create_database(&self) -> String {
        let name = format!("book_{}", DATABASES.fetch_add(1, Ordering::SeqCst));
        let admin = format!("host={} port={} user=postgres dbname=postgres", self.socket.display(), self.port);
        let mut client = postgres::Client::connect(&admin, postgres::NoTls).expect("connect to the test cluster");
        client.batch_execute(&format!("CREATE DATABASE {name}")).expect("create a test database");
        name
    }

    /// Stops the server at once, as a crash or a pulled cable would: connections are cut, nothing is waited for.
    pub fn stop(&self) {
        let pg_ctl = self.bin.join("pg_ctl");
        run_as_server(&pg_ctl, &["-D", &self.data, "-m", "immediate", "-w", "stop"], self.root)
            .expect("stop the server");
    }

    /// Starts the stopped server again, waiting until it takes connections.
    pub fn start_again(&self) {
        self.run_server().expect("start the server again");
    }

    fn run_server(&self) -> Result<(), String> {
        // A socket in the folder only, unless the settings say otherwise (no TCP port to collide with).
        let options = format!("-k {} {}", self.socket.display(), self.settings);
        let log = self.socket.join("log").to_string_lossy().into_owned();
        run_as_server(
            &self.bin.join("pg_ctl"),
            &["-D", &self.data, "-o", &options, "-l", &log, "-w", "start"],
            self.root,
        )
    }
}

/// The folder of PostgreSQL's server binaries (Debian keeps them under /usr/lib/postgresql/N/bin).
fn bin_dir() -> Result<PathBuf, String> {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map_err(|e| format!("no /usr/lib/postgresql ({e}): install Debian's postgresql package"))?
        .filter_map(|entry| entry.ok().map(|e| e.path().join("bin")))
        .filter(|bin| bin.join("initdb").exists())
        .collect();
    found.sort();
    found.pop().ok_or_else(|| "no initdb under /usr/lib/postgresql: install Debian's postgresql package".to_owned())
}

/// Runs `program` with `args`, as the `postgres` user when this is root (the server refuses to run as root).
fn run_as_server(program: &Path, args: &[&str], root: bool) -> Result<(), String> {
    let mut command = if root {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    };
    let output = command.args(args).stdin(Stdio::null()).output().map_err(|e| format!("{}: {e}", program.display()))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!("{} failed: {}", program.display(), String::from_utf8_lossy(&output.stderr)))
    }
}

impl Server {
    /// Makes a new cluster in a temporary folder and starts it; a watchdog stops it once the test binary has exited.
    /// With `tls`, the port and the folder holding the certificates: TCP on localhost with TLS only.
    fn start(tls: Option<(u16, &Path)>) -> Result<Self, String> {
        Self::start_with(tls, false)
    }

    /// As `start`, `durable` saying whether commits wait for the disk (a test's cluster need not survive a power
    /// cut; a benchmark's must, to be compared with a file book that does).
    fn start_with(tls: Option<(u16, &Path)>, durable: bool) -> Result<Self, String> {
        let bin = bin_dir()?;
        let root = Command::new("id").arg("-u").output().map(|o| o.stdout.starts_with(b"0\n")).unwrap_or(false);
        let dir = match tls {
            Some((_, dir)) => dir.to_owned(),
            None => tempfile::Builder::new().prefix("regulars-pg-").tempdir().map_err(|e| e.to_string())?.keep(),
        };
        if root {
            let owned = Command::new("chown").args(["-R", "postgres:postgres"]).arg(&dir).status();
            if !owned.is_ok_and(|s| s.success()) {
                return Err("cannot give the cluster's folder to the postgres user".to_owned());
            }
        }
        let data = dir.join("data");
        let (data_arg, dir_arg) = (data.to_string_lossy().into_owned(), dir.to_string_lossy().into_owned());
        run_as_server(
            &bin.join("initdb"),
            &["-D", &data_arg, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"],
            root,
        )?;
        let fsync = if durable { "" } else { "-F" };
        let settings = match tls {
            None => format!("{fsync} -c listen_addresses="),
            Some((port, _)) => {
                // Local connections over the socket as before; over TCP, TLS or nothing.
                let hba = "local all all trust\nhostssl all all 127.0.0.1/32 trust\nhostssl all all ::1/128 trust\n";
                std::fs::write(data.join("pg_hba.conf"), hba).map_err(|e| e.to_string())?;
                format!(
                    "{fsync} -c listen_addresses=localhost -p {port} -c ssl=on -c ssl_cert_file={dir}/server.crt -c ssl_key_file={dir}/server.key",
                    dir = dir_arg
                )
            }
        };
        let port = tls.map_or(5432, |(port, _)| port);
        let server = Self { socket: dir, data: data_arg, bin, root, settings, port };
        server.run_server()?;
        // Stops the cluster once this test binary has exited, and removes its folder.
        let watchdog = format!(
            "while [ -d /proc/{pid} ]; do sleep 1; done; {pg_ctl} -D {data_arg} -m immediate stop >/dev/null 2>&1; rm -rf {dir_arg}",
            pid = std::process::id(),
            pg_ctl = server.bin.join("pg_ctl").display(),
            data_arg = server.data,
        );
        let mut command = if root {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--", "sh", "-c", &watchdog]);
            command
        } else {
            let mut command = Command::new("sh");
            command.args(["-c", &watchdog]);
            command
        };
        command.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
        command.spawn().map_err(|e| format!("cannot start the cluster's watchdog: {e}"))?;
        Ok(server)
    }
}
