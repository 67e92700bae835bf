//! A till's sales export, one row per item sold, made into visits: the items of one ticket (receipt, check, order)
//! are one visit — or, where the export has no ticket, a customer's items within `SAME_VISIT` of the visit's first —
//! at the first item's time, at its table. Each customer becomes a guest with those visits, so that the card shows
//! "the usual" from the first day; an import merges them into guests already in the book as any guest list does.

use std::collections::HashMap;

use chrono::{DateTime, Duration, FixedOffset, Utc};

use super::dates::{self, DateOrder};
use super::headers::{Field, Mapping};
use super::table::Rows;
use super::{ImportError, Warn};
use crate::domain::{GuestRecord, Incoming, Profile, Visit};

/// Items of one customer without a ticket, this close in time, are one visit.
const SAME_VISIT: Duration = Duration::hours(2);

/// How a sales export's rows are read.
pub(super) struct Rules {
    pub date_order: Option<DateOrder>,
    /// The time zone of times written without an offset (see `Options::zone`).
    pub zone: Option<FixedOffset>,
}

/// One item sold, as read.
struct Sold {
    line: u64,
    at: DateTime<Utc>,
    item: String,
    ticket: String,
    table: String,
}

/// A customer of the export: who, as the rows say, and what they bought.
#[derive(Default)]
struct Customer {
    line: u64,
    /// The first of the keys a row named them by (`id:`, `tel:`, `email:`, `name:`): who they are for good, so that
    /// the same export imported again finds the same guests.
    key: String,
    name: String,
    phone: String,
    email: String,
    id: String,
    sold: Vec<Sold>,
}

/// A ticket's items this far apart are of two visits (a receipt number the till started again from one).
const SAME_TICKET: Duration = Duration::hours(12);

/// The guests of a sales export, each with their visits; items with no customer are counted and said. A row that
/// names nobody but is on a ticket another row names a customer on is that customer's.
pub(super) fn read(
    mapping: &Mapping,
    rules: &Rules,
    rows: Rows<'_>,
    warn: Warn<'_>,
) -> Result<Vec<(u64, Incoming)>, ImportError> {
    let needed = |field: Field, what: &str| {
        mapping.has(field).then_some(()).ok_or_else(|| {
            ImportError::new(1, None, format!("no {what} column in the header row (name it with --map {field}=HEADER)"))
        })
    };
    needed(Field::Item, "item")?;
    if !mapping.has(Field::When) {
        needed(Field::Date, "date")?;
    }
    let header = |field: Field| mapping.column(field).map(|i| mapping.headers[i].clone());
    // First every row, with the keys it names its customer by; then each row given to its customer.
    let mut read: Vec<(Vec<String>, [String; 4], Sold)> = Vec::new();
    for row in rows {
        let (line, row) = row?;
        let cell = |field: Field| mapping.column(field).and_then(|i| row.get(i)).map_or("", |c| c.trim());
        let item = cell(Field::Item);
        if item.is_empty() {
            continue;
        }
        let joined = super::guests::joined_name(cell(Field::FirstName), cell(Field::LastName));
        let name = match cell(Field::Name) {
            "" => joined.as_str(),
            name => name,
        };
        let (phone, email, id) = (cell(Field::Phone), cell(Field::Email), cell(Field::Customer));
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        let keys: Vec<String> = [
            ("id", id.to_owned()),
            ("tel", digits),
            ("email", email.to_lowercase()),
            ("name", crate::domain::text::normalise(name)),
        ]
        .into_iter()
        .filter(|(_, key)| !key.is_empty())
        .map(|(kind, key)| format!("{kind}:{key}"))
        .collect();
        let (date, clock) = match mapping.column(Field::When) {
            Some(_) => (cell(Field::When), None),
            None => (cell(Field::Date), Some(cell(Field::Time))),
        };
        let at = match rules.zone {
            Some(zone) => dates::time(date, clock, &zone, rules.date_order),
            None => dates::time(date, clock, &chrono::Local, rules.date_order),
        }
        .map_err(|problem| ImportError::new(line, header(Field::When).or_else(|| header(Field::Date)), problem))?;
        let who = [name, phone, email, id].map(str::to_owned);
        let sold = Sold {
            line,
            at,
            item: item.to_owned(),
            ticket: cell(Field::Ticket).to_owned(),
            table: cell(Field::Table).to_owned(),
        };
        read.push((keys, who, sold));
    }
    let mut customers: Vec<Customer> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut by_ticket: HashMap<String, usize> = HashMap::new();
    for (keys, _, sold) in &read {
        if let Some(&at) = keys.iter().find_map(|key| by_key.get(key)) {
            by_ticket.entry(sold.ticket.clone()).or_insert(at);
            for key in keys {
                by_key.entry(key.clone()).or_insert(at);
            }
        } else if let Some(first) = keys.first() {
            let at = customers.len();
            customers.push(Customer { line: sold.line, key: first.clone(), ..Customer::default() });
            by_ticket.entry(sold.ticket.clone()).or_insert(at);
            for key in keys {
                by_key.insert(key.clone(), at);
            }
        }
    }
    let mut anonymous = 0;
    for (keys, who, sold) in read {
        let found = keys.iter().find_map(|key| by_key.get(key)).or_else(|| {
            Some(&sold.ticket).filter(|ticket| !ticket.is_empty()).and_then(|ticket| by_ticket.get(ticket))
        });
        let Some(&at) = found else {
            anonymous += 1;
            continue;
        };
        let customer = &mut customers[at];
        for (kept, given) in
            [&mut customer.name, &mut customer.phone, &mut customer.email, &mut customer.id].into_iter().zip(who)
        {
            if kept.is_empty() {
                *kept = given;
            }
        }
        customer.sold.push(sold);
    }
    if anonymous > 0 {
        let items = crate::domain::when::counted(anonymous, "item", "items");
        warn(0, format!("{items} sold to nobody named (no name, phone, email or customer id) skipped"));
    }
    customers.into_iter().map(|customer| guest(customer, mapping)).collect()
}

