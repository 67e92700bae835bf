//! Ten years of history, as uneven as a house's: the book the history benchmarks run on.

use chrono::{DateTime, Duration, Utc};

use super::{Lists, SEAT_AREAS, STAFF, order, pick, recovery};
use crate::domain::{Recovery, Visit};

/// How far back the histories reach.
const DAYS: i64 = 10 * 365;
/// The guest who comes most: a staff canteen's account, five or six times a day for ten years.
const HEAVIEST: usize = 0;
const HEAVIEST_VISITS: usize = 20_000;
/// The tail of the visits per guest (a Pareto law): about ten visits a guest, three in four guests with one to
/// three, a few hundred with hundreds, none above one a day.
const TAIL: f64 = 0.97;

/// Guest `index`'s visits, oldest first, and their recoveries.
pub(super) fn history(
    lists: &Lists,
    rng: &mut fastrand::Rng,
    index: usize,
    end: DateTime<Utc>,
) -> (Vec<Visit>, Vec<Recovery>) {
    let count = if index == HEAVIEST {
        HEAVIEST_VISITS
    } else {
        // 1 / U^(1/α) for U uniform in (0, 1] is Pareto-distributed from 1.
        let uniform = 1.0 - rng.f64();
        let drawn = (1.0 / uniform.powf(1.0 / TAIL)).min(DAYS as f64);
        // Truncation is the point: a whole number of visits.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let drawn = drawn as usize;
        drawn
    };
    // The time the guest was coming: a span somewhere in the ten years, long enough for their visits.
    let span = i64::try_from(count).unwrap_or(DAYS).max(rng.i64(30..=DAYS)).min(DAYS);
    let started = rng.i64(0..=DAYS - span);
    let mut minutes: Vec<i64> = (0..count).map(|_| started * 24 * 60 + rng.i64(0..span * 24 * 60)).collect();
    minutes.sort_unstable();

    // Tastes change: the usual of the first years gives way to another at some point.
    let seat = |rng: &mut fastrand::Rng| {
        let (area, tables) = SEAT_AREAS[rng.usize(..SEAT_AREAS.len())];
        format!("{area} {}", rng.u32(1..=tables))
    };
    let usual_seat = seat(rng);
    let (early, late) = (order(lists, rng), order(lists, rng));
    let change = rng.usize(0..=count);
    let visits = minutes
        .into_iter()
        .enumerate()
        .map(|(i, minute)| {
            let usual = if i < change { &early } else { &late };
            let order = match rng.u8(..100) {
                0..65 => usual.clone(),
                65..80 => {
                    let mut more = usual.clone();
                    more.extend(order(lists, rng).into_iter().take(1).filter(|item| !usual.contains(item)));
                    more
                }
                _ => order(lists, rng),
            };
            let seat = match rng.u8(..100) {
                0..55 => usual_seat.clone(),
                55..65 => String::new(),
                _ => seat(rng),
            };
            Visit {
                at: end - Duration::minutes(DAYS * 24 * 60 - minute),
                seat,
                order,
                party_size: Some(rng.u32(1..=4)),
                staff: pick(rng, &STAFF).to_owned(),
                note: String::new(),
            }
        })
        .collect::<Vec<_>>();
    let recoveries = match count {
        0 => 0,
        1..100 => usize::from(rng.u8(..100) < 2),
        _ => rng.usize(1..=5),
    };
    let recoveries = (0..recoveries).map(|_| recovery(lists, rng, end)).collect();
    (visits, recoveries)
}
