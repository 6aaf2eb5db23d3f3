// docsite sidebar: a folder's button opens and closes it. A page carries
// only its own branch of the tree (render/html/nav.go); a folder it left
// closed gets its entries from its piece, a small HTML file of that one
// folder, fetched the first time the reader opens it. A "…" row in a long
// folder fetches the folder's piece and shows every entry. The pieces are
// the build's own output, never page text.
(function () {
  "use strict";
  var sidebar = document.getElementById("sidebar");
  if (!sidebar) return;
  var current = sidebar.querySelector('a[aria-current="page"]');
  var currentHref = current ? current.getAttribute("href") : null;
  var dir = sidebar.dataset.pieces;
  var pieces = {}; // piece name -> Promise of its HTML
  // A test hook: the pieces fetched, in order.
  var hook = window.__nav = { fetched: [] };

  function piece(name) {
    var url = dir + name + ".html";
    if (!pieces[name]) {
      hook.fetched.push(url);
      pieces[name] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ": " + r.status);
        return r.text();
      });
      pieces[name].catch(function () { delete pieces[name]; });
    }
    return pieces[name];
  }

  function parse(html) {
    var tpl = document.createElement("template");
    tpl.innerHTML = html;
    var ul = tpl.content.querySelector("ul");
    if (ul && currentHref) {
      ul.querySelectorAll("a").forEach(function (a) {
        if (a.getAttribute("href") === currentHref) a.setAttribute("aria-current", "page");
      });
    }
    return ul;
  }

  function toggle(btn) {
    var li = btn.closest("li");
    var open = btn.getAttribute("aria-expanded") !== "true";
    var list = li.querySelector(":scope > ul");
    if (!open) {
      btn.setAttribute("aria-expanded", "false");
      if (list) list.hidden = true;
      return;
    }
    if (list) {
      list.hidden = false;
      btn.setAttribute("aria-expanded", "true");
      return;
    }
    btn.setAttribute("aria-busy", "true");
    piece(btn.dataset.piece).then(function (html) {
      btn.removeAttribute("aria-busy");
      if (li.querySelector(":scope > ul")) return; // a second click got there first
      var ul = parse(html);
      if (!ul) return;
      li.appendChild(ul);
      btn.setAttribute("aria-expanded", "true");
    }, function () { btn.removeAttribute("aria-busy"); });
  }

  // more swaps a long folder's shortened list for its whole piece, keeping
  // the branches the reader already has open.
  function more(btn) {
    var list = btn.closest("ul");
    piece(btn.dataset.piece).then(function (html) {
      var ul = parse(html);
      if (!ul || !list.isConnected) return;
      var kept = {};
      list.querySelectorAll(":scope > li.dir").forEach(function (li) {
        var a = li.querySelector(":scope > div > a");
        if (a && li.querySelector(":scope > ul")) kept[a.getAttribute("href")] = li;
      });
      ul.querySelectorAll(":scope > li.dir").forEach(function (li) {
        var a = li.querySelector(":scope > div > a");
        var old = a && kept[a.getAttribute("href")];
        if (old) li.replaceWith(old);
      });
      list.replaceChildren.apply(list, Array.prototype.slice.call(ul.childNodes));
    }, function () {});
  }

  sidebar.addEventListener("click", function (e) {
    var btn = e.target.closest && e.target.closest("button");
    if (!btn || !sidebar.contains(btn) || !btn.dataset.piece) return;
    if (btn.parentNode.classList.contains("nav-more")) more(btn);
    else toggle(btn);
  });

  if (current && current.scrollIntoView) { current.scrollIntoView({ block: "center" }); window.scrollTo(0, 0); }
})();
