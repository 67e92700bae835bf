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
    /// The desk's time zone, for times written without an offset.
    pub zone: FixedOffset,
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
    name: String,
    phone: String,
    email: String,
    id: String,
    sold: Vec<Sold>,
}

/// The guests of a sales export, each with their visits; items with no customer are counted and said.
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
    let mut customers: Vec<Customer> = Vec::new();
    let mut known: HashMap<String, usize> = HashMap::new();
    let mut anonymous = 0;
    for row in rows {
        let (line, row) = row?;
        let cell = |field: Field| mapping.column(field).and_then(|i| row.get(i)).map_or("", |c| c.trim());
        let header = |field: Field| mapping.column(field).map(|i| mapping.headers[i].clone());
        let item = cell(Field::Item);
        if item.is_empty() {
            continue;
        }
        let (name, phone, email, id) =
            (cell(Field::Name), cell(Field::Phone), cell(Field::Email), cell(Field::Customer));
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        let key = [id.to_owned(), digits, email.to_lowercase(), crate::domain::text::normalise(name)]
            .into_iter()
            .find(|key| !key.is_empty());
        let Some(key) = key else {
            anonymous += 1;
            continue;
        };
        let (date, clock) = match mapping.column(Field::When) {
            Some(_) => (cell(Field::When), None),
            None => (cell(Field::Date), Some(cell(Field::Time))),
        };
        let at = dates::time(date, clock, &rules.zone, rules.date_order)
            .map_err(|problem| ImportError::new(line, header(Field::When).or_else(|| header(Field::Date)), problem))?;
        let sold = Sold {
            line,
            at,
            item: item.to_owned(),
            ticket: cell(Field::Ticket).to_owned(),
            table: cell(Field::Table).to_owned(),
        };
        let at = *known.entry(key).or_insert_with(|| {
            customers.push(Customer { line, ..Customer::default() });
            customers.len() - 1
        });
        let customer = &mut customers[at];
        for (kept, given) in [
            (&mut customer.name, name),
            (&mut customer.phone, phone),
            (&mut customer.email, email),
            (&mut customer.id, id),
        ] {
            if kept.is_empty() {
                given.clone_into(kept);
            }
        }
        customer.sold.push(sold);
    }
    if anonymous > 0 {
        let items = crate::domain::when::counted(anonymous, "item", "items");
        warn(0, format!("{items} sold to nobody named (no name, phone, email or customer id) skipped"));
    }
    customers.into_iter().map(guest).collect()
}

/// A customer as a guest, their items made into visits.
fn guest(mut customer: Customer) -> Result<(u64, Incoming), ImportError> {
    customer.sold.sort_by(|a, b| a.at.cmp(&b.at).then(a.line.cmp(&b.line)));
    let mut visits: Vec<Visit> = Vec::new();
    let mut tickets: HashMap<String, usize> = HashMap::new();
    let mut last_start: Option<DateTime<Utc>> = None;
    for sold in customer.sold {
        let visit = if !sold.ticket.is_empty() {
            tickets.get(&sold.ticket).copied()
        } else {
            last_start.filter(|start| sold.at - *start <= SAME_VISIT).map(|_| visits.len() - 1)
        };
        match visit {
            Some(at) => visits[at].order.push(sold.item),
            None => {
                if !sold.ticket.is_empty() {
                    tickets.insert(sold.ticket.clone(), visits.len());
                }
                last_start = Some(sold.at);
                visits.push(Visit {
                    at: sold.at,
                    seat: sold.table,
                    order: vec![sold.item],
                    party_size: None,
                    staff: String::new(),
                    note: String::new(),
                });
            }
        }
    }
    // A customer the export names only by number, phone or email is still a guest, called by what is known.
    let name = [&customer.name, &customer.phone, &customer.email]
        .into_iter()
        .find(|n| !n.is_empty())
        .cloned()
        .unwrap_or_else(|| format!("Customer {}", customer.id));
    let profile = Profile { name, phone: customer.phone, email: customer.email, ..Profile::default() }
        .validated()
        .map_err(|e| ImportError::invalid(customer.line, "", e))?;
    let visits = visits
        .into_iter()
        .map(|visit| visit.validated())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| ImportError::invalid(customer.line, "visit ", e))?;
    let record = GuestRecord { profile, visits, recoveries: Vec::new(), noted: None, written: Vec::new() };
    Ok((customer.line, Incoming::Guest(Box::new(record), None)))
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
        ];
        let rows: Vec<Result<(u64, Vec<String>), ImportError>> = rows
            .iter()
            .enumerate()
            .map(|(i, row)| Ok((i as u64 + 2, row.iter().map(|c| (*c).to_owned()).collect())))
            .collect();
        let said = std::cell::RefCell::new(Vec::new());
        let rules = Rules { date_order: None, zone: FixedOffset::east_opt(0).unwrap() };
        let guests = read(&mapping, &rules, Box::new(rows.into_iter()), &|_, w| said.borrow_mut().push(w)).unwrap();
        let records: Vec<GuestRecord> = guests
            .into_iter()
            .map(|(_, entry)| match entry {
                Incoming::Guest(record, _) => *record,
                Incoming::Mishap(_) => unreachable!(),
            })
            .collect();
        assert_eq!(records.len(), 2);
        let jon = &records[0];
        assert_eq!(jon.profile.name, "Jon Smith");
        assert_eq!(
            jon.visits.iter().map(|v| v.order.join(", ")).collect::<Vec<_>>(),
            ["sandwich, coffee", "egg, coffee"]
        );
        assert_eq!(jon.visits[0].seat, "Window 2");
        assert_eq!(records[1].visits.len(), 1, "Ann's two items within two hours are one visit");
        assert!(said.borrow()[0].contains("1 item sold to nobody"), "{:?}", said.borrow());
    }
}
