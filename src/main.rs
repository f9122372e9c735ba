use leptos::prelude::*;
use video_tool_check::{ui::takeover::take_over, App};

fn main() {
    console_error_panic_hook_lite();
    take_over(|| mount_to_body(App));
    // For the benchmark: the first screen is drawn and answers clicks.
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("vtc-interactive");
    }
}

/// Panics show their message in the browser console rather than as a silent
/// stop, so a user's report of a broken page can say what broke.
fn console_error_panic_hook_lite() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
}
