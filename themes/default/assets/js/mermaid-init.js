// mermaid-init.js draws the page's <pre class="mermaid"> diagrams with the
// mermaid bundle served by the site (loaded just before this file), in the
// page's colour scheme, and draws them again when the scheme changes.
//
// The scheme is <html data-theme="dark|light"> when the reader chose one,
// else the system's prefers-color-scheme. The theme toggle announces a
// change with document.dispatchEvent(new CustomEvent('docsite:themechange'));
// the live preview can announce new content with 'docsite:contentchange'.
(function () {
  'use strict';
  if (typeof mermaid === 'undefined') return;

  // mermaid's own start-up would draw the diagrams once, in its default
  // theme, on window load; this file draws them instead.
  mermaid.initialize({ startOnLoad: false });

  var system = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  // The source of each diagram, kept because drawing replaces the
  // element's text with an SVG.
  var sources = new WeakMap();
  var drawn = null; // the mermaid theme the diagrams were last drawn in
  var busy = false;
  var again = false; // a draw was asked for while busy
  var againForce = false;

  function mermaidTheme() {
    var t = document.documentElement.dataset.theme;
    var dark = t === 'dark' || (t !== 'light' && !!system && system.matches);
    return dark ? 'dark' : 'default';
  }

  function blocks() {
    var nodes = Array.prototype.slice.call(document.querySelectorAll('pre.mermaid'));
    nodes.forEach(function (el) {
      if (!sources.has(el)) sources.set(el, el.textContent);
    });
    return nodes;
  }

  // draw renders every diagram in the current theme. Calls that arrive
  // while a drawing is under way are folded into one more pass after it.
  function draw(force) {
    if (busy) {
      again = true;
      againForce = againForce || force;
      return;
    }
    var theme = mermaidTheme();
    var nodes = blocks();
    if (!force && theme === drawn) return;
    if (nodes.length === 0) return;
    busy = true;
    drawn = theme;
    nodes.forEach(function (el) {
      el.removeAttribute('data-processed');
      el.textContent = sources.get(el);
    });
    mermaid.initialize({ startOnLoad: false, theme: theme, securityLevel: 'strict' });
    // suppressErrors: a broken diagram shows mermaid's error picture and
    // the others are still drawn.
    Promise.resolve(mermaid.run({ nodes: nodes, suppressErrors: true }))
      .catch(function (err) { console.error('mermaid:', err); })
      .then(function () {
        busy = false;
        if (again) {
          var f = againForce;
          again = againForce = false;
          draw(f);
        }
      });
  }

  function start() { draw(true); }

  document.addEventListener('docsite:themechange', function () { draw(false); });
  document.addEventListener('docsite:contentchange', function () { draw(true); });
  if (system) {
    var onSystem = function () { draw(false); };
    if (system.addEventListener) system.addEventListener('change', onSystem);
    else if (system.addListener) system.addListener(onSystem);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
