// docsite search: the browser half of render/search. It tokenises the query
// exactly as the Go indexer tokenised the pages (CJK bigrams, lower-cased
// words), fetches only the index shards those terms live in, ranks sections
// with BM25 plus title and heading boosts, and shows each page's best
// section with the hits marked. Every rule here has a twin in
// render/search/*.go; js_test.go runs this file to check they agree.
(function () {
  "use strict";
  var MAX_WORD = 40, MAX_TERMS = 31, MAX_EXPAND = 50, EXPAND_W = 0.8, OTHER_LANG = 0.75, PREFIX_MIN = 3;
  var WIDTH = 80, LEAD = 15, MAX_HITS = 400, SHOW = 10, TIER = 1000;
  var FORMULA = "[公式]", FORMULA_MARK = "\uFFFC";
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
  // isSpace is Go's unicode.IsSpace.
  function isSpace(c) { return c === 0x85 || c !== 0xFEFF && /\s/.test(String.fromCodePoint(c)); }

  // stem mirrors search.stem: the S-stemmer on plain lower-case ASCII words.
  function stem(w) {
    var n = w.length;
    if (n < 4 || w[n - 1] !== "s" || !/^[a-z]+$/.test(w)) return w;
    if (w[n - 2] === "e" && w[n - 3] === "i" && w[n - 4] !== "e" && w[n - 4] !== "a") return w.slice(0, n - 3) + "y";
    if (w[n - 2] === "e" && (w[n - 3] === "a" || w[n - 3] === "e" || w[n - 3] === "o")) return w;
    if (w[n - 2] === "u" || w[n - 2] === "s" || w[n - 2] === "i") return w;
    return w.slice(0, n - 1);
  }

  // tokenize mirrors search.Tokenize: [{t: term, p: position, n: length,
  // s: slot}], positions and lengths in code points.
  function tokenize(text) {
    var out = [], word = "", kept = 0, wpos = 0, wlen = 0, prev = -1, pos = 0, slot = 0, gap = false;
    function next() {
      if (gap) { slot++; gap = false; }
      return slot++;
    }
    function end() {
      if (wlen > 0) out.push({ t: stem(word), p: wpos, n: wlen, s: next() });
      word = ""; kept = 0; wlen = 0;
    }
    for (var ch of text) {
      var c = fold(ch.codePointAt(0));
      if (isCJK(c)) {
        end();
        var at = next();
        if (prev >= 0) out.push({ t: String.fromCodePoint(prev, c), p: pos - 1, n: 2, s: at - 1 });
        out.push({ t: String.fromCodePoint(c), p: pos, n: 1, s: at });
        prev = c;
      } else if (isWord(c) || wlen > 0 && MARK.test(String.fromCodePoint(c))) {
        prev = -1;
        if (wlen === 0) wpos = pos;
        if (kept < MAX_WORD) { word += String.fromCodePoint(c); kept++; }
        wlen++;
      } else {
        end();
        prev = -1;
        gap = gap || !isSpace(c);
      }
      pos++;
    }
    end();
    return out;
  }

  function isCJKTerm(t) { return isCJK(t.codePointAt(0)); }
  function isUni(t) { return runes(t).length === 1 && isCJKTerm(t); }
  function versionLike(t) { return /^v?[0-9]/.test(t); }

  // parseQuery mirrors search.parseQuery: {terms: [{term, prefix}],
  // groups: [{terms, off, latin, size}]}.
  function parseQuery(q) {
    var toks = tokenize(q), n = runes(q).length, terms = [], groups = [];
    var cur = null, first = 0, single = "", prev = "";
    function index(t, prefix) {
      for (var i = 0; i < terms.length; i++) if (terms[i].term === t && terms[i].prefix === prefix) return i;
      if (terms.length === MAX_TERMS) return -1;
      terms.push({ term: t, prefix: prefix });
      return terms.length - 1;
    }
    function end() {
      if (single) {
        var k = index(single, false);
        if (k >= 0) { cur.terms.push(k); cur.off.push(0); }
        single = "";
      }
    }
    toks.forEach(function (t, i) {
      var cjk = isCJKTerm(t.t), k;
      if (cjk && t.n === 1) {
        if (prev !== "bi") {
          end();
          groups.push(cur = { terms: [], off: [], latin: false, size: 1 });
          first = t.s; single = t.t;
        }
        prev = "uni";
      } else if (cjk) {
        single = "";
        if ((k = index(t.t, false)) >= 0) { cur.terms.push(k); cur.off.push(t.s - first); cur.size++; }
        prev = "bi";
      } else {
        end();
        var prefix = i === toks.length - 1 && t.p + t.n === n && t.n >= PREFIX_MIN && t.n === runes(t.t).length;
        if ((k = index(t.t, prefix)) < 0) return;
        if (prev === "latin" && versionLike(t.t)) { cur.terms.push(k); cur.off.push(t.s - first); cur.size += 2; }
        else { groups.push(cur = { terms: [k], off: [0], latin: true, size: 2 }); first = t.s; }
        prev = "latin";
      }
    });
    end();
    return { terms: terms, groups: groups.filter(function (g) { return g.terms.length > 0; }) };
  }

  // cmp orders strings by code point, as Go orders them by UTF-8 bytes.
  function cmp(a, b) {
    for (var i = 0, j = 0; i < a.length && j < b.length;) {
      var x = a.codePointAt(i), y = b.codePointAt(j);
      if (x !== y) return x - y;
      i += x > 0xFFFF ? 2 : 1; j += y > 0xFFFF ? 2 : 1;
    }
    return (a.length - i) - (b.length - j);
  }

  function varints(s) {
    var out = [], i = 0;
    while (i < s.length) {
      var v = 0, mul = 1;
      for (;;) {
        var d = i < s.length ? DIGITS.indexOf(s.charAt(i++)) : -1;
        if (d < 0 || mul > 34359738368) throw new Error("bad postings");
        v += (d & 31) * mul;
        if (d < 32) break;
        mul *= 32;
      }
      out.push(v);
    }
    return out;
  }

  // decodeList mirrors search.decodeList: {secs: [{sec, cls, hc, bc, head,
  // body}], titles: [{doc, words, slots}]}.
  function decodeList(s, uni) {
    var dot = s.indexOf("."), v = varints(dot < 0 ? s : s.slice(0, dot)), l = { secs: [], titles: [] }, i = 0;
    function slots(n) {
      if (i + n > v.length) throw new Error("bad postings");
      var out = [], at = 0;
      for (var k = 0; k < n; k++) out.push(at += v[i++]);
      return out;
    }
    for (var sec = 0; i < v.length;) {
      if (i + 4 > v.length) throw new Error("bad postings");
      sec += v[i];
      var p = { sec: sec, cls: v[i + 1], hc: v[i + 2], bc: v[i + 3], head: null, body: null };
      i += 4;
      if (!uni) { p.head = slots(p.hc); p.body = slots(p.bc); }
      l.secs.push(p);
    }
    v = dot < 0 ? [] : varints(s.slice(dot + 1)); i = 0;
    for (var doc = 0; i < v.length;) {
      if (i + 3 > v.length) throw new Error("bad postings");
      doc += v[i];
      var t = { doc: doc, words: v[i + 1] }, c = v[i + 2];
      i += 3;
      t.slots = slots(c);
      l.titles.push(t);
    }
    return l;
  }

  // prepare fills in what meta.json leaves to be computed (Go: meta.index).
  function prepare(m) {
    if (m.secDoc) return m;
    m.base = []; m.secDoc = []; m.chunk = [0];
    varints(m.secs).forEach(function (n, d) {
      m.base.push(m.secDoc.length);
      for (var k = 0; k < n; k++) m.secDoc.push(d);
    });
    varints(m.chunks).forEach(function (n) { m.chunk.push(m.chunk[m.chunk.length - 1] + n); });
    return m;
  }

  // search for the last index in a whose value is ≤ x by less.
  function lastNotAfter(n, after) {
    var lo = 0, hi = n;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (after(mid)) hi = mid; else lo = mid + 1; }
    return lo - 1;
  }
  function shardOf(m, term) { return Math.max(lastNotAfter(m.shards.length, function (i) { return cmp(m.shards[i], term) > 0; }), 0); }
  function chunkOf(m, g) { return lastNotAfter(m.chunk.length, function (i) { return m.chunk[i] > g; }); }
  function shardsFor(m, t) {
    var s = shardOf(m, t.term), out = [s];
    while (t.prefix && s + 1 < m.shards.length && m.shards[s + 1].indexOf(t.term) === 0 && out.length < 3) out.push(++s);
    return out;
  }

  function idf(m, df) { return Math.log(1 + (m.n - df + 0.5) / (df + 0.5)); }
  function classLen(c) { return Math.pow(2, c / 2) - 1; }

  function postings(sh, key) {
    if (!sh.lists) sh.lists = new Map();
    var p = sh.lists.get(key);
    if (!p) sh.lists.set(key, p = decodeList(Object.prototype.hasOwnProperty.call(sh.raw, key) ? sh.raw[key] : "", isUni(key)));
    return p;
  }

  // expand mirrors shard.expand and bestExpansions.
  function expand(shards, t) {
    var out = [];
    shards.forEach(function (sh) {
      Object.keys(sh.raw).forEach(function (k) {
        if (k !== t.term && !(t.prefix && k.length > t.term.length && k.indexOf(t.term) === 0)) return;
        out.push({ key: k, w: k === t.term ? 1 : EXPAND_W, l: postings(sh, k) });
      });
    });
    if (!t.prefix) return out;
    out.sort(function (a, b) { return b.w - a.w || runes(a.key).length - runes(b.key).length || cmp(a.key, b.key); });
    return out.slice(0, MAX_EXPAND + (out.length && out[0].key === t.term ? 1 : 0));
  }

  // coverage mirrors search.coverage.
  function coverage(g, slots) {
    if (g.terms.length === 1 && !g.latin) return Math.min(slots[g.terms[0]].length, 1);
    var run = new Map(), longest = 0;
    g.terms.forEach(function (k, j) {
      slots[k].forEach(function (p) {
        var x = p - g.off[j], r = run.get(x);
        if (r && r[0] === j - 1) r = [j, r[1] + 1];
        else if (r && r[0] === j) return;
        else if (g.latin && j > 0) return;
        else r = [j, 1];
        run.set(x, r);
        longest = Math.max(longest, r[1]);
      });
    });
    if (g.latin) return longest / g.terms.length;
    return longest ? (longest + 1) / (g.terms.length + 1) : 0;
  }

  function bitCount(x) { var c = 0; for (; x; x &= x - 1) c++; return c; }

  // rank mirrors search.rank: {hits: [{doc, sec, score}], partial}.
  function rank(m, terms, groups, lists) {
    var nt = terms.length, secs = new Map(), titles = new Map();
    function empty() { var a = []; for (var i = 0; i < nt; i++) a.push([]); return a; }
    function get(g) {
      var a = secs.get(g);
      if (!a) secs.set(g, a = { body: 0, head: 0, bodyT: 0, headT: 0, head1: empty(), body1: empty() });
      return a;
    }
    lists.forEach(function (ws, ti) {
      var bit = 1 << ti;
      ws.forEach(function (w) {
        var f = w.w * idf(m, w.l.secs.length);
        w.l.secs.forEach(function (p) {
          if (p.sec >= m.secDoc.length) return;
          var a = get(p.sec), head = p.head, body = p.body;
          if (!head && !body) { head = p.hc ? [0] : []; body = p.bc ? [0] : []; }
          if (p.hc > 0) { a.head += f; a.headT |= bit; push(a.head1[ti], head); }
          if (p.bc > 0) {
            var l = classLen(p.cls), tf = p.bc;
            a.body += f * tf * (m.k1 + 1) / (tf + m.k1 * (1 - m.b + m.b * l / Math.max(m.avg, 1)));
            a.bodyT |= bit;
            push(a.body1[ti], body);
          }
        });
        w.l.titles.forEach(function (p) {
          if (p.doc >= m.base.length) return;
          var t = titles.get(p.doc);
          if (!t) {
            titles.set(p.doc, t = { idf: terms.map(function () { return 0; }), terms: 0, words: p.words, slots: empty(), covered: new Set() });
            get(m.base[p.doc]);
          }
          t.idf[ti] = Math.max(t.idf[ti], f);
          t.terms |= bit;
          push(t.slots[ti], p.slots);
          var span = isCJKTerm(w.key) && runes(w.key).length === 2 ? 2 : 1;
          p.slots.forEach(function (s) { for (var k = 0; k < span; k++) t.covered.add(s + k); });
        });
      });
    });
    function push(a, b) { for (var i = 0; i < b.length; i++) a.push(b[i]); }
    function share(mask) { var c = bitCount(mask) / nt; return c * c; }
    var latinAll = 0, total = 0;
    groups.forEach(function (g, gi) { if (g.latin) latinAll |= 1 << gi; total += g.size; });
    var best = new Map();
    secs.forEach(function (a, g) {
      var d = m.secDoc[g], t = titles.get(d);
      var s = a.body + m.hb * a.head * share(a.headT), mask = a.bodyT | a.headT;
      if (t) {
        var sum = 0;
        t.idf.forEach(function (v) { sum += v; });
        s += m.tb * sum * share(t.terms) * (1 + Math.min(t.covered.size / Math.max(t.words, 1), 1));
        mask |= t.terms;
      }
      s *= share(mask);
      var covered = 0, whole = true, wholeHead = true, wholeTitle = true, latin = 0;
      groups.forEach(function (gr, gi) {
        var ch = coverage(gr, a.head1), cb = coverage(gr, a.body1), ct = t ? coverage(gr, t.slots) : 0;
        var c = Math.max(ch, cb, ct);
        if (ch < 1) wholeHead = false;
        if (t && ct < 1) wholeTitle = false;
        if (c === 1 && gr.latin) latin |= 1 << gi;
        whole = whole && c === 1;
        covered += c * gr.size;
      });
      s *= covered / total;
      if (whole) s += TIER;
      if (wholeHead || wholeTitle && t) s += TIER;
      var sec = g - m.base[d], b = best.get(d);
      if (!b || s > b.score || s === b.score && sec < b.sec) best.set(d, { doc: d, sec: sec, score: s, latin: (b ? b.latin : 0) | latin });
      else b.latin |= latin;
    });
    var partial = latinAll !== 0;
    best.forEach(function (b) { if (b.latin === latinAll) partial = false; });
    var out = [];
    best.forEach(function (b) { if (partial || b.latin === latinAll) out.push({ doc: b.doc, sec: b.sec, score: b.score }); });
    out.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return { hits: out, partial: partial };
  }

  // phraseSpans mirrors search.phraseSpans: [[start, end, group], ...].
  function phraseSpans(text, groups, lists) {
    var keys = lists.map(function (ws) { return new Set(ws.map(function (w) { return w.key; })); });
    var hits = [], toks = tokenize(text);
    for (var i = 0; i < toks.length && hits.length < MAX_HITS; i++) {
      for (var k = 0; k < keys.length; k++) {
        if (keys[k].has(toks[i].t)) hits.push({ term: k, slot: toks[i].s, pos: toks[i].p, end: toks[i].p + toks[i].n });
      }
    }
    var out = [];
    groups.forEach(function (g, gi) {
      var done = [], run = new Map();
      g.terms.forEach(function (k, j) {
        hits.forEach(function (h) {
          if (h.term !== k) return;
          var x = h.slot - g.off[j], r = run.get(x);
          if (r && r.j === j - 1) r = { j: j, n: r.n + 1, start: r.start, end: h.end };
          else if (r && r.j === j) return;
          else if (g.latin && j > 0) return;
          else { if (r) done.push(r); r = { j: j, n: 1, start: h.pos, end: h.end }; }
          run.set(x, r);
        });
      });
      run.forEach(function (r) { done.push(r); });
      var longest = 0;
      done.forEach(function (c) { longest = Math.max(longest, c.n); });
      done.forEach(function (c) { if (c.n === longest) out.push([c.start, c.end, gi]); });
    });
    return out.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
  }

  // snippet mirrors search.snippet: [[text, marked], ...].
  function snippet(text, groups, lists, width) {
    var rs = runes(text), spans = phraseSpans(text, groups, lists), start = 0, best = 0;
    spans.forEach(function (h, i) {
      var s = Math.max(h[0] - LEAD, 0), seen = new Set();
      for (var j = i; j < spans.length && spans[j][1] <= s + width; j++) seen.add(spans[j][2]);
      if (seen.size > best) { start = s; best = seen.size; }
    });
    if (start + width > rs.length) start = Math.max(rs.length - width, 0);
    var end = Math.min(start + width, rs.length), merged = [];
    spans.forEach(function (h) {
      var a = Math.max(h[0], start), b = Math.min(h[1], end), last = merged[merged.length - 1];
      if (a >= b) return;
      if (last && a <= last[1]) last[1] = Math.max(last[1], b); else merged.push([a, b]);
    });
    var out = [], pre = start > 0 ? "…" : "", at = start;
    function add(s, mark) { if (s) out.push([s.split(FORMULA_MARK).join(FORMULA), mark]); }
    merged.forEach(function (sp) {
      add(pre + rs.slice(at, sp[0]).join(""), false); pre = "";
      add(rs.slice(sp[0], sp[1]).join(""), true); at = sp[1];
    });
    add(pre + rs.slice(at, end).join("") + (end < rs.length ? "…" : ""), false);
    return out;
  }

  function pickLang(langs, want) {
    var lw = (want || "").toLowerCase(), p = lw.split("-")[0];
    return langs.filter(function (l) { return l.toLowerCase() === lw; })[0] ||
      langs.filter(function (l) { return l.toLowerCase().split("-")[0] === p; })[0] || langs[0];
  }

  // search ranks over every language's index, the page's own first and
  // weighing most. getMeta(lang) and getShard(lang, meta, n) return parsed
  // JSON or a promise of it. The result is {hits: [{lang, doc, sec, g,
  // score, meta, groups, lists}], partial}; a hit's page, heading and
  // snippet come from its chunk file afterwards (see page).
  function search(langs, pageLang, q, getMeta, getShard) {
    var pq = parseQuery(q), terms = pq.terms, groups = pq.groups;
    if (!groups.length || !langs.length) return Promise.resolve({ hits: [], partial: false });
    var first = pickLang(langs, pageLang);
    var order = [first].concat(langs.filter(function (l) { return l !== first; }));
    return Promise.all(order.map(function (l, i) {
      return Promise.resolve(getMeta(l)).then(function (meta) {
        var m = prepare(meta);
        if (!m.shards.length) return { hits: [], partial: false };
        var need = terms.map(function (t) { return shardsFor(m, t); });
        return Promise.all(need.map(function (ss) {
          return Promise.all(ss.map(function (s) { return getShard(l, m, s); }));
        })).then(function (got) {
          var lists = terms.map(function (t, k) { return expand(got[k], t); });
          var r = rank(m, terms, groups, lists);
          return { partial: r.partial, hits: r.hits.map(function (h) {
            return { lang: l, doc: h.doc, sec: h.sec, g: m.base[h.doc] + h.sec, score: i ? h.score * OTHER_LANG : h.score,
              meta: m, groups: groups, lists: lists };
          }) };
        });
      });
    })).then(function (all) {
      var hits = [], partial = true;
      all.forEach(function (r) {
        if (r.hits.length) partial = partial && r.partial;
        hits = hits.concat(r.hits);
      });
      hits.sort(function (a, b) { return b.score - a.score; });
      return { hits: hits, partial: partial && hits.length > 0 };
    });
  }

  // page finds a hit's section record and its page's [url, title, number]
  // in the hit's chunk: the first record of a page in a chunk names it.
  function page(chunk, m, g) {
    var at = g - m.chunk[chunkOf(m, g)], rec = chunk[at], k = at;
    while (k > 0 && chunk[k].length < 6) k--;
    return { heading: rec[0], anchor: rec[1], text: rec[2], url: chunk[k][3], title: chunk[k][4], number: chunk[k][5] };
  }

  // pathWords turns an address into a query: its last named segment, the
  // separators of a file name as spaces, without bare numbers ("01-").
  function pathWords(path) {
    var segs = path.split("/").filter(function (x) { return x && !/^index\.html?$/i.test(x); });
    for (var i = segs.length - 1; i >= 0; i--) {
      var seg = segs[i];
      try { seg = decodeURIComponent(seg); } catch (e) { /* keep it as it is */ }
      var w = seg.replace(/\.(html?|md)$/i, "").split(/[\s\-_.+~]+/).filter(function (x) { return x && !/^\d+$/.test(x); });
      if (w.length) return w.join(" ");
    }
    return "";
  }

  var core = { tokenize: tokenize, pathWords: pathWords, parseQuery: parseQuery, decodeList: decodeList, snippet: snippet,
    search: search, page: page, pickLang: pickLang, cmp: cmp };
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
  var PARTIAL = zh ? "没有页面同时包含：" : "No page has all of: ";
  var MORE = zh ? "更多结果" : "More results";
  function counted(n, of) {
    return zh ? "显示 " + n + " 条，共 " + of + " 条结果" : "Showing " + n + " of " + of + (of === 1 ? " result" : " results");
  }
  var cache = {}, langs = null, seq = 0, active = -1, timer = 0;
  // The results panel holds the listbox of hits (options only, as ARIA
  // wants), a note above it and, below, the count and the "more" button.
  list.removeAttribute("role");
  var options = el("div", "search-options");
  options.id = "search-options";
  options.setAttribute("role", "listbox");
  options.setAttribute("aria-label", input.getAttribute("aria-label") || "");
  var foot = el("div", "search-foot"), count = el("span", "search-count"), more = el("button", "search-more", MORE);
  count.setAttribute("role", "status");
  more.type = "button";
  foot.appendChild(count);
  foot.appendChild(more);
  var shown = null; // {r, q, n}: the results on show, n of them

  // Nothing is fetched before the reader types: langs.json and a language's
  // meta.json come with the first query, its shards and snippet chunks as
  // the terms and hits need them.
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
  function getMeta(l) { return fetchJSON("search/" + l + "/meta.json", true); }
  var shardObjs = {};
  function getShard(l, m, s) {
    var path = "search/" + l + "/shard-" + s + ".json?v=" + m.id;
    return shardObjs[path] || (shardObjs[path] = fetchJSON(path).then(function (raw) { return { raw: raw }; },
      function (err) { delete shardObjs[path]; throw err; }));
  }
  function getPage(h) {
    var m = h.meta;
    return fetchJSON("search/" + h.lang + "/t/" + chunkOf(m, h.g) + ".json?v=" + m.id).then(function (c) { return page(c, m, h.g); });
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
    var items = options.querySelectorAll("[role=option]");
    if (active >= 0 && items[active]) items[active].setAttribute("aria-selected", "false");
    active = items.length ? Math.max(-1, Math.min(i, items.length - 1)) : -1;
    if (active >= 0) {
      items[active].setAttribute("aria-selected", "true");
      items[active].scrollIntoView({ block: "nearest" });
      input.setAttribute("aria-activedescendant", items[active].id);
    } else input.removeAttribute("aria-activedescendant");
  }
  function done(q) { list.setAttribute("data-query", q); list.setAttribute("data-state", "done"); }
  function message(text, q) {
    list.textContent = "";
    shown = null;
    list.appendChild(el("div", "search-empty", text));
    open(true);
    done(q);
  }
  function show(r, pages, q) {
    list.textContent = "";
    options.textContent = "";
    active = -1;
    if (!r.hits.length) return message(EMPTY, q);
    if (r.partial) {
      var latin = [];
      r.hits[0].groups.forEach(function (g) {
        if (g.latin) latin.push(g.terms.map(function (k) { return parseQuery(q).terms[k].term; }).join(" "));
      });
      list.appendChild(el("div", "search-note", PARTIAL + latin.join("、")));
    }
    list.appendChild(options);
    list.appendChild(foot);
    shown = { r: r, q: q, n: 0 };
    addHits(pages);
    open(true);
    done(q);
  }
  // addHits shows the next hits of the results on show, and the count.
  function addHits(pages) {
    var r = shown.r, from = shown.n;
    pages.forEach(function (p, j) {
      var i = from + j, h = r.hits[i], a = el("a", "search-hit");
      a.id = "search-hit-" + i;
      a.tabIndex = -1; // options are reached by the arrows; Tab goes on to "more"
      a.setAttribute("role", "option");
      a.setAttribute("aria-selected", "false");
      a.href = href(p.url, p.anchor);
      var t = el("span", "search-title");
      if (p.number && p.title.indexOf(p.number) !== 0) { t.appendChild(el("span", "num", p.number)); t.appendChild(document.createTextNode(" ")); }
      t.appendChild(marked("span", "", snippet(p.title, h.groups, h.lists, 1e9)));
      a.appendChild(t);
      if (p.heading) a.appendChild(marked("span", "search-heading", snippet(p.heading, h.groups, h.lists, 1e9)));
      if (p.text) a.appendChild(marked("span", "search-snippet", snippet(p.text, h.groups, h.lists, WIDTH)));
      options.appendChild(a);
    });
    shown.n = from + pages.length;
    count.textContent = counted(shown.n, r.hits.length);
    more.hidden = shown.n >= r.hits.length;
    list.setAttribute("data-shown", shown.n);
    list.setAttribute("data-total", r.hits.length);
  }
  // showMore fetches the next hits' snippets and shows them, the first of
  // them selected, with the focus back in the box for the arrows and Enter.
  function showMore() {
    if (!shown || shown.n >= shown.r.hits.length) return;
    var my = seq, at = shown.n, q = shown.q;
    list.setAttribute("data-state", "busy");
    Promise.all(shown.r.hits.slice(at, at + SHOW).map(getPage)).then(function (pages) {
      if (my !== seq || !shown) return;
      addHits(pages);
      input.focus();
      select(at);
      done(q);
    }).catch(function () { if (my === seq) message(FAILED, q); });
  }
  function run() {
    var q = input.value, my = ++seq;
    list.setAttribute("data-state", "busy");
    if (!q.trim()) { list.textContent = ""; shown = null; open(false); done(q); return; }
    (langs || (langs = fetchJSON("search/langs.json", true))).then(function (ls) {
      return search(ls, root.lang, q, getMeta, getShard);
    }).then(function (r) {
      if (my !== seq) return;
      var top = r.hits.slice(0, SHOW);
      return Promise.all(top.map(getPage)).then(function (pages) { if (my === seq) show(r, pages, q); });
    }).catch(function () {
      langs = null;
      if (my === seq) message(FAILED, q);
    });
  }

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-controls", "search-options");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.addEventListener("focus", function () { if (list.childNodes.length && input.value.trim()) open(true); });
  function later() { clearTimeout(timer); timer = setTimeout(run, 120); }
  input.addEventListener("input", function (e) { if (!e.isComposing) later(); });
  input.addEventListener("compositionend", later);
  input.addEventListener("keydown", function (e) {
    var items = options.querySelectorAll("[role=option]");
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (list.hidden && items.length) open(true);
      else if (e.key === "ArrowDown" && items.length && active === items.length - 1 && !more.hidden) return showMore();
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
  more.addEventListener("click", showMore);
  // Escape on "more" closes the panel too, and gives the box its focus back.
  more.addEventListener("keydown", function (e) { if (e.key === "Escape") { open(false); input.focus(); } });
  list.addEventListener("click", function (e) { // a hit on this page only scrolls
    if (e.target.closest && e.target.closest(".search-hit")) open(false);
  });
  document.addEventListener("click", function (e) { if (!box.contains(e.target)) open(false); });

  // A box marked data-from-path (the 404 page's) starts with the words of
  // the address that was not found, so the reader sees where it may have gone.
  if (box.hasAttribute("data-from-path")) {
    var words = pathWords(location.pathname);
    if (words) { input.value = words; run(); }
  }
})();
