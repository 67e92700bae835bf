//! TLS to the book's server, as libpq does it, with rustls (pure Rust: nothing to install on a desk's machine).
//! The `postgres` crate's own parser knows only `sslmode=disable|prefer|require` and refuses `sslrootcert`, so
//! both are taken out of the book's address first (and read from `PGSSLMODE`/`PGSSLROOTCERT` where it says none);
//! what is left is parsed as before.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use percent_encoding::percent_decode_str;
use postgres::config::SslMode;
use postgres::{Client, Config, NoTls};
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use tokio_postgres_rustls::MakeRustlsConnect;

use super::{Result, StoreError};
use crate::domain::ValidationError;

/// libpq's `sslmode`s.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Never encrypted.
    Disable,
    /// Encrypted when the server offers it, the certificate unchecked (libpq's default; `allow` is taken as this).
    Prefer,
    /// Always encrypted, the certificate unchecked — unless a root certificate is given, then as `VerifyCa`.
    Require,
    /// Encrypted, the certificate signed by a trusted root.
    VerifyCa,
    /// As `VerifyCa`, and made out to the host connected to.
    VerifyFull,
}

/// What the book's address asks of TLS.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tls {
    pub mode: Mode,
    /// `sslrootcert`: a PEM file of trusted roots; none (or `system`) for the system's.
    pub root_cert: Option<PathBuf>,
}

fn invalid(why: String) -> StoreError {
    StoreError::Invalid(ValidationError::new("book", crate::domain::Problem::Said(why)))
}

fn mode(value: &str) -> Result<Mode> {
    Ok(match value {
        "disable" => Mode::Disable,
        "allow" | "prefer" => Mode::Prefer,
        "require" => Mode::Require,
        "verify-ca" => Mode::VerifyCa,
        "verify-full" => Mode::VerifyFull,
        other => {
            return Err(invalid(format!(
                "sslmode {other:?} is not one of disable, allow, prefer, require, verify-ca, verify-full"
            )));
        }
    })
}

/// Takes `sslmode` and `sslrootcert` out of a book's address (a URL or `key=value` pairs): what TLS it asks for,
/// and the rest of the address.
pub fn split(text: &str) -> Result<(String, Tls)> {
    let (mut asked_mode, mut root_cert) = (None, None);
    let mut take = |key: &str, value: &str| -> Result<bool> {
        match key {
            "sslmode" => asked_mode = Some(mode(value)?),
            "sslrootcert" => root_cert = Some(value.to_owned()),
            _ => return Ok(false),
        }
        Ok(true)
    };
    let text = text.trim();
    let rest = if text.starts_with("postgresql://") || text.starts_with("postgres://") {
        match text.split_once('?') {
            None => text.to_owned(),
            Some((base, query)) => {
                let mut kept = Vec::new();
                for pair in query.split('&').filter(|p| !p.is_empty()) {
                    let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                    if !take(&decoded(key)?, &decoded(value)?)? {
                        kept.push(pair);
                    }
                }
                if kept.is_empty() { base.to_owned() } else { format!("{base}?{}", kept.join("&")) }
            }
        }
    } else {
        let mut kept = Vec::new();
        for (key, value) in pairs(text)? {
            if !take(&key, &value)? {
                kept.push(format!("{key}='{}'", value.replace('\\', "\\\\").replace('\'', "\\'")));
            }
        }
        kept.join(" ")
    };
    // As libpq: what the address leaves out, the environment may say.
    let mode = match asked_mode {
        Some(mode) => mode,
        None => match std::env::var("PGSSLMODE") {
            Ok(value) => self::mode(&value)?,
            Err(_) => Mode::Prefer,
        },
    };
    let root_cert = root_cert.or_else(|| std::env::var("PGSSLROOTCERT").ok()).filter(|r| r != "system");
    Ok((rest, Tls { mode, root_cert: root_cert.map(PathBuf::from) }))
}

fn decoded(text: &str) -> Result<String> {
    percent_decode_str(text)
        .decode_utf8()
        .map(|text| text.into_owned())
        .map_err(|_| invalid("the book's address holds an escape that is not UTF-8".to_owned()))
}

/// The `key = value` pairs of a libpq connection string: a value may be single-quoted; a backslash escapes the
/// character after it.
fn pairs(text: &str) -> Result<Vec<(String, String)>> {
    let mut pairs = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let key: String = std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace() && *c != '=')).collect();
        if key.is_empty() {
            return match chars.peek() {
                Some(_) => Err(invalid("the book's address has “=” with no name before it".to_owned())),
                None => Ok(pairs),
            };
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.next() != Some('=') {
            return Err(invalid(format!("the book's address has {key:?} with no “=” after it")));
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if_eq(&'\'').is_some() {
            loop {
                match chars.next() {
                    None => return Err(invalid("the book's address has a quote that is not closed".to_owned())),
                    Some('\'') => break,
                    Some('\\') => value.extend(chars.next()),
                    Some(c) => value.push(c),
                }
            }
        } else {
            while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                if c == '\\' {
                    value.extend(chars.next());
                } else {
                    value.push(c);
                }
            }
        }
        pairs.push((key, value));
    }
}

