//! Video Tool Check: a self-assessment widget for choosing and safely using a
//! video tool in health and care.
//!
//! - [`content`]: the guidance, loaded from `content/guidance.json`.
//! - [`assessment`], [`summary`]: the domain, with no web types.
//! - [`storage`]: the saved format and its versions.
//! - [`export`]: the email link and the downloadable report.
//! - [`ui`]: Leptos components, one module per screen.

pub mod assessment;
pub mod choosing;
pub mod config;
pub mod content;
pub mod export;
pub mod library;
pub mod storage;
pub mod summary;
pub mod ui;

pub use ui::App;
