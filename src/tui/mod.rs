//! The counter screen. Data flows one way: key → action (keymap) → `App::update` (no I/O; the time comes with the
//! message) → effects → the desk's threads (`crate::desk`: store and search) → result message → `update` → redraw,
//! and the layout drawn fed back.

pub mod action;
pub mod app;
pub mod form;
pub mod input;
pub mod keymap;
mod runtime;
mod terminal;
pub mod theme;
pub mod ui;

pub use runtime::{Options, run, translate};
