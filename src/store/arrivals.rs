//! Tonight's guests in the book: arrivals added from a booking system's file or by hand, each linked to a guest for
//! certain or with the guests to choose among, shared by every desk; marked arrived (which logs the visit, the table
//! or room as its seat) or no-show. Each public method is one transaction with its audit row, like every write.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};

use super::read::guest_exists;
use super::sql::{Row, Sql, args};
use super::write::{audit, insert_guest, insert_visit};
use super::{Result, Store, StoreError, to_millis};
use crate::domain::arrival::{Arrival, Booking, Link, Prepared, Status};
use crate::domain::drill::Progress;
use crate::domain::{GuestHistory, GuestId, Visit, VisitId};
use crate::search::matching::Known;

/// How many regulars a night with no arrivals is drilled on.
const LIKELY_REGULARS: usize = 20;

/// The drill's cards, and whether they are tonight's guests (else the regulars most likely to come).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Deck {
    pub cards: Vec<DrillCard>,
    pub of_tonight: bool,
}

/// One card: the staff member's progress with the guest, the guest's card, and tonight's booking if any.
#[derive(Debug, Clone, PartialEq)]
pub struct DrillCard {
    pub progress: Progress,
    pub history: GuestHistory,
    pub booking: Option<Booking>,
}

/// What adding a night's bookings came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ArrivalsAdded {
    pub added: usize,
    /// Bookings the book had already (the same file imported again).
    pub already: usize,
}

const COLUMNS: &str = "id, day, time, name, phone, email, party, place, note, guest_id, candidates, status, visit_id";

impl Store {
    /// Every guest, as bookings are matched against them (see `search::matching`).
    pub fn known_guests(&self) -> Result<Vec<Known>> {
        let guests = "SELECT id, name, phone, email, name_key, spelling_keys FROM guests ORDER BY id";
        self.sql().rows(guests, &[], |row| {
            Ok(Known {
                id: GuestId(row.id(0)?),
                name: row.string(1)?,
                phone: row.string(2)?,
                email: row.string(3)?,
                key: row.string(4)?,
                spellings: row.string(5)?,
            })
        })
    }

