/*
 * Video Tool Check: resize the widget's frame to fit its content.
 *
 * Put this script on the page that embeds the widget, after or before the
 * iframe. It listens for the widget's height and sets the frame's height, so
 * the frame never shows a scroll bar of its own. It sends nothing anywhere.
 *
 *   <iframe src="https://example.org/widgets/video-check/" title="Video Tool Check"
 *           data-video-tool-check style="width: 100%; border: 0; min-height: 600px"></iframe>
 *   <script src="https://example.org/widgets/video-check/embed.js" async></script>
 */
(function () {
  "use strict";
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "video-tool-check:height" || typeof data.height !== "number") {
      return;
    }
    var frames = document.querySelectorAll("iframe[data-video-tool-check]");
    for (var i = 0; i < frames.length; i++) {
      // Only the frame that sent the message, and only a sensible height.
      if (frames[i].contentWindow === event.source) {
        var height = Math.max(200, Math.min(50000, Math.ceil(data.height)));
        frames[i].style.height = height + "px";
      }
    }
  });
})();
