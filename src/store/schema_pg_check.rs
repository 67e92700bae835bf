//! A server's book is guarded by the server's roles; but a role that may change its schema (the book's owner, an
//! administrator, anyone with their password) could add a trigger that runs on every desk's writes, as in a file.
//! So on opening, what is attached to regulars' own tables — their columns with their defaults, constraints (a
//! foreign key's cascade), indexes, triggers (when and whether they fire), rules and row policies, and the functions
//! their triggers run (by an MD5 digest of the body) — is described as the server sees
//! it and compared with what the migrations make (`schema_pg.objects`). Whatever else the database holds (another
//! application's tables beside the book) is not the book's and is left alone.

use postgres::Client;

use super::schema_check::{Change, Difference};
use super::{Result, StoreError};

/// What the migrations make, described as `describe` describes a book.
const EXPECTED: &str = include_str!("schema_pg.objects");

/// One object: kind, name, what it is.
type Object = (String, String, String);

/// What is attached to the tables named `tables` in the book's schema, in kind and name order.
const DESCRIBE: &str = "
    WITH own AS (
        SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relname = ANY($1)
    ), triggers AS (
        SELECT t.*, own.relname FROM pg_trigger t JOIN own ON own.oid = t.tgrelid WHERE NOT t.tgisinternal
    )
    SELECT kind, name, detail FROM (
        SELECT 'table' AS kind, own.relname::text AS name, (
                   SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                                     || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                                     || CASE WHEN a.attidentity <> '' THEN ' identity' ELSE '' END
                                     || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), ''),
                                     ', ' ORDER BY a.attnum)
                   FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                   WHERE a.attrelid = own.oid AND a.attnum > 0 AND NOT a.attisdropped
               ) AS detail
        FROM own
        UNION ALL
        -- What a constraint does, from the catalog's own columns rather than its text (which server versions print
        -- differently): its kind, the columns, the table it refers to and what a delete or an update there does.
        SELECT 'constraint', con.conname::text,
               'on ' || own.relname || ' ' || con.contype::text || ' ' || coalesce(con.conkey::text, '')
               || CASE WHEN con.contype = 'f' THEN ' references ' || con.confrelid::regclass::text
                       || ' on delete ' || con.confdeltype::text || ' on update ' || con.confupdtype::text
                       ELSE '' END
        FROM pg_constraint con JOIN own ON own.oid = con.conrelid
        UNION ALL
        SELECT 'index', i.relname::text, 'on ' || own.relname
        FROM pg_index x JOIN own ON own.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
        UNION ALL
        SELECT 'trigger', t.tgname::text,
               'on ' || t.relname || ' runs ' || p.proname || ' when ' || t.tgtype || ' enabled ' || t.tgenabled::text
               || coalesce(' if ' || pg_get_expr(t.tgqual, t.tgrelid), '')
               || CASE WHEN t.tgnargs > 0 THEN ' with ' || encode(t.tgargs, 'hex') ELSE '' END
        FROM triggers t JOIN pg_proc p ON p.oid = t.tgfoid
        UNION ALL
        SELECT DISTINCT 'function', p.proname::text,
               md5(p.prosrc) || ' ' || l.lanname || CASE WHEN p.prosecdef THEN ' security definer' ELSE '' END
        FROM triggers t JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_language l ON l.oid = p.prolang
        UNION ALL
        SELECT 'rule', r.rulename::text, 'on ' || own.relname
        FROM pg_rewrite r JOIN own ON own.oid = r.ev_class WHERE r.rulename <> '_RETURN'
        UNION ALL
        SELECT 'policy', p.polname::text, 'on ' || own.relname FROM pg_policy p JOIN own ON own.oid = p.polrelid
    ) described ORDER BY kind, name";

/// Refuses a server's book whose tables have anything attached that the migrations do not make, or lack anything
/// they do, naming the first such object.
pub(super) fn check(client: &mut Client) -> Result<()> {
    match differences(client)?.first() {
        Some(difference) => Err(StoreError::Tampered(difference.to_string())),
        None => Ok(()),
    }
}

/// How what is attached to the book's tables differs from what the migrations make: what was added first.
pub(super) fn differences(client: &mut Client) -> Result<Vec<Difference>> {
    let expected = expected();
    let tables: Vec<&str> =
        expected.iter().filter(|(kind, ..)| kind == "table").map(|(_, name, _)| name.as_str()).collect();
    let mut found = Vec::new();
    for row in client.query(DESCRIBE, &[&tables])? {
        found.push((row.try_get::<_, String>(0)?, row.try_get::<_, String>(1)?, row.try_get::<_, String>(2)?));
    }
    let same_name = |a: &Object, b: &Object| a.0 == b.0 && a.1 == b.1;
    let difference =
        |change, object: &Object| Difference { change, kind: object.0.clone(), name: object.1.clone(), made: None };
    let mut differences: Vec<Difference> = found
        .iter()
        .filter(|object| !expected.iter().any(|e| same_name(e, object)))
        .map(|object| difference(Change::Added, object))
        .collect();
    for object in expected.iter().filter(|object| !found.contains(object)) {
        let change = if found.iter().any(|f| same_name(f, object)) { Change::Changed } else { Change::Removed };
        differences.push(difference(change, object));
    }
    Ok(differences)
}

fn expected() -> Vec<Object> {
    EXPECTED
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| {
            let mut parts = line.splitn(3, '\t');
            Some((parts.next()?.to_owned(), parts.next()?.to_owned(), parts.next().unwrap_or_default().to_owned()))
        })
        .collect()
}