    /// Adds bookings with whom each is for, all or none; a booking the book has already is passed over, so that a
    /// file imported twice adds nothing the second time. `source` says where they came from, for the audit log.
    pub fn add_arrivals(&mut self, bookings: &[(Booking, Link)], staff: &str, source: &str) -> Result<ArrivalsAdded> {
        let bookings: Vec<(Booking, &Link)> = bookings
            .iter()
            .enumerate()
            .map(|(index, (booking, link))| match booking.clone().validated() {
                Ok(booking) => Ok((booking, link)),
                Err(error) => Err(StoreError::InvalidRecord { index, error }),
            })
            .collect::<Result<_>>()?;
        self.write(|tx| {
            let mut counted = ArrivalsAdded::default();
            for (booking, link) in &bookings {
                let (guest, candidates) = match link {
                    Link::Guest(guest) => (Some(*guest), Vec::new()),
                    Link::Choose(guests) => (None, guests.iter().map(|g| g.0).collect()),
                    Link::New => (None, Vec::new()),
                };
                let candidates = serde_json::to_string(&candidates)?;
                let id = tx.one(
                    "INSERT INTO arrivals (day, time, name, phone, email, party, place, note, guest_id, candidates,
                                           identity, added_at, added_by)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                     ON CONFLICT (identity) DO NOTHING
                     RETURNING id",
                    args![
                        booking.day.to_string(),
                        time_text(booking.time),
                        booking.name.as_str(),
                        booking.phone.as_str(),
                        booking.email.as_str(),
                        booking.party.map(i64::from),
                        booking.place.as_str(),
                        booking.note.as_str(),
                        guest.map(|g| g.0),
                        candidates,
                        booking.identity(),
                        to_millis(Utc::now()),
                        staff
                    ],
                    |row| row.id(0),
                )?;
                match id {
                    Some(id) => {
                        counted.added += 1;
                        audit(tx, staff, "arrival added", guest, &format!("arrival {id}; {source}"))?;
                    }
                    None => counted.already += 1,
                }
            }
            Ok(counted)
        })
    }

    /// The arrivals expected on `day`, in time order (those without a time last), then in the order added.
    pub fn arrivals_on(&self, day: NaiveDate) -> Result<Vec<Arrival>> {
        let query = format!(
            "SELECT {COLUMNS} FROM arrivals WHERE day = ?1 ORDER BY CASE WHEN time = '' THEN 1 ELSE 0 END, time, id"
        );
        self.sql().rows(&query, args![day.to_string()], arrival_from_row)
    }

    /// The arrivals of `day`, each prepared from its guest's card (their latest visits, open recoveries) on `today`
    /// in `zone`, `regular_visits` a year making a regular: what the arrivals screen, `regulars arrivals` and the
    /// briefing show.
    pub fn tonight(
        &self,
        day: NaiveDate,
        today: NaiveDate,
        zone: FixedOffset,
        regular_visits: usize,
    ) -> Result<Vec<Prepared>> {
        let arrivals = self.arrivals_on(day)?;
        let mut cards: HashMap<GuestId, GuestHistory> = HashMap::new();
        for arrival in &arrivals {
            if let Link::Guest(guest) = arrival.link
                && !cards.contains_key(&guest)
            {
                cards.insert(guest, self.recent_history(guest)?);
            }
        }
        Ok(arrivals
            .into_iter()
            .map(|arrival| {
                let card = match arrival.link {
                    Link::Guest(guest) => cards.get(&guest),
                    _ => None,
                };
                Prepared::new(arrival, card, today, zone, regular_visits)
            })
            .collect())
    }

    /// One arrival, by id.
    pub fn arrival(&self, id: i64) -> Result<Arrival> {
        arrival(self.sql(), id)
    }

    /// Says whom an arrival is for, after the desk chose: a guest, or someone new (`None`).
    pub fn link_arrival(&mut self, id: i64, guest: Option<GuestId>, staff: &str) -> Result<()> {
        self.write(|tx| {
            arrival(tx, id)?;
            if let Some(guest) = guest
                && !guest_exists(tx, guest)?
            {
                return Err(StoreError::NotFound(format!("guest {guest}")));
            }
            tx.run(
                "UPDATE arrivals SET guest_id = ?2, candidates = '[]' WHERE id = ?1",
                args![id, guest.map(|g| g.0)],
            )?;
            audit(tx, staff, "arrival linked", guest, &format!("arrival {id}"))
        })
    }

    /// An arrival the book knows nobody for is someone new: they are added as a guest — the name, phone and email
    /// booked under — and the arrival is theirs. Returns the new guest.
    pub fn add_guest_for_arrival(&mut self, id: i64, staff: &str) -> Result<GuestId> {
        self.write(|tx| {
            let arrival = arrival(tx, id)?;
            let booking = &arrival.booking;
            let profile = crate::domain::Profile {
                name: booking.name.clone(),
                phone: booking.phone.clone(),
                email: booking.email.clone(),
                ..crate::domain::Profile::default()
            }
            .validated()?;
            let guest = insert_guest(tx, &profile, staff)?;
            audit(tx, staff, "guest added", Some(guest), &format!("from arrival {id}"))?;
            tx.run("UPDATE arrivals SET guest_id = ?2, candidates = '[]' WHERE id = ?1", args![id, guest.0])?;
            audit(tx, staff, "arrival linked", Some(guest), &format!("arrival {id}"))?;
            Ok(guest)
        })
    }

    /// The guest came: the arrival is marked arrived and their visit logged at `at`, the table or room as the seat
    /// and the party as booked. An arrival not yet linked to a guest is refused (the desk chooses or adds them
    /// first); one marked arrived already logs nothing again.
    pub fn mark_arrived(&mut self, id: i64, at: DateTime<Utc>, staff: &str) -> Result<Option<VisitId>> {
        self.write(|tx| {
            let arrival = arrival(tx, id)?;
            let Link::Guest(guest) = arrival.link else {
                return Err(StoreError::NotFound(format!("the guest of arrival {id}")));
            };
            if arrival.status == Status::Arrived {
                return Ok(None);
            }
            let booking = &arrival.booking;
            let visit = Visit {
                at,
                seat: booking.place.clone(),
                order: Vec::new(),
                party_size: booking.party,
                staff: staff.to_owned(),
                note: String::new(),
            }
            .validated()?;
            let visit = insert_visit(tx, guest, &visit)?;
            tx.run("UPDATE arrivals SET status = 'arrived', visit_id = ?2 WHERE id = ?1", args![id, visit.0])?;
            audit(tx, staff, "arrived", Some(guest), &format!("arrival {id}; visit {}", visit.0))?;
            Ok(Some(visit))
        })
    }

    /// The guest did not come.
    pub fn mark_no_show(&mut self, id: i64, staff: &str) -> Result<()> {
        self.write(|tx| {
            let arrival = arrival(tx, id)?;
            let guest = match arrival.link {
                Link::Guest(guest) => Some(guest),
                _ => None,
            };
            tx.run("UPDATE arrivals SET status = 'no-show' WHERE id = ?1 AND status = 'expected'", args![id])?;
            audit(tx, staff, "no-show", guest, &format!("arrival {id}"))
        })
    }
}

impl Store {
    /// Where `staff` stands with each guest's card (a card never drilled is new, due `now`).
    pub fn drill_progress(&self, staff: &str, guests: &[GuestId], now: DateTime<Utc>) -> Result<Vec<Progress>> {
        // One read of this staff member's cards, not one a guest: a night's deck on a server is one round trip.
        let query = "SELECT guest_id, level, due_at FROM drill_cards WHERE staff = ?1";
        let stored: HashMap<i64, (i64, i64)> = self
            .sql()
            .rows(query, args![staff], |row| Ok((row.id(0)?, (row.id(1)?, row.id(2)?))))?
            .into_iter()
            .collect();
        guests
            .iter()
            .map(|&guest| match stored.get(&guest.0) {
                Some(&(level, due)) => Ok(Progress {
                    guest,
                    level: u8::try_from(level).unwrap_or(0).min(crate::domain::drill::TOP_BOX),
                    due: super::from_millis(due)?,
                }),
                None => Ok(Progress::new(guest, now)),
            })
            .collect()
    }

