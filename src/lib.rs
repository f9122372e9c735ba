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
#[cfg(test)]
mod fuzz;
pub mod library;
pub mod storage;
pub mod summary;
pub mod ui;

pub use ui::App;

/// Bytes of WebAssembly memory in use, for the benchmark's memory figure.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn memory_bytes() -> f64 {
    use wasm_bindgen::JsCast;
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}
