//! The counter screen. Data flows one way: key → action (keymap) → `App::update` → effects (runtime) → store or
//! search thread → result message → `update` → redraw.

pub mod action;
pub mod app;
pub mod form;
pub mod input;
pub mod keymap;
mod runtime;
mod terminal;
pub mod theme;
pub mod ui;

pub use runtime::{Desk, Options, run};
