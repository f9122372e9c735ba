// Put at the top of the start-up script by scripts/externalise-start.mjs, so
// that it runs while the widget's WebAssembly is still on its way. The first
// screen in index.html (src/bin/prerender.rs) has real links and details,
// which work without the widget, and buttons, which do nothing until it
// starts. This notes each button pressed there, for src/ui/takeover.rs to
// press its twin on the widget's own copy once it starts: a person's click is
// never lost. The id is takeover.rs's PRERENDERED.
{
  const first = document.getElementById("vtc-prerendered");
  if (first) {
    const pressed = (window.vtcPressedEarly = []);
    first.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (button) pressed.push(button);
    });
  }
}