    /// The regulars most likely to come, for a drill on a night with no arrivals: those seen in the last 60 days,
    /// most visits first.
    pub fn likely_regulars(&self, now: DateTime<Utc>, count: usize) -> Result<Vec<GuestId>> {
        let since = to_millis(now - chrono::Duration::days(60));
        let query = "SELECT id FROM guests WHERE last_visit_at >= ?1 ORDER BY visit_count DESC, last_visit_at DESC, id LIMIT ?2";
        self.sql().rows(query, args![since, i64::try_from(count).unwrap_or(i64::MAX)], |row| Ok(GuestId(row.id(0)?)))
    }

    /// The drill's cards for `staff` on the night of `day`, least known first: each guest of the night's arrivals
    /// that is linked to one (with the booking, for its clues), or, on a night with none, the regulars most likely to
    /// come; at most `count`. Whether they are tonight's says which.
    pub fn drill_deck(&self, staff: &str, day: NaiveDate, now: DateTime<Utc>, count: Option<usize>) -> Result<Deck> {
        let tonight = self.arrivals_on(day)?;
        let mut guests: Vec<(GuestId, Option<Booking>)> = Vec::new();
        for arrival in tonight {
            if let Link::Guest(guest) = arrival.link
                && !guests.iter().any(|(g, _)| *g == guest)
            {
                guests.push((guest, Some(arrival.booking)));
            }
        }
        let of_tonight = !guests.is_empty();
        if !of_tonight {
            guests = self.likely_regulars(now, LIKELY_REGULARS)?.into_iter().map(|g| (g, None)).collect();
        }
        let ids: Vec<GuestId> = guests.iter().map(|(g, _)| *g).collect();
        let mut progress = self.drill_progress(staff, &ids, now)?;
        crate::domain::drill::order(&mut progress);
        progress.truncate(count.unwrap_or(progress.len()));
        let mut cards = Vec::with_capacity(progress.len());
        for card in progress {
            let booking = guests.iter().find(|(g, _)| *g == card.guest).and_then(|(_, b)| b.clone());
            cards.push(DrillCard { progress: card, history: self.recent_history(card.guest)?, booking });
        }
        Ok(Deck { cards, of_tonight })
    }

    /// Keeps how `staff` did on a card.
    pub fn keep_drill(&mut self, staff: &str, progress: &Progress) -> Result<()> {
        self.write(|tx| {
            tx.run(
                "INSERT INTO drill_cards (staff, guest_id, level, due_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (staff, guest_id) DO UPDATE SET level = excluded.level, due_at = excluded.due_at",
                args![staff, progress.guest.0, i64::from(progress.level), to_millis(progress.due)],
            )?;
            Ok(())
        })
    }
}

fn arrival(sql: &dyn Sql, id: i64) -> Result<Arrival> {
    let query = format!("SELECT {COLUMNS} FROM arrivals WHERE id = ?1");
    sql.one(&query, args![id], arrival_from_row)?.ok_or_else(|| StoreError::NotFound(format!("arrival {id}")))
}

fn time_text(time: Option<NaiveTime>) -> String {
    time.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()
}

fn arrival_from_row(row: &dyn Row) -> Result<Arrival> {
    let corrupt =
        |what: &str| StoreError::Corrupt(format!("arrival {}: {what}", row.int(0).ok().flatten().unwrap_or(0)));
    let day = NaiveDate::parse_from_str(row.str(1)?, "%Y-%m-%d").map_err(|_| corrupt("its day"))?;
    let time = match row.str(2)? {
        "" => None,
        text => Some(NaiveTime::parse_from_str(text, "%H:%M").map_err(|_| corrupt("its time"))?),
    };
    let candidates: Vec<i64> = serde_json::from_str(row.str(10)?)?;
    let link = match (row.int(9)?, candidates.as_slice()) {
        (Some(guest), _) => Link::Guest(GuestId(guest)),
        (None, []) => Link::New,
        (None, ids) => Link::Choose(ids.iter().map(|&id| GuestId(id)).collect()),
    };
    Ok(Arrival {
        id: row.id(0)?,
        booking: Booking {
            day,
            time,
            name: row.string(3)?,
            phone: row.string(4)?,
            email: row.string(5)?,
            party: row.int(6)?.and_then(|party| u32::try_from(party).ok()),
            place: row.string(7)?,
            note: row.string(8)?,
        },
        link,
        status: Status::parse(row.str(11)?).ok_or_else(|| corrupt("its status"))?,
        visit: row.int(12)?.map(VisitId),
    })
}
