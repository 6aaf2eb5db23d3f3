// docsite knowledge graph: draws the build's graph JSON (render/graph) on a
// canvas. The layout was computed at build time, so the browser only draws:
// edges in one path per colour, nodes in one path per chapter, nothing
// allocated per frame. Two kinds of view share the code:
//   .graph-full   the whole site, with pan, zoom and a chapter legend;
//   .graph-local  a page and its neighbours one link away, drawn when it
//                 scrolls into view.
// Titles from the data are only ever drawn as canvas text or set as
// textContent, never parsed as HTML.
(function () {
  "use strict";
  var root = document.documentElement;
  var views = document.querySelectorAll(".graph-view");
  // A test hook: what was drawn, and where a page's dot is on screen.
  var hook = window.__graph = { drawn: 0, edges: 0, frames: 0, lastDrawMs: 0, views: [] };
  if (!views.length) return;

  var files = {}; // data URL -> Promise of prepared data, fetched once per page
  function load(url) {
    if (!files[url]) {
      files[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ": " + r.status);
        return r.json();
      }).then(prepare);
    }
    return files[url];
  }

  // prepare turns the JSON into typed arrays and the adjacency lists the
  // local view needs.
  function prepare(d) {
    var n = d.nodes.length, m = d.edges.length;
    var g = {
      chapters: d.chapters || [], nodes: d.nodes, n: n,
      x: new Float32Array(n), y: new Float32Array(n), deg: new Uint16Array(n), ch: new Uint16Array(n),
      from: new Uint32Array(m), to: new Uint32Array(m), byURL: {}, adj: []
    };
    for (var i = 0; i < n; i++) {
      var nd = d.nodes[i];
      g.x[i] = nd.x; g.y[i] = nd.y; g.deg[i] = Math.min(nd.degree, 65535); g.ch[i] = nd.chapter;
      g.byURL[nd.url] = i;
      g.adj.push([]);
    }
    for (var e = 0; e < m; e++) {
      var a = d.edges[e][0], b = d.edges[e][1];
      g.from[e] = a; g.to[e] = b;
      g.adj[a].push(b); g.adj[b].push(a);
    }
    return g;
  }

  // Colours: one hue per chapter by the golden angle, so neighbours in the
  // legend never look alike; the home page and its chapter 0 stay neutral.
  function palette(chapters, dark) {
    var out = [];
    for (var c = 0; c < chapters; c++) {
      if (c === 0) { out.push(dark ? "#c9d1d9" : "#24292f"); continue; }
      // hues by the golden angle; every other chapter a shade lighter or
      // darker, so the hues that come round again stay apart
      var h = Math.round(((c - 1) * 137.508 + 200) % 360), step = [0, -10, 8][(c - 1) % 3];
      out.push(dark ? "hsl(" + h + ",70%," + (64 + step) + "%)" : "hsl(" + h + ",72%," + (42 + step) + "%)");
    }
    return out;
  }
  function themeColours() {
    var dark = root.dataset.theme === "dark";
    return {
      dark: dark,
      edge: dark ? "rgba(201,209,217,0.16)" : "rgba(36,41,47,0.13)",
      hot: dark ? "rgba(255,196,0,0.85)" : "rgba(207,34,46,0.8)",
      ring: dark ? "#ffd33d" : "#cf222e",
      label: dark ? "#e6edf3" : "#1f2328",
      labelBg: dark ? "rgba(13,17,23,0.85)" : "rgba(255,255,255,0.88)"
    };
  }

  function View(el) {
    this.el = el;
    this.canvas = el.querySelector("canvas");
    this.ctx = this.canvas.getContext("2d");
    this.local = el.classList.contains("graph-local");
    this.base = el.dataset.base || root.dataset.base || "/";
    this.page = el.dataset.page || pageFromHash();
    this.g = null;
    this.ids = null;     // Uint32Array of the nodes shown (all, or the neighbourhood)
    this.edges = null;   // edge indices grouped by colour: Uint32Array
    this.groupEnd = null; // end offset of each colour group in edges
    this.nodeOrder = null; this.chapterEnd = null;
    this.k = 1; this.tx = 0; this.ty = 0; this.fitK = 1;
    this.hover = -1; this.current = -1;
    this.dpr = 1; this.w = 0; this.h = 0;
    this.pending = false;
    this.colours = themeColours();
    this.pointers = {}; this.drag = null;
    var v = this;
    this.frame = function () { v.pending = false; v.draw(); };
  }

  // The page to highlight comes as ?page=… (a query, not a fragment, so
  // that link checkers do not look for an element of that id).
  function pageFromHash() {
    var m = /[?&]page=([^&]*)/.exec(location.search) || /^#page=(.*)$/.exec(location.hash);
    if (!m) return "";
    try { return decodeURIComponent(m[1]); } catch (e) { return ""; }
  }

  View.prototype.start = function () {
    var v = this;
    load(this.el.dataset.graph).then(function (g) {
      v.setData(g);
      if (!v.ids) return; // a page the graph does not hold
      v.resize();
      v.fit();
      v.bind();
      v.legend();
      v.el.classList.add("graph-ready");
      v.schedule();
    }, function (err) {
      v.el.classList.add("graph-failed");
      if (window.console) console.warn("docsite graph:", err);
    });
  };

  // setData picks the nodes to show and sorts nodes and edges into their
  // colour groups once, so a frame only walks typed arrays.
  View.prototype.setData = function (g) {
    this.g = g;
    var cur = this.page && g.byURL.hasOwnProperty(this.page) ? g.byURL[this.page] : -1;
    this.current = cur;
    var shown = new Uint8Array(g.n), ids = [];
    if (this.local) {
      if (cur < 0) { this.el.hidden = true; return; }
      shown[cur] = 1; ids.push(cur);
      g.adj[cur].forEach(function (j) { if (!shown[j]) { shown[j] = 1; ids.push(j); } });
    } else {
      for (var i = 0; i < g.n; i++) { shown[i] = 1; ids.push(i); }
    }
    this.shown = shown;
    var C = Math.max(g.chapters.length, 1);
    for (i = 0; i < ids.length; i++) C = Math.max(C, g.ch[ids[i]] + 1);
    this.C = C;
    // nodes by chapter
    var byCh = []; for (var c = 0; c < C; c++) byCh.push([]);
    ids.forEach(function (i) { byCh[g.ch[i]].push(i); });
    this.nodeOrder = new Uint32Array(ids.length); this.chapterEnd = new Uint32Array(C);
    var o = 0;
    for (c = 0; c < C; c++) { for (var j = 0; j < byCh[c].length; j++) this.nodeOrder[o++] = byCh[c][j]; this.chapterEnd[c] = o; }
    // edges: group c (< C) joins two pages of chapter c, group C crosses chapters
    var groups = []; for (c = 0; c <= C; c++) groups.push([]);
    for (var e = 0; e < g.from.length; e++) {
      var a = g.from[e], b = g.to[e];
      if (!shown[a] || !shown[b]) continue;
      groups[g.ch[a] === g.ch[b] ? g.ch[a] : C].push(e);
    }
    var total = 0; groups.forEach(function (gr) { total += gr.length; });
    this.edges = new Uint32Array(total); this.groupEnd = new Uint32Array(C + 1);
    o = 0;
    for (c = 0; c <= C; c++) { for (j = 0; j < groups[c].length; j++) this.edges[o++] = groups[c][j]; this.groupEnd[c] = o; }
    this.ids = this.nodeOrder;
    this.fills = palette(C, this.colours.dark);
  };

  View.prototype.resize = function () {
    var r = this.canvas.getBoundingClientRect();
    var dpr = window.devicePixelRatio || 1;
    var w = Math.max(1, Math.round(r.width)), h = Math.max(1, Math.round(r.height));
    if (w === this.w && h === this.h && dpr === this.dpr) return false;
    // keep the centre of the view where it was
    if (this.w) { this.tx += (w - this.w) / 2; this.ty += (h - this.h) / 2; }
    this.w = w; this.h = h; this.dpr = dpr;
    this.canvas.width = Math.round(w * dpr); this.canvas.height = Math.round(h * dpr);
    return true;
  };

  // fit scales the shown nodes into the canvas, centred on the current
  // page when the full view was opened from one.
  View.prototype.fit = function () {
    var g = this.g, ids = this.ids;
    if (!g || !ids.length) return;
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (var i = 0; i < ids.length; i++) {
      var x = g.x[ids[i]], y = g.y[ids[i]];
      if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
    }
    var pad = this.local ? 24 : 32;
    var k = Math.min((this.w - 2 * pad) / Math.max(x1 - x0, 1), (this.h - 2 * pad) / Math.max(y1 - y0, 1));
    k = Math.max(Math.min(k, this.local ? 3 : 4), 0.01);
    this.k = this.fitK = k;
    this.tx = this.w / 2 - k * (x0 + x1) / 2;
    this.ty = this.h / 2 - k * (y0 + y1) / 2;
    if (!this.local && this.current >= 0) {
      this.zoomAt(this.w / 2, this.h / 2, 2.5);
      this.tx += this.w / 2 - this.sx(this.current);
      this.ty += this.h / 2 - this.sy(this.current);
    }
  };

  View.prototype.sx = function (i) { return this.g.x[i] * this.k + this.tx; };
  View.prototype.sy = function (i) { return this.g.y[i] * this.k + this.ty; };

  // radius grows with the square root of the degree and a little with zoom.
  View.prototype.radius = function (i) {
    var z = Math.sqrt(Math.min(Math.max(this.k / this.fitK, 0.5), 6));
    return (this.local ? 3 : 1.6) * z + Math.sqrt(this.g.deg[i]) * (this.local ? 0.9 : 0.55) * z;
  };

  View.prototype.schedule = function () {
    if (!this.pending) { this.pending = true; requestAnimationFrame(this.frame); }
  };

  View.prototype.draw = function () {
    var t0 = performance.now();
    var g = this.g, ctx = this.ctx, k = this.k, tx = this.tx, ty = this.ty;
    var w = this.w, h = this.h, C = this.C, col = this.colours;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    // edges, one path per colour
    ctx.lineWidth = this.local ? 1.2 : 0.8;
    var start = 0, e, a, b, c;
    for (c = 0; c <= C; c++) {
      var end = this.groupEnd[c];
      if (end > start) {
        ctx.beginPath();
        for (var q = start; q < end; q++) {
          e = this.edges[q]; a = g.from[e]; b = g.to[e];
          ctx.moveTo(g.x[a] * k + tx, g.y[a] * k + ty);
          ctx.lineTo(g.x[b] * k + tx, g.y[b] * k + ty);
        }
        if (c < C) { ctx.globalAlpha = col.dark ? 0.32 : 0.22; ctx.strokeStyle = this.fills[c]; }
        else { ctx.globalAlpha = 1; ctx.strokeStyle = col.edge; }
        ctx.stroke();
      }
      start = end;
    }
    ctx.globalAlpha = 1;
    // edges of the hovered (or current) page on top
    var focus = this.hover >= 0 ? this.hover : this.current;
    if (focus >= 0) {
      ctx.beginPath();
      var nb = g.adj[focus];
      for (var j = 0; j < nb.length; j++) {
        if (!this.shown[nb[j]]) continue;
        ctx.moveTo(g.x[focus] * k + tx, g.y[focus] * k + ty);
        ctx.lineTo(g.x[nb[j]] * k + tx, g.y[nb[j]] * k + ty);
      }
      ctx.strokeStyle = col.hot; ctx.lineWidth = 1.5; ctx.stroke();
    }
    // nodes, one path per chapter, skipping those off screen
    var drawn = 0;
    start = 0;
    for (c = 0; c < C; c++) {
      end = this.chapterEnd[c];
      if (end > start) {
        ctx.beginPath();
        for (q = start; q < end; q++) {
          var i = this.nodeOrder[q], x = g.x[i] * k + tx, y = g.y[i] * k + ty, r = this.radius(i);
          if (x < -r || y < -r || x > w + r || y > h + r) continue;
          ctx.moveTo(x + r, y);
          ctx.arc(x, y, r, 0, 6.283185307179586);
          drawn++;
        }
        ctx.fillStyle = this.fills[c];
        ctx.fill();
      }
      start = end;
    }
    // rings and labels
    if (this.current >= 0) this.ring(this.current, col.ring, 2.5);
    if (this.hover >= 0 && this.hover !== this.current) this.ring(this.hover, col.hot, 2);
    this.placed = [];
    if (this.local) {
      // The current and hovered pages first, then the best-linked: a label
      // that would cover one already placed is left out (hover shows it).
      var order = Array.prototype.slice.call(this.ids), me = this;
      order.sort(function (a, b) {
        var pa = (a === me.hover ? 2 : 0) + (a === me.current ? 1 : 0), pb = (b === me.hover ? 2 : 0) + (b === me.current ? 1 : 0);
        return pb - pa || g.adj[b].length - g.adj[a].length || a - b;
      });
      for (q = 0; q < order.length; q++) this.label(order[q], order[q] === this.current || order[q] === this.hover);
    } else {
      if (this.hover >= 0) this.label(this.hover, true);
      if (this.current >= 0) this.label(this.current, true);
    }
    hook.labels = this.placed;
    hook.drawn = drawn;
    hook.edges = this.edges.length;
    hook.frames++;
    hook.lastDrawMs = performance.now() - t0;
  };

  View.prototype.ring = function (i, colour, width) {
    var ctx = this.ctx;
    ctx.beginPath();
    ctx.arc(this.sx(i), this.sy(i), this.radius(i) + 2.5, 0, 6.283185307179586);
    ctx.strokeStyle = colour; ctx.lineWidth = width; ctx.stroke();
  };

  View.prototype.label = function (i, strong) {
    var ctx = this.ctx, nd = this.g.nodes[i], col = this.colours;
    var text = (nd.number ? nd.number + " " : "") + nd.title;
    if (text.length > 40) text = text.slice(0, 39) + "…";
    ctx.font = (strong ? "600 " : "") + (this.local ? "11px" : "12px") + " system-ui, sans-serif";
    var tw = ctx.measureText(text).width, sx = this.sx(i), sy = this.sy(i), r = this.radius(i);
    // right of the dot, left of it, above, below: the first place that is
    // on the canvas and clear of the labels already drawn
    var spots = [[sx + r + 4, sy], [sx - r - 4 - tw, sy], [sx - tw / 2, sy - r - 11], [sx - tw / 2, sy + r + 11]];
    var box = null;
    for (var s = 0; s < spots.length && !box; s++) {
      var b = { x: spots[s][0] - 2, y: spots[s][1] - 8, w: tw + 4, h: 16, page: nd.url };
      if (b.x < 0 || b.y < 0 || b.x + b.w > this.w || b.y + b.h > this.h) continue;
      if (!this.placed.some(function (o) { return b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h; })) box = b;
    }
    if (!box) return;
    this.placed.push(box);
    var x = box.x + 2, y = box.y + 8;
    ctx.fillStyle = col.labelBg;
    ctx.fillRect(box.x, box.y, box.w, box.h);
    ctx.fillStyle = col.label;
    ctx.textBaseline = "middle";
    ctx.fillText(text, x, y);
  };

  // nodeAt finds the shown node under a canvas point, nearest first.
  View.prototype.nodeAt = function (px, py) {
    var best = -1, bestD = Infinity;
    for (var q = 0; q < this.ids.length; q++) {
      var i = this.ids[q], dx = this.sx(i) - px, dy = this.sy(i) - py, r = this.radius(i) + 3;
      var d = dx * dx + dy * dy;
      if (d <= r * r && d < bestD) { best = i; bestD = d; }
    }
    return best;
  };

  View.prototype.zoomAt = function (px, py, f) {
    var k = Math.min(Math.max(this.k * f, this.fitK * 0.3), this.fitK * 40);
    f = k / this.k;
    this.tx = px - (px - this.tx) * f;
    this.ty = py - (py - this.ty) * f;
    this.k = k;
  };

  View.prototype.open = function (i) {
    location.href = this.base + this.g.nodes[i].url.replace(/^\//, "");
  };

  View.prototype.point = function (ev) {
    var r = this.canvas.getBoundingClientRect();
    return [ev.clientX - r.left, ev.clientY - r.top];
  };

  View.prototype.bind = function () {
    var v = this, cv = this.canvas;
    cv.style.touchAction = this.local ? "pan-y" : "none";
    cv.addEventListener("pointerdown", function (ev) {
      var p = v.point(ev);
      v.pointers[ev.pointerId] = p;
      if (!v.local) { try { cv.setPointerCapture(ev.pointerId); } catch (e) {} }
      v.drag = { x: p[0], y: p[1], moved: false, pinch: 0 };
      var ids = Object.keys(v.pointers);
      if (ids.length === 2) {
        var a = v.pointers[ids[0]], b = v.pointers[ids[1]];
        v.drag.pinch = Math.hypot(a[0] - b[0], a[1] - b[1]);
        v.drag.moved = true;
      }
    });
    cv.addEventListener("pointermove", function (ev) {
      var p = v.point(ev);
      if (v.drag && v.pointers[ev.pointerId] && !v.local) {
        var ids = Object.keys(v.pointers);
        if (ids.length === 2 && v.drag.pinch) {
          v.pointers[ev.pointerId] = p;
          var a = v.pointers[ids[0]], b = v.pointers[ids[1]];
          var d = Math.hypot(a[0] - b[0], a[1] - b[1]);
          v.zoomAt((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, d / v.drag.pinch);
          v.drag.pinch = d;
        } else {
          var last = v.pointers[ev.pointerId];
          if (Math.abs(p[0] - v.drag.x) + Math.abs(p[1] - v.drag.y) > 4) v.drag.moved = true;
          if (v.drag.moved) { v.tx += p[0] - last[0]; v.ty += p[1] - last[1]; }
          v.pointers[ev.pointerId] = p;
        }
        v.schedule();
        return;
      }
      var hit = v.nodeAt(p[0], p[1]);
      if (hit !== v.hover) {
        v.hover = hit;
        cv.style.cursor = hit >= 0 ? "pointer" : (v.local ? "default" : "grab");
        v.schedule();
      }
    });
    function up(ev) {
      var p = v.point(ev), d = v.drag;
      delete v.pointers[ev.pointerId];
      if (d && !d.moved && ev.type === "pointerup") {
        var hit = v.nodeAt(p[0], p[1]);
        if (hit >= 0) v.open(hit);
      }
      if (!Object.keys(v.pointers).length) v.drag = null;
    }
    cv.addEventListener("pointerup", up);
    cv.addEventListener("pointercancel", up);
    cv.addEventListener("pointerleave", function () {
      if (v.hover >= 0 && !v.drag) { v.hover = -1; v.schedule(); }
    });
    if (!this.local) {
      cv.addEventListener("wheel", function (ev) {
        ev.preventDefault();
        var p = v.point(ev);
        v.zoomAt(p[0], p[1], Math.exp(-ev.deltaY * (ev.deltaMode === 1 ? 0.05 : 0.0015)));
        v.schedule();
      }, { passive: false });
      cv.addEventListener("keydown", function (ev) {
        var step = 40, used = true;
        switch (ev.key) {
          case "ArrowLeft": v.tx += step; break;
          case "ArrowRight": v.tx -= step; break;
          case "ArrowUp": v.ty += step; break;
          case "ArrowDown": v.ty -= step; break;
          case "+": case "=": v.zoomAt(v.w / 2, v.h / 2, 1.25); break;
          case "-": v.zoomAt(v.w / 2, v.h / 2, 0.8); break;
          case "0": v.fit(); break;
          default: used = false;
        }
        if (used) { ev.preventDefault(); v.schedule(); }
      });
      this.el.querySelectorAll("[data-act]").forEach(function (b) {
        b.addEventListener("click", function () {
          var act = b.dataset.act;
          if (act === "in") v.zoomAt(v.w / 2, v.h / 2, 1.4);
          else if (act === "out") v.zoomAt(v.w / 2, v.h / 2, 1 / 1.4);
          else v.fit();
          v.schedule();
        });
      });
    }
    if (window.ResizeObserver) {
      new ResizeObserver(function () { if (v.resize()) v.schedule(); }).observe(cv);
    }
  };

  View.prototype.legend = function () {
    var ol = this.el.querySelector(".graph-legend");
    if (!ol) return;
    ol.textContent = "";
    var v = this;
    this.g.chapters.forEach(function (c, i) {
      if (i === 0 || i >= v.C) return;
      var li = document.createElement("li");
      var sw = document.createElement("span");
      sw.className = "swatch";
      sw.style.background = v.fills[i];
      li.appendChild(sw);
      li.appendChild(document.createTextNode((c.number ? c.number + " " : "") + c.title));
      ol.appendChild(li);
    });
  };

  View.prototype.retheme = function () {
    this.colours = themeColours();
    if (!this.g) return;
    this.fills = palette(this.C, this.colours.dark);
    this.legend();
    this.schedule();
  };

  var all = [];
  views.forEach(function (el) {
    var v = new View(el);
    all.push(v);
    hook.views.push(v);
    if (v.local && "IntersectionObserver" in window) {
      var io = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) { io.disconnect(); v.start(); }
      }, { rootMargin: "200px" });
      io.observe(el);
    } else {
      v.start();
    }
  });
  document.addEventListener("docsite:themechange", function () {
    all.forEach(function (v) { v.retheme(); });
  });

  // screen returns the client coordinates of a page's dot in the first
  // view that shows it, for tests and tools.
  hook.screen = function (url) {
    for (var i = 0; i < all.length; i++) {
      var v = all[i];
      if (!v.ids || !v.g.byURL.hasOwnProperty(url)) continue;
      var id = v.g.byURL[url];
      if (!v.shown[id]) continue;
      var r = v.canvas.getBoundingClientRect();
      return { x: r.left + v.sx(id), y: r.top + v.sy(id) };
    }
    return null;
  };
  // bench redraws n frames while panning and resolves with the mean time
  // between frames and the mean time spent drawing, in milliseconds.
  hook.bench = function (n) {
    var v = all[0];
    return new Promise(function (resolve) {
      var times = [], draw = 0, i = 0;
      function step(t) {
        times.push(t);
        v.tx += 1; v.draw(); draw += hook.lastDrawMs;
        if (++i < n) requestAnimationFrame(step);
        else resolve({ frame: (times[times.length - 1] - times[0]) / (times.length - 1), draw: draw / n });
      }
      requestAnimationFrame(step);
    });
  };
})();