/// A customer as a guest, their items made into visits.
fn guest(mut customer: Customer, mapping: &Mapping) -> Result<(u64, Incoming), ImportError> {
    customer.sold.sort_by(|a, b| a.at.cmp(&b.at).then(a.line.cmp(&b.line)));
    let mut visits: Vec<(u64, Visit)> = Vec::new();
    // Each ticket's visit and when it started; without a ticket, the last visit's start.
    let mut tickets: HashMap<String, (usize, DateTime<Utc>)> = HashMap::new();
    let mut last_start: Option<DateTime<Utc>> = None;
    for sold in customer.sold {
        let visit = match sold.ticket.is_empty() {
            false => tickets.get(&sold.ticket).filter(|(_, start)| sold.at - *start <= SAME_TICKET).map(|(at, _)| *at),
            true => last_start.filter(|start| sold.at - *start <= SAME_VISIT).map(|_| visits.len() - 1),
        };
        match visit {
            Some(at) => visits[at].1.order.push(sold.item),
            None => {
                if !sold.ticket.is_empty() {
                    tickets.insert(sold.ticket.clone(), (visits.len(), sold.at));
                }
                last_start = Some(sold.at);
                let visit = Visit {
                    at: sold.at,
                    seat: sold.table,
                    order: vec![sold.item],
                    party_size: None,
                    staff: String::new(),
                    note: String::new(),
                };
                visits.push((sold.line, visit));
            }
        }
    }
    // A customer the export names only by number, phone or email is still a guest, called by what is known.
    let name = [&customer.name, &customer.phone, &customer.email]
        .into_iter()
        .find(|n| !n.is_empty())
        .cloned()
        .unwrap_or_else(|| format!("Customer {}", customer.id));
    let column =
        |field: Field, or: &str| mapping.column(field).map_or_else(|| or.to_owned(), |i| mapping.headers[i].clone());
    let profile = Profile { name, phone: customer.phone, email: customer.email, ..Profile::default() }
        .validated()
        .map_err(|e| ImportError::new(customer.line, Some(column(Field::Name, e.field)), e.problem.to_string()))?;
    let visits = visits
        .into_iter()
        .map(|(line, visit)| {
            visit.validated().map_err(|e| {
                let field = if e.field == "seat" { column(Field::Table, "table") } else { column(Field::Item, "item") };
                ImportError::new(line, Some(field), e.problem.to_string())
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let record = GuestRecord { profile, visits, recoveries: Vec::new(), noted: None, written: Vec::new() };
    // Known for good by the key the export named them by, so that importing it again finds them again.
    Ok((customer.line, Incoming::Guest(Box::new(record), Some(format!("till:{}", customer.key)))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_items_of_a_ticket_are_one_visit_and_a_customers_items_close_in_time_too() {
        let headers: Vec<String> =
            ["Date", "Time", "Receipt Number", "Customer Name", "Phone", "Item", "Table"].map(str::to_owned).to_vec();
        let mapping = Mapping::of(&headers, &[]).unwrap();
        let rows = [
            ["2025-06-01", "07:40", "R1", "Jon Smith", "+44 20 7946 0018", "sandwich", "Window 2"],
            ["2025-06-01", "07:41", "R1", "Jon Smith", "+44 20 7946 0018", "coffee", "Window 2"],
            ["2025-06-01", "08:00", "R2", "", "", "tea", ""],
            ["2025-06-08", "07:42", "R7", "Jon Smith", "+44 20 7946 0018", "egg", "Window 2"],
            ["2025-06-08", "07:43", "R7", "Jon Smith", "+44 20 7946 0018", "coffee", "Window 2"],
            ["2025-06-09", "09:00", "", "Ann", "", "latte", ""],
            ["2025-06-09", "09:20", "", "Ann", "", "croissant", ""],
            ["2025-06-10", "07:40", "R1", "Jon Smith", "+44 20 7946 0018", "porridge", "Bar 1"],
            ["2025-06-10", "07:41", "R1", "", "", "juice", "Bar 1"],
        ];
        let rows: Vec<Result<(u64, Vec<String>), ImportError>> = rows
            .iter()
            .enumerate()
            .map(|(i, row)| Ok((i as u64 + 2, row.iter().map(|c| (*c).to_owned()).collect())))
            .collect();
        let said = std::cell::RefCell::new(Vec::new());
        let rules = Rules { date_order: None, zone: FixedOffset::east_opt(0) };
        let guests = read(&mapping, &rules, Box::new(rows.into_iter()), &|_, w| said.borrow_mut().push(w)).unwrap();
        let (records, keys): (Vec<GuestRecord>, Vec<Option<String>>) = guests
            .into_iter()
            .map(|(_, entry)| match entry {
                Incoming::Guest(record, key) => (*record, key),
                Incoming::Mishap(_) => unreachable!(),
            })
            .unzip();
        assert_eq!(keys, [Some("till:tel:442079460018".to_owned()), Some("till:name:ann".to_owned())]);
        assert_eq!(records.len(), 2);
        let jon = &records[0];
        assert_eq!(jon.profile.name, "Jon Smith");
        assert_eq!(
            jon.visits.iter().map(|v| v.order.join(", ")).collect::<Vec<_>>(),
            ["sandwich, coffee", "egg, coffee", "porridge, juice"],
            "a receipt number used again on another day is another visit; its unnamed line is Jon's"
        );
        assert_eq!(jon.visits[0].seat, "Window 2");
        assert_eq!(records[1].visits.len(), 1, "Ann's two items within two hours are one visit");
        assert!(said.borrow()[0].contains("1 item sold to nobody"), "{:?}", said.borrow());
    }
}
