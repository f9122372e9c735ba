//! Puts the widget's first screen into the release build's `index.html`
//! (run by `scripts/trunk-release.sh`): `prerender dist/index.html`.
//! When the widget starts, `src/main.rs` takes over from it.

#[cfg(not(target_arch = "wasm32"))]
use video_tool_check::ui::takeover::PRERENDERED as MARK;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let path = std::env::args().nth(1).expect("usage: prerender dist/index.html");
    let page = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert!(!page.contains(MARK), "{path} already has the first screen in it");
    let body = page.find("<body").and_then(|at| page[at..].find('>').map(|end| at + end + 1));
    let body = body.unwrap_or_else(|| panic!("{path} has no <body>"));
    let first = without_markers(&video_tool_check::ui::first_screen_html());
    let page = format!("{}<div id={MARK}>{first}</div>{}", &page[..body], &page[body..]);
    std::fs::write(&path, page).unwrap_or_else(|e| panic!("{path}: {e}"));
}

/// The HTML without the comments Leptos leaves to mark where its views
/// start and end: they matter to hydration, which this widget does not do,
/// and text can hold no `<!`, since it is escaped.
#[cfg(not(target_arch = "wasm32"))]
fn without_markers(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<!") {
        out.push_str(&rest[..at]);
        let end = if rest[at..].starts_with("<!--") {
            rest[at..].find("-->").map(|e| e + 3)
        } else {
            rest[at..].find('>').map(|e| e + 1)
        };
        rest = &rest[at + end.expect("a closed marker")..];
    }
    out.push_str(rest);
    out
}

// The wasm build of the crate's binaries (`cargo clippy --all-targets`) has
// nothing to run.
#[cfg(target_arch = "wasm32")]
fn main() {}
