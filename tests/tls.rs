//! TLS to the book's server as libpq's `sslmode` asks for it, against a real server that takes TLS connections
//! only, its certificate signed by an authority of the test's own.

mod common;

use std::path::Path;

use common::run_with;

fn find(db: &str, env: &[(&str, &str)]) -> common::Run {
    run_with(Path::new(db), &["export", "--format", "jsonl"], env)
}

#[test]
fn the_book_is_reached_over_tls_as_sslmode_asks_and_a_wrong_certificate_is_refused() {
    let tls = common::pg::tls_server();
    let ca = tls.ca.display().to_string();
    let other = tls.other_ca.display().to_string();

    // Encrypted, the certificate not checked.
    let run = find(&tls.database("localhost", "sslmode=require"), &[]);
    assert_eq!(run.code, 0, "sslmode=require: {}", run.stderr);
    // The certificate checked against the authority, and the host name against the certificate.
    let run = find(&tls.database("localhost", &format!("sslmode=verify-full sslrootcert={ca}")), &[]);
    assert_eq!(run.code, 0, "sslmode=verify-full: {}", run.stderr);
    let url = format!("postgresql://postgres@localhost:{}/postgres?sslmode=verify-full&sslrootcert={ca}", tls.port);
    assert_eq!(find(&url, &[]).code, 0, "as a URL");
    // As libpq, the environment may say it.
    let run = find(&tls.database("localhost", ""), &[("PGSSLMODE", "verify-full"), ("PGSSLROOTCERT", &ca)]);
    assert_eq!(run.code, 0, "PGSSLMODE: {}", run.stderr);
    // The chain checked, not the name: 127.0.0.1 is not on the certificate.
    let run = find(&tls.database("127.0.0.1", &format!("sslmode=verify-ca sslrootcert={ca}")), &[]);
    assert_eq!(run.code, 0, "sslmode=verify-ca: {}", run.stderr);

    // Refused, each with one line saying why.
    let wrong_authority = find(&tls.database("localhost", &format!("sslmode=verify-full sslrootcert={other}")), &[]);
    assert!(wrong_authority.one_line_error().contains("certificate"), "{}", wrong_authority.stderr);
    let wrong_name = find(&tls.database("127.0.0.1", &format!("sslmode=verify-full sslrootcert={ca}")), &[]);
    assert!(wrong_name.one_line_error().contains("certificate"), "{}", wrong_name.stderr);
    let plain = find(&tls.database("localhost", "sslmode=disable"), &[]);
    assert!(plain.one_line_error().contains("no encryption"), "the server takes TLS only: {}", plain.stderr);
    let typo = find(&tls.database("localhost", "sslmode=verify_full"), &[]);
    assert!(typo.one_line_error().contains("sslmode"), "{}", typo.stderr);
}
