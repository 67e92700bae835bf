//! regulars: greet returning guests by name, with the usual ready and every open recovery in view.

pub mod briefing;
pub mod config;
pub mod demo;
pub mod desk;
pub mod domain;
pub mod feed;
pub mod files;
pub mod i18n;
pub mod interchange;
pub mod promises;
pub mod report;
pub mod search;
pub mod store;
pub mod tonight;
pub mod tui;
