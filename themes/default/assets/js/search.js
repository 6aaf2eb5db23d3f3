// docsite search: the browser half of render/search. It tokenises the query
// exactly as the Go indexer tokenised the pages (CJK bigrams, lower-cased
// words), fetches only the index shards those terms live in, ranks sections
// with BM25 plus title and heading boosts, and shows each page's best
// section with the hits marked. Every rule here has a twin in
// render/search/*.go; js_test.go runs this file to check they agree.
(function () {
  "use strict";
  var MAX_WORD = 40, MAX_TERMS = 31, MAX_EXPAND = 50, EXPAND_W = 0.8, OTHER_LANG = 0.75;
  var WIDTH = 80, LEAD = 15, MAX_HITS = 400, SHOW = 10;
  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var CJK = [0x1100, 0x11FF, 0x2E80, 0x2FDF, 0x3005, 0x3005, 0x3007, 0x3007, 0x3021, 0x3029,
    0x3038, 0x303B, 0x3041, 0x309F, 0x30A1, 0x30FA, 0x30FC, 0x30FF, 0x3131, 0x318E, 0x31F0, 0x31FF,
    0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xA960, 0xA97F, 0xAC00, 0xD7A3, 0xD7B0, 0xD7FF, 0xF900, 0xFAFF,
    0xFF66, 0xFF9F, 0x20000, 0x323AF];
  var WORD = /[\p{L}\p{Nd}]/u, MARK = /\p{M}/u;

  function isCJK(c) {
    for (var i = 0; i < CJK.length; i += 2) {
      if (c < CJK[i]) return false;
      if (c <= CJK[i + 1]) return true;
    }
    return false;
  }
  // fold: full-width ASCII to ASCII, then lower case one code point at a time
  // (Go's simple mapping; İ lower-cases to "i̇" here, whose first point is i).
  function fold(c) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
    if (c >= 0x3040 && c <= 0x9FFF || c >= 0xAC00 && c <= 0xD7A3) return c;
    return String.fromCodePoint(c).toLowerCase().codePointAt(0);
  }
  function isWord(c) {
    if (c < 128) return c >= 97 && c <= 122 || c >= 48 && c <= 57;
    return WORD.test(String.fromCodePoint(c));
  }
  function runes(s) { return Array.from(s); }

  // tokenize mirrors search.Tokenize: [{t: term, p: position, n: length}],
  // positions and lengths in code points.
  function tokenize(text) {
    var out = [], word = "", kept = 0, wpos = 0, wlen = 0, prev = -1, pos = 0;
    function end() {
      if (wlen > 0) out.push({ t: word, p: wpos, n: wlen });
      word = ""; kept = 0; wlen = 0;
    }
    for (var ch of text) {
      var c = fold(ch.codePointAt(0));
      if (isCJK(c)) {
        end();
        if (prev >= 0) out.push({ t: String.fromCodePoint(prev, c), p: pos - 1, n: 2 });
        out.push({ t: String.fromCodePoint(c), p: pos, n: 1 });
        prev = c;
      } else if (isWord(c) || wlen > 0 && MARK.test(String.fromCodePoint(c))) {
        prev = -1;
        if (wlen === 0) wpos = pos;
        if (kept < MAX_WORD) { word += String.fromCodePoint(c); kept++; }
        wlen++;
      } else {
        end();
        prev = -1;
      }
      pos++;
    }
    end();
    return out;
  }

  function isCJKTerm(t) { return isCJK(t.codePointAt(0)); }

  // queryTerms mirrors search.queryTerms: drop single CJK characters that a
  // bigram covers, drop repeats, mark the word still being typed.
  function queryTerms(q) {
    var toks = tokenize(q), covered = {}, n = runes(q).length, out = [], seen = {};
    toks.forEach(function (t) {
      if (t.n === 2 && isCJKTerm(t.t)) covered[t.p] = covered[t.p + 1] = true;
    });
    for (var i = 0; i < toks.length && out.length < MAX_TERMS; i++) {
      var t = toks[i], cjk = isCJKTerm(t.t);
      if (cjk && t.n === 1 && covered[t.p] || seen["$" + t.t]) continue;
      seen["$" + t.t] = true;
      out.push({ term: t.t, prefix: i === toks.length - 1 && !cjk && t.p + t.n === n &&
        t.n >= 3 && t.n === runes(t.t).length });
    }
    return out;
  }

  // shardOf mirrors search.shardOf: FNV-1a over the UTF-8 of the shard key.
  function shardOf(term, shards, prefix) {
    var r = runes(term), key = !isCJK(term.codePointAt(0)) && r.length > prefix ? r.slice(0, prefix) : r;
    var h = 0x811c9dc5;
    key.forEach(function (ch) {
      var c = ch.codePointAt(0), b = c < 0x80 ? [c] : c < 0x800 ? [0xC0 | c >> 6, 0x80 | c & 63] :
        c < 0x10000 ? [0xE0 | c >> 12, 0x80 | c >> 6 & 63, 0x80 | c & 63] :
        [0xF0 | c >> 18, 0x80 | c >> 12 & 63, 0x80 | c >> 6 & 63, 0x80 | c & 63];
      b.forEach(function (x) { h = Math.imul(h ^ x, 16777619) >>> 0; });
    });
    return h % shards;
  }

  // decode mirrors search.decodePostings: [section, tf, head, ...].
  function decode(s) {
    var out = [], sec = 0, i = 0;
    function varint() {
      var v = 0, mul = 1;
      for (;;) {
        var d = DIGITS.indexOf(s.charAt(i++));
        if (d < 0 || mul > 34359738368) throw new Error("bad postings");
        v += (d & 31) * mul;
        if (d < 32) return v;
        mul *= 32;
      }
    }
    while (i < s.length) {
      var x = varint(), tf = x % 4;
      if (tf === 3) tf += varint();
      sec += Math.floor(x / 8);
      out.push(sec, tf, Math.floor(x / 4) % 2);
    }
    return out;
  }

  function compareRunes(a, b) {
    var x = runes(a), y = runes(b);
    if (x.length !== y.length) return x.length - y.length;
    for (var i = 0; i < x.length; i++) {
      var d = x[i].codePointAt(0) - y[i].codePointAt(0);
      if (d) return d;
    }
    return 0;
  }

  // prepare fills in what meta.json leaves to be computed (Go: meta.index).
  function prepare(m) {
    if (m.secDoc) return m;
    m.base = []; m.secDoc = []; m.titles = [];
    m.docs.forEach(function (d, i) {
      m.base.push(m.secDoc.length);
      d[3].forEach(function () { m.secDoc.push(i); });
      m.titles.push(tokenize(d[1]).map(function (t) { return t.t; }));
    });
    return m;
  }

  function idf(m, df) { return Math.log(1 + (m.n - df + 0.5) / (df + 0.5)); }

  function postings(sh, key) {
    if (!sh.lists) sh.lists = {};
    var p = sh.lists["$" + key];
    if (!p) p = sh.lists["$" + key] = decode(Object.prototype.hasOwnProperty.call(sh.raw, key) ? sh.raw[key] : "");
    return p;
  }

  // expand mirrors shard.expand.
  function expand(sh, t) {
    var keys = [], has = Object.prototype.hasOwnProperty;
    if (has.call(sh.raw, t.term)) keys.push(t.term);
    if (t.prefix) {
      var more = Object.keys(sh.raw).filter(function (k) { return k.length > t.term.length && k.indexOf(t.term) === 0; });
      more.sort(compareRunes);
      keys = keys.concat(more.slice(0, MAX_EXPAND));
    }
    return keys.map(function (k) { return { key: k, w: k === t.term ? 1 : EXPAND_W, post: postings(sh, k) }; });
  }

  // rank mirrors search.rank: returns [{doc, sec, score}], best first.
  function rank(m, terms, lists, shards) {
    var secs = new Map(), n = lists.length;
    function get(g) {
      var a = secs.get(g);
      if (!a) secs.set(g, a = { body: 0, bodyT: 0, head: 0, headT: 0 });
      return a;
    }
    lists.forEach(function (list, ti) {
      var bit = 1 << ti;
      list.forEach(function (w) {
        var p = w.post, f = w.w * idf(m, p.length / 3 | 0);
        for (var j = 0; j + 2 < p.length; j += 3) {
          var g = p[j], tf = p[j + 1];
          if (g >= m.secDoc.length) continue;
          var a = get(g);
          if (p[j + 2]) { a.head += f; a.headT |= bit; }
          if (tf > 0) {
            var d = m.secDoc[g], l = m.docs[d][3][g - m.base[d]];
            a.body += f * tf * (m.k1 + 1) / (tf + m.k1 * (1 - m.b + m.b * l / Math.max(m.avg, 1)));
            a.bodyT |= bit;
          }
        }
      });
    });
    var title = new Map();
    m.titles.forEach(function (toks, d) {
      var sum = 0, mask = 0;
      terms.forEach(function (t, ti) {
        var best = 0;
        toks.forEach(function (tok) {
          var w = tok === t.term ? 1 : t.prefix && tok.indexOf(t.term) === 0 ? EXPAND_W : 0;
          var sh = w && shards[shardOf(tok, m.shards, m.prefix)]; // a matching title word shares the term's shard
          if (sh) best = Math.max(best, w * idf(m, postings(sh, tok).length / 3 | 0));
        });
        if (best > 0) { sum += best; mask |= 1 << ti; }
      });
      if (mask) {
        // A title that is all query outranks a longer one that only holds it.
        var matched = 0, words = 0;
        toks.forEach(function (tok) {
          if (Array.from(tok).length < 2 || /^[0-9]+$/.test(tok)) return; // single characters and numbers say nothing
          words++;
          if (terms.some(function (t) { return tok === t.term || t.prefix && tok.indexOf(t.term) === 0; })) matched++;
        });
        title.set(d, { s: sum, t: mask, c: matched / Math.max(words, 1) });
        get(m.base[d]);
      }
    });
    function share(mask) {
      var c = 0;
      for (; mask; mask &= mask - 1) c++;
      return (c / n) * (c / n);
    }
    var best = new Map();
    secs.forEach(function (a, g) {
      var d = m.secDoc[g], s = a.body + m.hb * a.head * share(a.headT), mask = a.bodyT | a.headT, tt = title.get(d);
      if (tt) { s += m.tb * tt.s * share(tt.t) * (1 + tt.c); mask |= tt.t; }
      s *= share(mask);
      var sec = g - m.base[d], b = best.get(d);
      if (!b || s > b.score || s === b.score && sec < b.sec) best.set(d, { doc: d, sec: sec, score: s });
    });
    return Array.from(best.values()).sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
  }

  // snippet mirrors search.snippet: [[text, marked], ...].
  function snippet(text, match, width) {
    var rs = runes(text), hits = [];
    var toks = tokenize(text);
    for (var i = 0; i < toks.length && hits.length < MAX_HITS; i++) if (match(toks[i].t)) hits.push(toks[i]);
    var start = 0, best = 0;
    hits.forEach(function (h, i) {
      var s = Math.max(h.p - LEAD, 0), seen = new Set();
      for (var j = i; j < hits.length && hits[j].p + hits[j].n <= s + width; j++) seen.add(hits[j].t);
      if (seen.size > best) { start = s; best = seen.size; }
    });
    if (start + width > rs.length) start = Math.max(rs.length - width, 0);
    var end = Math.min(start + width, rs.length), spans = [];
    hits.forEach(function (h) {
      var a = Math.max(h.p, start), b = Math.min(h.p + h.n, end), last = spans[spans.length - 1];
      if (a >= b) return;
      if (last && a <= last[1]) last[1] = Math.max(last[1], b); else spans.push([a, b]);
    });
    var out = [], pre = start > 0 ? "…" : "", at = start;
    function add(s, mark) { if (s) out.push([s, mark]); }
    spans.forEach(function (sp) {
      add(pre + rs.slice(at, sp[0]).join(""), false); pre = "";
      add(rs.slice(sp[0], sp[1]).join(""), true); at = sp[1];
    });
    add(pre + rs.slice(at, end).join("") + (end < rs.length ? "…" : ""), false);
    return out;
  }

  function matcher(lists) {
    var keys = new Set();
    lists.forEach(function (l) { l.forEach(function (w) { keys.add(w.key); }); });
    return function (t) { return keys.has(t); };
  }

  function pickLang(langs, want) {
    var lw = (want || "").toLowerCase(), p = lw.split("-")[0];
    return langs.filter(function (l) { return l.toLowerCase() === lw; })[0] ||
      langs.filter(function (l) { return l.toLowerCase().split("-")[0] === p; })[0] || langs[0];
  }

  // search ranks over every language's index, the page's own first and
  // weighing most. get(path) returns parsed JSON or a promise of it; the
  // result is {hits: [{lang, doc, sec, score, url, title, number, match}]}
  // and needs the doc files fetched afterwards for headings and snippets.
  function search(langs, metas, pageLang, q, getShard) {
    var terms = queryTerms(q);
    if (!terms.length || !langs.length) return Promise.resolve([]);
    var first = pickLang(langs, pageLang);
    var order = [first].concat(langs.filter(function (l) { return l !== first; }));
    return Promise.all(order.map(function (l, i) {
      var m = prepare(metas[l]), shards = {};
      if (!m.shards) return [];
      var need = terms.map(function (t) { return shardOf(t.term, m.shards, m.prefix); });
      return Promise.all(need.map(function (s) { return getShard(l, m, s); })).then(function (got) {
        need.forEach(function (s, k) { shards[s] = got[k]; });
        var lists = terms.map(function (t, k) { return expand(got[k], t); });
        var match = matcher(lists);
        return rank(m, terms, lists, shards).map(function (r) {
          var d = m.docs[r.doc];
          return { lang: l, doc: r.doc, sec: r.sec, score: i ? r.score * OTHER_LANG : r.score,
            url: d[0], title: d[1], number: d[2], match: match, meta: m };
        });
      });
    })).then(function (all) {
      return [].concat.apply([], all).sort(function (a, b) { return b.score - a.score; });
    });
  }

  var core = { tokenize: tokenize, queryTerms: queryTerms, shardOf: shardOf, decode: decode,
    snippet: snippet, search: search, pickLang: pickLang };
  if (typeof globalThis !== "undefined") globalThis.docsiteSearch = core;
  if (typeof document === "undefined") return;

  // ---- the page: everything below touches the DOM ----
  var root = document.documentElement, box = document.getElementById("search");
  var input = document.getElementById("search-input"), list = document.getElementById("search-results");
  if (!box || !input || !list) return;
  var base = root.getAttribute("data-base") || "/";
  if (base.slice(-1) !== "/") base += "/";
  var zh = (root.lang || "").toLowerCase().indexOf("zh") === 0;
  var EMPTY = box.getAttribute("data-empty") || (zh ? "没有找到结果" : "No results");
  var FAILED = zh ? "无法加载搜索索引" : "The search index could not be loaded";
  var cache = {}, ready = null, langs = [], metas = {}, seq = 0, active = -1, timer = 0;

  function fetchJSON(path, fresh) {
    if (!cache[path]) {
      cache[path] = fetch(base + path, fresh ? { cache: "no-cache" } : {}).then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + path);
        return r.json();
      });
      cache[path].catch(function () { delete cache[path]; });
    }
    return cache[path];
  }
  function load() {
    if (!ready) {
      ready = fetchJSON("search/langs.json", true).then(function (ls) {
        langs = ls;
        return Promise.all(ls.map(function (l) {
          return fetchJSON("search/" + l + "/meta.json", true).then(function (m) { metas[l] = m; });
        }));
      });
      ready.catch(function () { ready = null; });
    }
    return ready;
  }
  var shardObjs = {};
  function getShard(l, m, s) {
    var path = "search/" + l + "/shard-" + s + ".json?v=" + m.id;
    return shardObjs[path] || (shardObjs[path] = fetchJSON(path).then(function (raw) { return { raw: raw }; },
      function (err) { delete shardObjs[path]; throw err; }));
  }
  function href(url, anchor) {
    var u = /^([a-z][a-z0-9+.-]*:|\/)/i.test(url) ? url : base + url;
    return anchor ? u + "#" + encodeURIComponent(anchor) : u;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function marked(tag, cls, frags) {
    var e = el(tag, cls);
    frags.forEach(function (f) { e.appendChild(f[1] ? el("mark", "", f[0]) : document.createTextNode(f[0])); });
    return e;
  }
  function open(on) {
    list.hidden = !on;
    input.setAttribute("aria-expanded", on ? "true" : "false");
    if (!on) select(-1);
  }
  function select(i) {
    var items = list.querySelectorAll("[role=option]");
    if (active >= 0 && items[active]) items[active].setAttribute("aria-selected", "false");
    active = items.length ? Math.max(-1, Math.min(i, items.length - 1)) : -1;
    if (active >= 0) {
      items[active].setAttribute("aria-selected", "true");
      items[active].scrollIntoView({ block: "nearest" });
      input.setAttribute("aria-activedescendant", items[active].id);
    } else input.removeAttribute("aria-activedescendant");
  }
  function message(text) {
    list.textContent = "";
    list.appendChild(el("div", "search-empty", text));
    open(true);
  }
  function show(hits, my) {
    list.textContent = "";
    active = -1;
    if (!hits.length) return message(EMPTY);
    hits.slice(0, SHOW).forEach(function (h, i) {
      var a = el("a", "search-hit");
      a.id = "search-hit-" + i;
      a.setAttribute("role", "option");
      a.setAttribute("aria-selected", "false");
      a.href = href(h.url);
      var t = el("span", "search-title");
      if (h.number && h.title.indexOf(h.number) !== 0) { t.appendChild(el("span", "num", h.number)); t.appendChild(document.createTextNode(" ")); }
      t.appendChild(marked("span", "", snippet(h.title, h.match, 1e9)));
      a.appendChild(t);
      list.appendChild(a);
      var chunk = h.meta.chunk || 1;
      fetchJSON("search/" + h.lang + "/d/" + Math.floor(h.doc / chunk) + ".json?v=" + h.meta.id).then(function (group) {
        var secs = group[h.doc % chunk] || [], s = secs[h.sec];
        if (my !== seq || !s) return;
        a.href = href(h.url, s[1]);
        if (s[0]) a.appendChild(marked("span", "search-heading", snippet(s[0], h.match, 1e9)));
        if (s[2]) a.appendChild(marked("span", "search-snippet", snippet(s[2], h.match, WIDTH)));
      }, function () {});
    });
    open(true);
  }
  function run() {
    var q = input.value, my = ++seq;
    if (!q.trim()) { list.textContent = ""; open(false); return; }
    load().then(function () {
      return search(langs, metas, root.lang, q, getShard);
    }).then(function (hits) {
      if (my === seq) show(hits, my);
    }, function () {
      if (my === seq) message(FAILED);
    });
  }

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-controls", "search-results");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.addEventListener("focus", function () { load().catch(function () {}); if (list.childNodes.length && input.value.trim()) open(true); });
  function later() { clearTimeout(timer); timer = setTimeout(run, 120); }
  input.addEventListener("input", function (e) { if (!e.isComposing) later(); });
  input.addEventListener("compositionend", later);
  input.addEventListener("keydown", function (e) {
    var items = list.querySelectorAll("[role=option]");
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (list.hidden && items.length) open(true);
      select(active + (e.key === "ArrowDown" ? 1 : -1));
    } else if (e.key === "Enter" && !e.isComposing) {
      var target = items[active >= 0 ? active : 0];
      if (target) { e.preventDefault(); location.href = target.href; open(false); }
    } else if (e.key === "Escape") {
      if (!list.hidden) open(false); else { input.value = ""; input.blur(); }
    }
  });
  document.addEventListener("keydown", function (e) {
    var t = e.target, tag = t && t.tagName;
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || t && t.isContentEditable) return;
    e.preventDefault();
    input.focus();
    input.select();
  });
  list.addEventListener("click", function () { open(false); }); // a hit on this page only scrolls
  document.addEventListener("click", function (e) { if (!box.contains(e.target)) open(false); });
})();
