// docsite preview: reload the page when its source changes, keep the scroll
// position, and show the page's diagnostics in a panel that can be dismissed.
(function () {
  "use strict";
  var base = document.documentElement.dataset.base || "/";
  var KEY = "docsite-scroll:" + location.pathname;
  try {
    var y = sessionStorage.getItem(KEY);
    if (y !== null) { sessionStorage.removeItem(KEY); window.scrollTo(0, +y); }
  } catch (e) {}

  function here(urls) {
    for (var i = 0; i < urls.length; i++) {
      if (urls[i] === "*" || urls[i] === location.pathname || decodeURI(location.pathname) === urls[i]) return true;
    }
    return false;
  }
  var es = new EventSource(base + "_docsite/events");
  es.addEventListener("reload", function (ev) {
    var e = JSON.parse(ev.data);
    if (!here(e.urls)) return;
    try { sessionStorage.setItem(KEY, String(window.scrollY)); } catch (err) {}
    location.reload();
  });

  function panel(ds) {
    var old = document.getElementById("docsite-diagnostics");
    if (old) old.remove();
    if (!ds.length) return;
    var box = document.createElement("aside");
    box.id = "docsite-diagnostics";
    box.setAttribute("role", "status");
    box.style.cssText = "position:fixed;right:1rem;bottom:1rem;max-width:32rem;max-height:40vh;overflow:auto;" +
      "background:var(--bg,#fff);color:var(--fg,#000);border:2px solid #cf222e;border-radius:6px;padding:.6rem .8rem;" +
      "font:13px/1.5 ui-monospace,monospace;z-index:1000;box-shadow:0 4px 16px rgba(0,0,0,.25)";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "×";
    close.setAttribute("aria-label", "dismiss");
    close.style.cssText = "float:right;border:0;background:none;font-size:18px;cursor:pointer;color:inherit";
    close.onclick = function () { box.remove(); };
    box.appendChild(close);
    ds.forEach(function (d) {
      var p = document.createElement("div");
      p.textContent = d.file + ":" + d.line + ":" + d.column + " " + d.severity + " " + d.rule + ": " + d.message;
      p.style.color = d.severity === "error" ? "#cf222e" : "#9a6700";
      box.appendChild(p);
    });
    document.body.appendChild(box);
  }
  fetch(base + "_docsite/diagnostics?path=" + encodeURIComponent(location.pathname))
    .then(function (r) { return r.ok ? r.json() : []; })
    .then(panel, function () {});
})();
