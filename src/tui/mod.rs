//! The counter screen. Data flows one way: key → action (keymap) → `App::update` → effects (runtime) → store or
//! search thread → result message → `update` → redraw.

pub mod action;
pub mod app;
mod desk;
pub mod form;
pub mod input;
pub mod keymap;
mod runtime;
mod terminal;
pub mod theme;
pub mod ui;

pub use desk::Desk;
pub use runtime::{Options, run, translate};
