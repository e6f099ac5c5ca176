/**
 * The preview's one script, sent inline with each page under that response's nonce. Everything it
 * does is an enhancement: the pages work without it (the filter is a GET form, sorting is links, a
 * problem is a link to its line, which :target marks). It
 * - listens to `/events` and, on a change, fetches the page again and swaps the live parts in place
 *   (`[data-live]` by id), reloading the document's frame only when its content changed and keeping
 *   every scroll position (the window's, the source view's, the frame's);
 * - filters the table as the user types;
 * - marks a problem's whole range in the source view and the matching text in the document.
 */
export const CLIENT_SCRIPT =
  String.raw`(() => {
  'use strict';
  const body = document.body;
  const status = () => document.getElementById('status');
  const say = (text) => { const s = status(); if (s) s.textContent = text; };

  // --- the table's filter, as the user types (the form still works without this)
  const filter = document.getElementById('q');
  function applyFilter() {
    if (!filter) return;
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    document.querySelectorAll('tbody tr[data-text]').forEach((row) => {
      const text = row.getAttribute('data-text') || '';
      const ok = words.every((w) => text.includes(w));
      row.hidden = !ok;
      if (ok) shown++;
    });
    const count = document.getElementById('count');
    if (count && count.dataset.template) {
      count.textContent = count.dataset.template.replace('#shown#', String(shown));
    }
  }
  if (filter) {
    filter.addEventListener('input', () => {
      applyFilter();
      const url = new URL(location.href);
      if (filter.value) url.searchParams.set('q', filter.value); else url.searchParams.delete('q');
      history.replaceState(null, '', url);
      document.querySelectorAll('th a[href]').forEach((a) => {
        const link = new URL(a.href);
        if (filter.value) link.searchParams.set('q', filter.value); else link.searchParams.delete('q');
        a.href = link.pathname + link.search;
      });
    });
  }

  // --- a problem: its range in the source view, and the same text in the document
  function clearMarks() {
    document.querySelectorAll('.line.hl').forEach((l) => l.classList.remove('hl', 'hl-start'));
    document.querySelectorAll('mark.range').forEach((m) => m.replaceWith(document.createTextNode(m.textContent || '')));
    document.querySelectorAll('.problem[aria-current]').forEach((p) => p.removeAttribute('aria-current'));
    const frame = document.querySelector('iframe.document');
    const doc = frame && frame.contentDocument;
    if (doc) doc.querySelectorAll('mark[data-preview]').forEach((m) => m.replaceWith(document.createTextNode(m.textContent || '')));
  }
  function markColumns(line, from, to) {
    const text = line.querySelector('.text');
    if (!text || !text.firstChild || text.childNodes.length !== 1) return;
    const value = text.textContent || '';
    const a = Math.max(0, from - 1);
    const b = Math.min(value.length, Math.max(a + 1, to - 1));
    if (a >= value.length) return;
    const mark = document.createElement('mark');
    mark.className = 'range';
    mark.textContent = value.slice(a, b);
    text.replaceChildren(document.createTextNode(value.slice(0, a)), mark, document.createTextNode(value.slice(b)));
  }
  /** The words of a source line as the document shows them: no Markdown marks, a YAML value alone. */
  function plainWords(source) {
    let t = source.replace(/^\s*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+|>\s*)/, '');
    const kv = /^[\w-]+:\s*(.*)$/.exec(t);
    if (kv) t = kv[1];
    t = t.replace(/<[^>]*>/g, '').replace(/[*_` +
  '`' +
  String.raw`]+/g, '').replace(/^["']|["']$/g, '').trim();
    return t.length >= 3 ? t : '';
  }
  function markInDocument(words) {
    const frame = document.querySelector('iframe.document');
    const doc = frame && frame.contentDocument;
    if (!doc || !doc.body || !words) return;
    const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const i = node.data.indexOf(words);
      if (i < 0) continue;
      const range = doc.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + words.length);
      const mark = doc.createElement('mark');
      mark.setAttribute('data-preview', '');
      range.surroundContents(mark);
      mark.scrollIntoView({ block: 'center' });
      return;
    }
  }
  function showProblem(link) {
    clearMarks();
    const line = Number(link.dataset.line);
    const endLine = Math.max(line, Number(link.dataset.endLine) || line);
    const first = document.getElementById('L' + line);
    if (!first) return;
    for (let n = line; n <= endLine; n++) {
      const l = document.getElementById('L' + n);
      if (l) l.classList.add('hl');
    }
    first.classList.add('hl-start');
    if (line === endLine) markColumns(first, Number(link.dataset.column) || 1, Number(link.dataset.endColumn) || 1);
    link.setAttribute('aria-current', 'true');
    const scroller = document.getElementById('source-view');
    if (scroller) {
      const offset = first.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      scroller.scrollTop += offset - scroller.clientHeight / 3;
    }
    const text = first.querySelector('.text');
    markInDocument(plainWords(text ? text.textContent || '' : ''));
  }
  document.addEventListener('click', (e) => {
    const link = e.target instanceof Element ? e.target.closest('a.problem') : null;
    if (!link) return;
    e.preventDefault();
    history.replaceState(null, '', link.getAttribute('href'));
    showProblem(link);
  });

  // --- live updates: fetch the page again and swap the parts that changed
  const frameScroll = (frame) => {
    try { const w = frame.contentWindow; return w ? [w.scrollX, w.scrollY] : [0, 0]; } catch { return [0, 0]; }
  };
  function swapFrame(oldRegion, newRegion) {
    const oldFrame = oldRegion.querySelector('iframe.document');
    const newFrame = newRegion.querySelector('iframe.document');
    if (oldFrame && newFrame) {
      if (oldFrame.getAttribute('src') === newFrame.getAttribute('src')) return;
      const [x, y] = frameScroll(oldFrame);
      oldFrame.addEventListener('load', () => {
        try { oldFrame.contentWindow.scrollTo(x, y); } catch { /* gone */ }
        body.dataset.version = String(Number(body.dataset.version || 0) + 1);
      }, { once: true });
      oldFrame.setAttribute('src', newFrame.getAttribute('src'));
      return;
    }
    oldRegion.innerHTML = newRegion.innerHTML;
  }
  let busy = false;
  let again = false;
  async function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    try {
      const response = await fetch(location.href, { headers: { accept: 'text/html' }, cache: 'no-store' });
      // (its style element would be refused by this page's CSP: only the live parts are wanted)
      const text = (await response.text()).replace(/<style[^>]*>[^<]*<\/style>/g, '');
      const page = new DOMParser().parseFromString(text, 'text/html');
      const x = window.scrollX;
      const y = window.scrollY;
      if (response.status === 404 && body.dataset.page === 'description') {
        body.dataset.gone = 'true';
        const gone = page.getElementById('status');
        const s = status();
        if (gone && s) { s.innerHTML = gone.innerHTML; s.className = gone.className; }
        return;
      }
      if (body.dataset.gone) {
        // the file is back: its page's own status again, not the "gone" banner
        delete body.dataset.gone;
        const back = page.getElementById('status');
        const s = status();
        if (back && s) { s.innerHTML = back.innerHTML; s.className = back.className; }
      }
      document.querySelectorAll('[data-live]').forEach((region) => {
        const next = page.getElementById(region.id);
        if (!next) return;
        if (region.id === 'document') { swapFrame(region, next); return; }
        if (region.innerHTML === next.innerHTML) return;
        const scrollers = [...region.querySelectorAll('[data-keep-scroll]')].map((el) => [el.id, el.scrollTop]);
        region.innerHTML = next.innerHTML;
        for (const [id, top] of scrollers) { const el = document.getElementById(id); if (el) el.scrollTop = top; }
      });
      applyFilter();
      window.scrollTo(x, y);
      const current = location.hash && document.querySelector('a.problem[href="' + CSS.escape(location.hash) + '"]');
      if (current) showProblem(current);
      body.dataset.updates = String(Number(body.dataset.updates || 0) + 1);
    } catch {
      // the server is restarting or gone: the next event tries again
    } finally {
      busy = false;
      if (again) { again = false; refresh(); }
    }
  }
  if (window.EventSource) {
    const events = new EventSource('/events');
    const first = status() ? status().textContent : '';
    let lost = false;
    events.addEventListener('change', () => { refresh(); });
    // the server stopped (or restarts): said until it is back, then the page catches up
    events.addEventListener('error', () => {
      if (!lost && body.dataset.disconnected) say(body.dataset.disconnected);
      lost = true;
    });
    events.addEventListener('hello', () => {
      if (!lost) return;
      lost = false;
      if (!body.dataset.gone) say(first);
      refresh();
    });
  }
  if (location.hash) {
    const current = document.querySelector('a.problem[href="' + CSS.escape(location.hash) + '"]');
    if (current) window.addEventListener('load', () => showProblem(current), { once: true });
  }
})();
`;
