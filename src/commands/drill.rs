//! `regulars drill`: the name drill at the command line — tonight's guests (or, with no arrivals, the regulars most
//! likely to come) as flashcards read from standard input: each shows what staff would see or hear of a guest and
//! asks who it is; the answer is checked forgivingly, the right one shown, and how this staff member did is kept in
//! the book, so cards missed come back first next time. A card missed comes back once more before the end.

use std::io::{self, BufRead, Write};

use anyhow::Result;
use chrono::{Local, Utc};
use regulars::domain::GuestId;
use regulars::domain::arrival::Link;
use regulars::domain::drill::{Progress, order};
use regulars::domain::text::inert;
use regulars::search::matching::names;
use regulars::t;
use regulars::tonight::clues;

use super::Book;
use super::arrivals::day;

/// How many regulars a night with no arrivals is drilled on.
const REGULARS: usize = 20;

pub fn run(book: &Book, date: Option<&str>, cards: Option<usize>) -> Result<()> {
    let language = book.language;
    let (now, zone) = (Utc::now(), *Local::now().offset());
    let mut store = book.open()?;
    let tonight = store.arrivals_on(day(date)?)?;
    let mut guests: Vec<GuestId> = Vec::new();
    for arrival in &tonight {
        if let Link::Guest(guest) = arrival.link
            && !guests.contains(&guest)
        {
            guests.push(guest);
        }
    }
    let of_tonight = !guests.is_empty();
    if !of_tonight {
        guests = store.likely_regulars(now, REGULARS)?;
    }
    let mut deck = store.drill_progress(&book.staff, &guests, now)?;
    order(&mut deck);
    deck.truncate(cards.unwrap_or(deck.len()));
    if deck.is_empty() {
        println!("{}", t!(language, "drill-nobody"));
        return Ok(());
    }
    let total = deck.len();
    let mut input = io::stdin().lock();
    let mut out = io::stdout().lock();
    let mut again = Vec::new();
    let mut asked = 0;
    // Where each card stands: as it came, then as answered.
    let mut results: Vec<Progress> = deck.clone();
    let mut queue: Vec<Progress> = deck;
    while let Some(card) = (!queue.is_empty()).then(|| queue.remove(0)) {
        asked += 1;
        let history = store.recent_history(card.guest)?;
        let booking = tonight.iter().find(|a| a.link == Link::Guest(card.guest)).map(|a| &a.booking);
        writeln!(out, "\n{}", t!(language, "drill-card", n = asked, total = total + again.len()))?;
        for clue in clues(&history, booking, language, now, zone) {
            writeln!(out, "  {}", inert(&clue))?;
        }
        write!(out, "{}", t!(language, "drill-who"))?;
        out.flush()?;
        let mut answer = String::new();
        if input.read_line(&mut answer)? == 0 {
            writeln!(out)?;
            break;
        }
        let p = &history.guest.profile;
        let right = names(answer.trim(), p);
        let said = if p.greeting.is_empty() {
            inert(&p.name).into_owned()
        } else {
            format!("{} ({})", inert(&p.greeting), inert(&p.name))
        };
        let answered = card.answered(right, now);
        store.keep_drill(&book.staff, &answered)?;
        writeln!(
            out,
            "{}",
            if right { t!(language, "drill-right", who = said) } else { t!(language, "drill-wrong", who = said) }
        )?;
        // A card missed comes back once more before the end; its second answer is kept too.
        if !right && !again.contains(&card.guest) {
            again.push(card.guest);
            queue.push(answered);
        }
        if let Some(result) = results.iter_mut().find(|r| r.guest == card.guest) {
            *result = answered;
        }
    }
    let known = results.iter().filter(|card| card.known()).count();
    let score = match of_tonight {
        true => t!(language, "drill-score-tonight", known = known, total = total),
        false => t!(language, "drill-score-regulars", known = known, total = total),
    };
    writeln!(out, "\n{score}")?;
    Ok(())
}