/// Connects with `config` as libpq would for `tls`.
pub fn connect(config: &Config, tls: &Tls) -> Result<Client> {
    let mut config = config.clone();
    let mode = match (tls.mode, &tls.root_cert) {
        (Mode::Require, Some(_)) => Mode::VerifyCa,
        (mode, _) => mode,
    };
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = || {
        ClientConfig::builder_with_provider(Arc::clone(&provider))
            .with_safe_default_protocol_versions()
            .map_err(|e| invalid(format!("TLS: {e}")))
    };
    let client_config = match mode {
        Mode::Disable => {
            config.ssl_mode(SslMode::Disable);
            return Ok(config.connect(NoTls)?);
        }
        Mode::Prefer | Mode::Require => {
            config.ssl_mode(if mode == Mode::Prefer { SslMode::Prefer } else { SslMode::Require });
            let unchecked = Arc::new(Unchecked(Arc::clone(&provider)));
            builder()?.dangerous().with_custom_certificate_verifier(unchecked).with_no_client_auth()
        }
        Mode::VerifyCa | Mode::VerifyFull => {
            config.ssl_mode(SslMode::Require);
            let roots = Arc::new(roots(tls.root_cert.as_deref())?);
            let webpki = WebPkiServerVerifier::builder_with_provider(roots, Arc::clone(&provider))
                .build()
                .map_err(|e| invalid(format!("TLS: {e}")))?;
            match mode {
                Mode::VerifyFull => builder()?.with_webpki_verifier(webpki),
                _ => builder()?.dangerous().with_custom_certificate_verifier(Arc::new(ChainOnly(webpki))),
            }
            .with_no_client_auth()
        }
    };
    Ok(config.connect(MakeRustlsConnect::new(client_config))?)
}

/// Why TLS refused the server, if that is why `error` happened: its certificate, or the handshake.
pub fn refusal(error: &postgres::Error) -> Option<String> {
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        // An I/O error that wraps another hides it from `source`: look inside too.
        let inner = cause.downcast_ref::<std::io::Error>().and_then(std::io::Error::get_ref);
        for candidate in [Some(cause), inner.map(|e| e as &(dyn std::error::Error + 'static))].into_iter().flatten() {
            if let Some(refused) = candidate.downcast_ref::<rustls::Error>() {
                return Some(refused.to_string());
            }
        }
        source = cause.source();
    }
    None
}

/// The trusted roots: those of `file`, else the system's.
fn roots(file: Option<&Path>) -> Result<RootCertStore> {
    let mut roots = RootCertStore::empty();
    match file {
        Some(path) => {
            let unreadable = |e: &dyn std::fmt::Display| invalid(format!("sslrootcert {}: {e}", path.display()));
            for cert in CertificateDer::pem_file_iter(path).map_err(|e| unreadable(&e))? {
                roots.add(cert.map_err(|e| unreadable(&e))?).map_err(|e| unreadable(&e))?;
            }
        }
        None => {
            roots.add_parsable_certificates(rustls_native_certs::load_native_certs().certs);
        }
    }
    if roots.is_empty() {
        return Err(invalid("no trusted root certificates to check the server's against (sslrootcert)".to_owned()));
    }
    Ok(roots)
}

/// `verify-ca`: the chain must lead to a trusted root; the host name is not checked.
#[derive(Debug)]
struct ChainOnly(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        match self.0.verify_server_cert(end_entity, intermediates, server_name, ocsp, now) {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// `prefer` and `require`: encrypted, whatever the certificate (the handshake's signatures are still checked).
#[derive(Debug)]
struct Unchecked(Arc<CryptoProvider>);

impl ServerCertVerifier for Unchecked {
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::{Mode, split};

    #[test]
    fn tls_is_taken_out_of_pairs_and_urls_and_the_rest_is_kept() {
        let (rest, tls) = split("host=db sslmode=verify-full sslrootcert='/a b/ca.pem' dbname=x").unwrap();
        assert_eq!(rest, "host='db' dbname='x'");
        assert_eq!(
            (tls.mode, tls.root_cert.unwrap().to_string_lossy().into_owned()),
            (Mode::VerifyFull, "/a b/ca.pem".to_owned())
        );
        let (rest, tls) =
            split("postgresql://u@h/db?sslmode=verify-ca&sslrootcert=%2Ftmp%2Fca.pem&connect_timeout=3").unwrap();
        assert_eq!(rest, "postgresql://u@h/db?connect_timeout=3");
        assert_eq!(tls.mode, Mode::VerifyCa);
        let (rest, tls) = split("postgres://h/db?sslmode=require").unwrap();
        assert_eq!((rest.as_str(), tls.mode), ("postgres://h/db", Mode::Require));
        assert!(split("host=db sslmode=paranoid").is_err());
        assert!(split("host='db").is_err());
    }
}
