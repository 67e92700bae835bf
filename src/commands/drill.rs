//! `regulars drill`: the name drill at the command line — tonight's guests (or, with no arrivals, the regulars most
//! likely to come) as flashcards read from standard input: each shows what staff would see or hear of a guest and
//! asks who it is; the answer is checked forgivingly, the right one shown, and how this staff member did is kept in
//! the book, so cards missed come back first next time. A card missed comes back once more before the end.

use std::io::{self, BufRead, Write};

use anyhow::Result;
use chrono::{Local, Utc};
use regulars::domain::drill::Session;
use regulars::domain::text::inert;
use regulars::search::matching::names;
use regulars::store::Deck;
use regulars::t;
use regulars::tonight::{clues, verdict};

use super::Book;
use super::arrivals::day;

pub fn run(book: &Book, date: Option<&str>, cards: Option<usize>) -> Result<()> {
    let language = book.language;
    let (now, zone) = (Utc::now(), *Local::now().offset());
    let mut store = book.open()?;
    let Deck { cards: deck, of_tonight } = store.drill_deck(&book.staff, day(date)?, now, cards)?;
    if deck.is_empty() {
        println!("{}", t!(language, "drill-nobody"));
        return Ok(());
    }
    let mut session = Session::new(deck.iter().map(|card| card.progress).collect());
    let mut input = io::stdin().lock();
    let mut out = io::stdout().lock();
    while let Some(guest) = session.current().map(|card| card.guest) {
        let Some(card) = deck.iter().find(|card| card.progress.guest == guest) else { break };
        let (n, total) = session.place();
        writeln!(out, "\n{}", t!(language, "drill-card", n = n, total = total))?;
        for clue in clues(&card.history, card.booking.as_ref(), language, now, zone) {
            writeln!(out, "  {}", inert(&clue))?;
        }
        write!(out, "{}", t!(language, "drill-who"))?;
        out.flush()?;
        let mut answer = String::new();
        if input.read_line(&mut answer)? == 0 {
            writeln!(out)?;
            break;
        }
        let profile = &card.history.guest.profile;
        let right = names(answer.trim(), profile);
        if let Some(answered) = session.answer(right, now) {
            store.keep_drill(&book.staff, &answered)?;
        }
        writeln!(out, "{}", verdict(profile, right).text(language))?;
    }
    let (known, total) = session.score();
    let score = match of_tonight {
        true => t!(language, "drill-score-tonight", known = known, total = total),
        false => t!(language, "drill-score-regulars", known = known, total = total),
    };
    writeln!(out, "\n{score}")?;
    Ok(())
}
