//! Tonight's arrivals against a book of 200,000 guests (`regulars demo`, unless `REGULARS_BENCH_GUESTS` says
//! otherwise): reading every guest as bookings are matched against them, and matching a night's 500 bookings
//! against them — a third by a phone the book has, a third by name only, a third unknown; and drawing the arrivals
//! screen of a night of 500 prepared from the book's cards, at 120 × 40.
//! `cargo bench --bench arrivals`.

mod common;

use std::hint::black_box;

use chrono::{FixedOffset, NaiveDate, TimeZone, Utc};
use common::demo_book;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use regulars::domain::arrival::{Arrival, Booking, Link, Prepared, Status};
use regulars::search::matching;
use regulars::store::{DEFAULT_BUSY_TIMEOUT, Location, Store};
use regulars::tui::app::{App, View};
use regulars::tui::theme::Theme;

fn guests() -> usize {
    std::env::var("REGULARS_BENCH_GUESTS").ok().and_then(|v| v.parse().ok()).unwrap_or(200_000)
}

fn bench(c: &mut Criterion) {
    let path = demo_book(guests(), env!("CARGO_BIN_EXE_regulars"));
    let store = Store::open_at(&Location::File(path), DEFAULT_BUSY_TIMEOUT).expect("the demo book");
    let known = store.known_guests().expect("guests");
    let day = NaiveDate::from_ymd_opt(2026, 12, 3).expect("a day");
    let bookings: Vec<Booking> = (0..500)
        .map(|i| {
            let guest = &known[(i * 397) % known.len()];
            let (name, phone) = match i % 3 {
                0 => (guest.name.clone(), guest.phone.clone()),
                1 => (guest.name.clone(), String::new()),
                _ => (format!("Walk-in {i}"), format!("+1 555 01{i:04}")),
            };
            Booking { day, name, phone, party: Some(2), ..Booking::default() }
        })
        .collect();
    let mut group = c.benchmark_group(format!("arrivals, {} guests", known.len()));
    group.sample_size(10);
    group.bench_function("read every guest to match against", |b| b.iter(|| black_box(store.known_guests())));
    group.bench_function("match 500 bookings against every guest", |b| {
        b.iter(|| black_box(matching::links(&bookings, known.iter().cloned())))
    });
    // The screen of tonight: every arrival prepared from its guest's card, as the desk reads them.
    let links = matching::links(&bookings, known.iter().cloned());
    let mut rows = Vec::new();
    for (i, (booking, link)) in bookings.iter().zip(links).enumerate() {
        let history = match link {
            Link::Guest(guest) => Some(store.recent_history(guest).expect("a card")),
            _ => None,
        };
        let arrival =
            Arrival { id: i as i64 + 1, booking: booking.clone(), link, status: Status::Expected, visit: None };
        let utc = FixedOffset::east_opt(0).expect("UTC");
        rows.push(Prepared::new(arrival, history.as_ref(), day, utc, regulars::domain::regular::REGULAR_VISITS));
    }
    let now = Utc.with_ymd_and_hms(2026, 12, 3, 17, 0, 0).single().expect("a time");
    let mut app = App::new((120, 40), now, FixedOffset::east_opt(0).expect("UTC"), Theme::colour(), "Nok");
    app.view = View::Arrivals;
    app.tonight.rows = Some(rows);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a terminal");
    group.bench_function("draw the arrivals screen of 500", |b| {
        b.iter(|| terminal.draw(|frame| frame.render_widget(&app, frame.area())).map(|_| ()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
