// docsite theme behaviour: dark/light toggle (remembered), copy buttons on
// code blocks, the phone navigation drawer, and the active outline entry.
// The sidebar's folders are nav.js's.
(function () {
  "use strict";
  var root = document.documentElement;
  var KEY = "docsite-theme";

  function setTheme(t, remember) {
    root.dataset.theme = t;
    if (remember) { try { localStorage.setItem(KEY, t); } catch (e) {} }
    document.dispatchEvent(new CustomEvent("docsite:themechange", { detail: t }));
  }
  // A page without the pre-paint script (the 404 page) still follows the
  // reader's choice or the system.
  if (root.dataset.theme !== "dark" && root.dataset.theme !== "light") {
    var saved = null;
    try { saved = localStorage.getItem(KEY); } catch (e) {}
    root.dataset.theme = saved === "dark" || saved === "light" ? saved :
      (window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
  }
  var toggle = document.querySelector(".theme-toggle");
  if (toggle) {
    toggle.addEventListener("click", function () {
      setTheme(root.dataset.theme === "dark" ? "light" : "dark", true);
    });
  }
  // Follow the system while the reader has not chosen.
  if (window.matchMedia) {
    matchMedia("(prefers-color-scheme: dark)").addEventListener("change", function (e) {
      var chosen = null;
      try { chosen = localStorage.getItem(KEY); } catch (err) {}
      if (!chosen) setTheme(e.matches ? "dark" : "light", false);
    });
  }

  var lang = (root.lang || "").toLowerCase().indexOf("zh") === 0 ? "zh" : "en";
  var words = { zh: ["复制", "已复制"], en: ["Copy", "Copied"] }[lang];
  document.querySelectorAll("pre.chroma").forEach(function (pre) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "copy-code";
    b.textContent = words[0];
    b.addEventListener("click", function () {
      var code = pre.querySelector("code");
      var text = code ? code.innerText : pre.innerText;
      var done = function () { b.textContent = words[1]; setTimeout(function () { b.textContent = words[0]; }, 1500); };
      if (navigator.clipboard) { navigator.clipboard.writeText(text).then(done, function () {}); }
    });
    pre.appendChild(b);
  });

  var navToggle = document.querySelector(".nav-toggle");
  if (navToggle) {
    navToggle.addEventListener("click", function () {
      var open = document.body.classList.toggle("nav-open");
      navToggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }
  var links = document.querySelectorAll(".outline a");
  if (links.length && "IntersectionObserver" in window) {
    var byId = {};
    links.forEach(function (a) { byId[decodeURIComponent(a.hash.slice(1))] = a; });
    var obs = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (e.isIntersecting && byId[e.target.id]) {
          links.forEach(function (a) { a.classList.remove("active"); });
          byId[e.target.id].classList.add("active");
        }
      });
    }, { rootMargin: "0px 0px -70% 0px" });
    Object.keys(byId).forEach(function (id) { var h = document.getElementById(id); if (h) obs.observe(h); });
  }
})();
