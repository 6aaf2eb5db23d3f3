// docsite link previews: resting the pointer on an internal link in the
// page text, or focusing it, for a moment shows a card with the target's
// title, number and first paragraph (the section's, for a link with a
// fragment). The data comes from assets/previews/ (render/graph): an
// index.json with the number of shards, fetched on the first intent, and
// the one shard a link needs, each fetched once. Card text is set with
// textContent only. On touch screens a card shows only on a long press.
(function () {
  "use strict";
  var root = document.documentElement;
  var body = document.querySelector(".markdown-body");
  if (!body || !window.fetch) return;
  var base = root.dataset.base || "/";
  var DELAY = 400, LONG_PRESS = 500;

  var manifest = null, shards = {};
  function getShard(page) {
    if (!manifest) {
      manifest = fetch(base + "assets/previews/index.json").then(function (r) {
        if (!r.ok) throw new Error("previews " + r.status);
        return r.json();
      });
      manifest.catch(function () {});
    }
    return manifest.then(function (m) {
      var i = fnv1a(page) % Math.max(m.shards, 1);
      if (!shards[i]) {
        shards[i] = fetch(base + "assets/previews/" + i + ".json").then(function (r) {
          if (!r.ok) throw new Error("previews " + r.status);
          return r.json();
        });
      }
      return shards[i];
    });
  }

  // fnv1a is FNV-1a (32 bit) over the UTF-8 bytes of s, as graph.Shard.
  function fnv1a(s) {
    var bytes = new TextEncoder().encode(s), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h;
  }

  // sitePath turns a same-origin pathname into the site path the data is
  // keyed by ("/01-overview/"), or "" when it is outside the site.
  function sitePath(pathname) {
    var p;
    try { p = decodeURIComponent(pathname); } catch (e) { return ""; }
    if (p.slice(-10) === "index.html") p = p.slice(0, -10);
    if (p.indexOf(base) !== 0) return "";
    return "/" + p.slice(base.length);
  }
  var here = sitePath(location.pathname);

  // target says what an anchor previews: {page, key}, or null for links
  // outside the site, to files, or to this very page.
  function target(a) {
    if (!a || !a.href || a.origin !== location.origin || a.hasAttribute("download")) return null;
    var page = sitePath(a.pathname);
    if (!page || page.slice(-1) !== "/" || page === here) return null;
    var frag = "";
    if (a.hash.length > 1) { try { frag = decodeURIComponent(a.hash.slice(1)); } catch (e) { frag = a.hash.slice(1); } }
    return { page: page, key: frag ? page + "#" + frag : page };
  }

  var card = document.createElement("div");
  card.className = "link-preview";
  card.id = "docsite-link-preview";
  card.setAttribute("role", "tooltip");
  card.hidden = true;
  var titleEl = el("p", "preview-title"), numEl = el("span", "num"), nameEl = el("span", "");
  titleEl.appendChild(numEl); titleEl.appendChild(document.createTextNode(" ")); titleEl.appendChild(nameEl);
  var sectionEl = el("p", "preview-section"), textEl = el("p", "preview-text");
  card.appendChild(titleEl); card.appendChild(sectionEl); card.appendChild(textEl);
  document.body.appendChild(card);
  function el(tag, cls) { var e = document.createElement(tag); if (cls) e.className = cls; return e; }

  var timer = 0, hideTimer = 0, shownFor = null, intent = null, described = null;

  function link(node) {
    while (node && node !== body) {
      if (node.tagName === "A") return node;
      node = node.parentNode;
    }
    return null;
  }

  function want(a, delay) {
    cancel();
    var t = target(a);
    if (!t) return;
    intent = a;
    getShard(t.page).catch(function () {}); // start fetching while the pointer rests
    timer = setTimeout(function () {
      getShard(t.page).then(function (data) {
        if (intent !== a) return;
        var p = data[t.key] || data[t.page];
        if (p) show(a, p);
      }, function () {});
    }, delay);
  }

  function cancel() {
    clearTimeout(timer);
    timer = 0;
    intent = null;
  }

  function show(a, p) {
    clearTimeout(hideTimer);
    numEl.textContent = p.number || "";
    numEl.hidden = !p.number;
    nameEl.textContent = p.title || "";
    sectionEl.textContent = p.section || "";
    sectionEl.hidden = !p.section;
    textEl.textContent = p.text || "";
    textEl.hidden = !p.text;
    card.hidden = false;
    place(a);
    if (described && described !== a) undescribe();
    if (!a.hasAttribute("aria-describedby")) {
      a.setAttribute("aria-describedby", card.id);
      described = a;
    }
    shownFor = a;
    window.__preview = { shown: true, title: p.title, key: target(a).key };
  }

  function place(a) {
    var r = a.getClientRects()[0] || a.getBoundingClientRect();
    var cw = card.offsetWidth, ch = card.offsetHeight;
    var left = Math.min(Math.max(8, r.left), document.documentElement.clientWidth - cw - 8);
    var top = r.bottom + 6;
    if (top + ch > window.innerHeight - 8 && r.top - ch - 6 > 8) top = r.top - ch - 6;
    card.style.left = (left + window.scrollX) + "px";
    card.style.top = (top + window.scrollY) + "px";
  }

  function undescribe() {
    if (described && described.getAttribute("aria-describedby") === card.id) described.removeAttribute("aria-describedby");
    described = null;
  }

  function hide() {
    cancel();
    clearTimeout(hideTimer);
    card.hidden = true;
    shownFor = null;
    undescribe();
    if (window.__preview) window.__preview.shown = false;
  }

  function hideSoon() {
    cancel();
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 200);
  }

  // Mouse and pen: rest on a link.
  body.addEventListener("pointerover", function (ev) {
    if (ev.pointerType === "touch") return;
    var a = link(ev.target);
    if (a && a !== intent && a !== shownFor) want(a, DELAY);
    else if (a && a === shownFor) clearTimeout(hideTimer);
  });
  body.addEventListener("pointerout", function (ev) {
    if (ev.pointerType === "touch") return;
    var a = link(ev.target);
    if (a && !(ev.relatedTarget && a.contains(ev.relatedTarget))) {
      if (shownFor) hideSoon(); else cancel();
    }
  });
  card.addEventListener("pointerover", function () { clearTimeout(hideTimer); });
  card.addEventListener("pointerout", function (ev) {
    if (!(ev.relatedTarget && card.contains(ev.relatedTarget))) hideSoon();
  });

  // Keyboard: focus a link.
  body.addEventListener("focusin", function (ev) {
    var a = link(ev.target);
    if (a) want(a, DELAY);
  });
  body.addEventListener("focusout", function () { hide(); });

  // Touch: only a long press shows the card; a tap follows the link as usual.
  var press = 0, pressed = null;
  body.addEventListener("pointerdown", function (ev) {
    if (ev.pointerType !== "touch") return;
    var a = link(ev.target);
    if (!a || !target(a)) return;
    pressed = a;
    clearTimeout(press);
    press = setTimeout(function () { want(a, 0); }, LONG_PRESS);
  });
  ["pointerup", "pointercancel", "pointermove"].forEach(function (type) {
    body.addEventListener(type, function (ev) {
      if (ev.pointerType !== "touch") return;
      if (type === "pointermove" && pressed && Math.abs(ev.movementX) + Math.abs(ev.movementY) < 6) return;
      clearTimeout(press);
      pressed = null;
    });
  });
  document.addEventListener("pointerdown", function (ev) {
    if (!card.hidden && !card.contains(ev.target) && link(ev.target) !== shownFor) hide();
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && (!card.hidden || intent)) { hide(); }
  });
  window.addEventListener("resize", function () { if (shownFor) place(shownFor); });
})();
