// docsite reader tools: heading anchors that copy their section's link,
// a back-to-top button, "copy page as Markdown", and a long outline
// folded below its second level.
(function () {
  "use strict";
  var root = document.documentElement;
  var zh = (root.lang || "").toLowerCase().indexOf("en") !== 0;
  var words = zh ?
    { linkCopied: "已复制本节链接", pageCopied: "已复制本页 Markdown", copyPage: "复制本页 Markdown", copied: "已复制",
      failed: "无法复制", top: "回到顶部", expand: "展开小节", collapse: "收起小节" } :
    { linkCopied: "Section link copied", pageCopied: "Page copied as Markdown", copyPage: "Copy page as Markdown", copied: "Copied",
      failed: "Could not copy", top: "Back to top", expand: "Show subsections", collapse: "Hide subsections" };

  // One polite live region tells screen readers what a click did.
  var status = document.createElement("div");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);
  function announce(text) {
    status.textContent = "";
    setTimeout(function () { status.textContent = text; }, 50);
  }
  function copy(text) {
    if (!navigator.clipboard || !navigator.clipboard.writeText) return Promise.reject(new Error("no clipboard"));
    return navigator.clipboard.writeText(text);
  }

  // Heading anchors: the link still goes to the section (and works without
  // script); with script it also puts the section's address on the clipboard.
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a.anchor");
    if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    var url = a.href;
    copy(url).then(function () {
      a.classList.add("copied");
      setTimeout(function () { a.classList.remove("copied"); }, 1500);
      announce(words.linkCopied);
    }, function () {});
  });

  // Copy page as Markdown: the page's source sits beside its HTML as
  // index.md, named by the page's text/markdown alternate link; a page
  // without one (the graph) has no button.
  var bar = document.querySelector(".page-tools");
  var alt = document.querySelector('link[rel="alternate"][type="text/markdown"]');
  if (bar && alt) {
    var mdURL = alt.href;
    var btn = document.createElement("button");
    btn.type = "button";
    btn.className = "copy-page";
    btn.textContent = words.copyPage;
    btn.addEventListener("click", function () {
      fetch(mdURL).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.text();
      }).then(copy).then(function () {
        btn.textContent = words.copied;
        announce(words.pageCopied);
      }, function () {
        btn.textContent = words.failed;
        announce(words.failed);
      }).then(function () {
        setTimeout(function () { btn.textContent = words.copyPage; }, 2000);
      });
    });
    bar.appendChild(btn);
  }

  // A box that scrolls sideways (a wide table, code, a diagram, a formula)
  // can be reached and scrolled with the keyboard when nothing inside it
  // takes focus; a table's box also says which sides have more to see.
  var FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]";
  // A box on a long page whose contents the browser has not laid out yet
  // (content-visibility: auto) cannot be measured: it takes focus until it
  // is laid out and measured, so the keyboard never meets a scroller it
  // cannot reach.
  function unmeasured(box) {
    var inner = box.firstElementChild;
    return !!(inner && inner.checkVisibility && !inner.checkVisibility({ contentVisibilityAuto: true }));
  }
  function fit(box) {
    if (unmeasured(box)) {
      if (!box.hasAttribute("tabindex") && !box.querySelector(FOCUSABLE)) {
        box.tabIndex = 0;
        box.dataset.scrollFocus = "1";
      }
      return;
    }
    var max = box.scrollWidth - box.clientWidth;
    if (box.classList.contains("table-wrap")) {
      box.classList.toggle("more-left", max > 1 && box.scrollLeft > 1);
      box.classList.toggle("more-right", max > 1 && box.scrollLeft < max - 1);
    }
    if (max > 1 && !box.hasAttribute("tabindex") && !box.querySelector(FOCUSABLE)) {
      box.tabIndex = 0;
      box.dataset.scrollFocus = "1";
    } else if (max <= 1 && box.dataset.scrollFocus) {
      box.removeAttribute("tabindex");
      delete box.dataset.scrollFocus;
    }
  }
  var boxes = document.querySelectorAll(".table-wrap, .markdown-body pre, .math-display");
  boxes.forEach(function (box) {
    if (box.classList.contains("table-wrap")) box.addEventListener("scroll", function () { fit(box); }, { passive: true });
    box.addEventListener("contentvisibilityautostatechange", function () { fit(box); });
    fit(box);
  });
  // A diagram drawn later, or a rotated phone, changes what overflows.
  if (boxes.length && "ResizeObserver" in window) {
    var ro = new ResizeObserver(function (entries) { entries.forEach(function (e) { fit(e.target); }); });
    boxes.forEach(function (box) { ro.observe(box); });
  }

  // Back to top: shown once the reader is two screens down; a real button,
  // so the keyboard reaches it, and it takes focus back to the content.
  var up = document.createElement("button");
  up.type = "button";
  up.className = "back-to-top";
  up.hidden = true;
  up.setAttribute("aria-label", words.top);
  up.title = words.top;
  up.textContent = "↑";
  up.addEventListener("click", function () {
    window.scrollTo({ top: 0 });
    var main = document.getElementById("content");
    if (main) main.focus({ preventScroll: true });
  });
  document.body.appendChild(up);
  var ticking = false;
  function place() {
    ticking = false;
    up.hidden = window.scrollY < 2 * window.innerHeight;
  }
  window.addEventListener("scroll", function () {
    if (!ticking) { ticking = true; requestAnimationFrame(place); }
  }, { passive: true });
  place();

  // A long outline shows its second level only; the third opens under the
  // section being read, or when the reader asks.
  var outline = document.querySelector(".outline ul");
  var FOLD = 40; // as page.html's "long" class
  if (outline && outline.children.length > FOLD) {
    var groups = [], cur = null;
    Array.prototype.forEach.call(outline.children, function (li) {
      if (!li.classList.contains("l3")) { cur = { head: li, kids: [] }; groups.push(cur); }
      else if (cur) cur.kids.push(li);
    });
    outline.classList.add("folded");
    var n = 0;
    groups.forEach(function (g) {
      if (!g.kids.length) return;
      var id = "outline-sub-" + (n++);
      var sub = document.createElement("ul");
      sub.id = id;
      sub.hidden = true;
      g.kids.forEach(function (li) { sub.appendChild(li); });
      g.head.appendChild(sub);
      var tog = document.createElement("button");
      tog.type = "button";
      tog.className = "outline-toggle";
      tog.setAttribute("aria-expanded", "false");
      tog.setAttribute("aria-controls", id);
      tog.setAttribute("aria-label", words.expand);
      tog.addEventListener("click", function () { setOpen(g.head, sub.hidden, true); });
      g.head.insertBefore(tog, g.head.firstChild);
      g.head.classList.add("has-sub");
    });
    // The entry for the section on screen gets class "active" from
    // theme.js; its branch opens, and one the reader did not open closes.
    var obs = new MutationObserver(function () {
      var active = outline.querySelector("a.active");
      var branch = active && active.closest("li.has-sub");
      outline.querySelectorAll("li.has-sub").forEach(function (li) {
        if (li === branch) setOpen(li, true, false);
        else if (!li.dataset.pinned) setOpen(li, false, false);
      });
    });
    obs.observe(outline, { subtree: true, attributes: true, attributeFilter: ["class"] });
  }
  function setOpen(li, open, byReader) {
    var sub = li.querySelector("ul"), tog = li.querySelector(".outline-toggle");
    if (!sub || !tog) return;
    if (byReader) { if (open) li.dataset.pinned = "1"; else delete li.dataset.pinned; }
    if (sub.hidden === !open) return;
    sub.hidden = !open;
    tog.setAttribute("aria-expanded", open ? "true" : "false");
    tog.setAttribute("aria-label", open ? words.collapse : words.expand);
  }
})();
