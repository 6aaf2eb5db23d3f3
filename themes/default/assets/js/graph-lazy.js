// docsite: a page's local graph needs graph.js and graph.css, which most
// readers never scroll far enough to see; they load once the local graph
// comes within a screen of the viewport, and graph.js then fetches the
// page's own piece of the graph.
(function () {
  "use strict";
  var el = document.querySelector(".graph-local");
  if (!el) return;
  var base = document.documentElement.dataset.base || "/";
  function load() {
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = base + "assets/css/graph.css";
    document.head.appendChild(css);
    var js = document.createElement("script");
    js.src = base + "assets/js/graph.js";
    document.body.appendChild(js);
  }
  if (!("IntersectionObserver" in window)) { load(); return; }
  var io = new IntersectionObserver(function (entries) {
    if (entries.some(function (e) { return e.isIntersecting; })) { io.disconnect(); load(); }
  }, { rootMargin: "100% 0px" });
  io.observe(el);
})();
