// mermaid-init.js draws the page's <pre class="mermaid"> diagrams with
// mermaid's ESM build, served by the site. Nothing is fetched until a
// diagram comes near the viewport; mermaid then fetches the chunks of only
// the diagram types it meets, so a flowchart page never loads the gantt or
// mindmap code.
//
// The scheme is <html data-theme="dark|light">, which the page sets before
// its first paint and the theme toggle changes, announcing it with the
// event 'docsite:themechange'; the live preview can announce new content
// with 'docsite:contentchange'.
//
// The build-time renderer (render/diagrams) loads this file too, for
// window.docsiteMermaid.config: both ways draw with the same colours.
(function () {
  'use strict';
  var root = document.documentElement;

  var font = '"trebuchet ms", verdana, arial, sans-serif';
  // Both schemes use mermaid's "base" theme and differ in colours only,
  // so a diagram redrawn in the other scheme keeps its size. Every text
  // on its fill reaches WCAG AA (4.5:1); render/diagrams' browser test
  // measures it.
  var schemes = {
    light: {
      darkMode: false, background: '#ffffff', fontFamily: font,
      primaryColor: '#eef2ff', primaryTextColor: '#1f2328', primaryBorderColor: '#6366f1',
      secondaryColor: '#fff7e6', tertiaryColor: '#f6f8fa', lineColor: '#57606a',
      textColor: '#1f2328', titleColor: '#1f2328', nodeTextColor: '#1f2328',
      edgeLabelBackground: '#ffffff', clusterBkg: '#f6f8fa', clusterBorder: '#8c959f',
      noteBkgColor: '#fff8c5', noteTextColor: '#1f2328', noteBorderColor: '#d4a72c',
      git0: '#c7d2fe', gitBranchLabel0: '#1f2328' // a mindmap's root
    },
    dark: {
      darkMode: true, background: '#0d1117', fontFamily: font,
      primaryColor: '#1f2a44', primaryTextColor: '#e6edf3', primaryBorderColor: '#7d8cf0',
      secondaryColor: '#3a2e14', tertiaryColor: '#161b22', lineColor: '#9198a1',
      textColor: '#e6edf3', titleColor: '#e6edf3', nodeTextColor: '#e6edf3',
      edgeLabelBackground: '#21262d', clusterBkg: '#161b22', clusterBorder: '#6e7681',
      noteBkgColor: '#3a2e14', noteTextColor: '#e6edf3', noteBorderColor: '#bb8009',
      git0: '#2e3f6e', gitBranchLabel0: '#e6edf3'
    }
  };
  // Mindmap branches take the colour scale cScale0…11; dark fills with
  // light labels, light fills with dark labels.
  var scale = {
    light: ['#dbeafe', '#dcfce7', '#fef9c3', '#fee2e2', '#ede9fe', '#cffafe', '#ffedd5', '#fce7f3', '#e0e7ff', '#ecfccb', '#f3f4f6', '#e0f2fe'],
    dark: ['#1e3a5f', '#1f4d2e', '#4d3d0f', '#5c1f1f', '#3b2a66', '#134e4a', '#5a3210', '#5b1f45', '#2e3470', '#3d4d14', '#30363d', '#0c4a6e']
  };
  Object.keys(scale).forEach(function (s) {
    scale[s].forEach(function (c, i) {
      schemes[s]['cScale' + i] = c;
      schemes[s]['cScaleLabel' + i] = schemes[s].textColor;
      schemes[s]['cScalePeer' + i] = schemes[s].lineColor;
    });
  });

  // layout: mermaid 12 lays flowcharts out with ELK (1.6 MB) unless told;
  // dagre is a tenth of that and draws what GitHub shows for the same
  // source, which is where these pages are written.
  function config(scheme) {
    return {
      startOnLoad: false, securityLevel: 'strict', theme: 'base', layout: 'dagre', fontFamily: font,
      themeVariables: schemes[scheme === 'dark' ? 'dark' : 'light']
    };
  }
  window.docsiteMermaid = { config: config };

  if (!document.querySelector('pre.mermaid')) return;

  var sources = new WeakMap(); // drawing replaces the element's text
  var loading = null;
  function load() {
    if (!loading) {
      var url = new URL((root.dataset.base || '') + 'assets/vendor/mermaid/mermaid.esm.min.mjs', document.baseURI);
      loading = import(url.href).then(function (m) { return m.default; });
    }
    return loading;
  }

  function scheme() { return root.dataset.theme === 'dark' ? 'dark' : 'light'; }

  // mermaid keeps one configuration, so drawings run one after another.
  var queue = Promise.resolve();
  var seq = 0;
  // draw renders el off the page and swaps the SVG in whole: the box never
  // holds the bare source again, so a redraw does not move the page.
  function draw(el) {
    queue = queue.then(load).then(function (mermaid) {
      var s = scheme();
      if (el.dataset.scheme === s || !el.isConnected) return;
      mermaid.initialize(config(s));
      return mermaid.render('docsite-mermaid-' + (++seq), sources.get(el)).then(function (r) {
        el.innerHTML = r.svg;
        el.dataset.scheme = s;
        if (r.bindFunctions) r.bindFunctions(el);
      });
    }).catch(function (err) { console.error('mermaid:', err); });
  }

  var near = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (!e.isIntersecting) return;
      near.unobserve(e.target);
      draw(e.target);
    });
  }, { rootMargin: '400px 0px' }) : null;

  function watch() {
    document.querySelectorAll('pre.mermaid').forEach(function (el) {
      if (sources.has(el)) return;
      sources.set(el, el.textContent);
      if (near) near.observe(el); else draw(el);
    });
  }

  document.addEventListener('docsite:themechange', function () {
    document.querySelectorAll('pre.mermaid[data-scheme]').forEach(draw);
  });
  document.addEventListener('docsite:contentchange', watch);
  watch();
})();
