//! Video Tool Check: a self-assessment widget for choosing and safely using a
//! video tool in health and care.
//!
//! - [`content`]: the guidance, compiled in from `content/guidance.json` by `build.rs`.
//! - [`assessment`], [`summary`], [`library`], [`choosing`]: the domain, with no web types.
//! - [`storage`]: the saved formats and their versions, read and written through serde.
//! - [`config`]: the publisher's `config.json`.
//! - [`dpo_log`]: a DPO's own log of approved tools, which becomes that file.
//! - [`export`]: one module per export: the email link, the report, the JSON file, the DPO's log.
//! - [`ui`]: Leptos components, one module per screen, and the browser's storage.

// Leptos's HTML rendering, used natively to put the first screen into
// index.html, nests a type per element: the screens' views go deeper than
// the compiler's default limit of 128.
#![recursion_limit = "256"]

pub mod assessment;
pub mod by_check;
pub mod choosing;
pub mod config;
pub mod content;
pub mod dpo_log;
pub mod export;
#[cfg(test)]
mod fuzz;
pub mod library;
pub mod review;
pub mod storage;
pub mod summary;
pub mod ui;
pub mod user_text;

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

/// `x` to one decimal place, for messages. Written by hand because Rust's
/// float formatting adds several kilobytes to the download.
pub(crate) fn one_decimal(x: f64) -> String {
    let tenths = (x * 10.0).round() as u64;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// `items` with those that match `first` moved to the front, order
/// otherwise kept. The widget only ever sorts into two groups, and Rust's
/// stable sort adds kilobytes to the download for each type it sorts.
pub(crate) fn first_those<T>(items: Vec<T>, first: impl Fn(&T) -> bool) -> Vec<T> {
    let (mut front, back): (Vec<T>, Vec<T>) = items.into_iter().partition(|x| first(x));
    front.extend(back);
    front
}

#[cfg(test)]
mod tests {
    #[test]
    fn first_those_keeps_the_order_within_each_group() {
        assert_eq!(super::first_those(vec![1, 2, 3, 4, 5, 6], |n| n % 3 == 0), vec![3, 6, 1, 2, 4, 5]);
    }

    #[test]
    fn one_decimal_rounds_like_format() {
        for x in [0.0, 0.04, 0.05, 1.25, 2.96, 4.49, 21.0, 10.94] {
            assert_eq!(super::one_decimal(x), format!("{:.1}", (x * 10.0_f64).round() / 10.0), "{x}");
        }
    }
}
