// Live tail for the logs page. While "Live" is on, new events matching the page's filters stream
// in over server-sent events (/live) and are added at the top of the table, newest first, each
// once. Scrolling down pauses (new rows wait, counted on a button); scrolling back to the top or
// clicking the button resumes. The table keeps at most MAX_ROWS rows. A lost connection is
// retried by the browser and resumes after the last event received (Last-Event-ID), so nothing
// is skipped or repeated; when the browser gives up, the script reconnects after the same id.
// Without this script the page is plain HTML and the toggle stays hidden.
(() => {
  'use strict';
  const MAX_ROWS = 1000;
  const PAUSE_AFTER_PX = 60;
  const RETRY_MS = 2000;
  const HIGHLIGHT_UP_TO = 20;
  const toggle = document.getElementById('live-toggle');
  const results = document.getElementById('results');
  const banner = document.getElementById('live-error');
  if (!toggle || !results || !banner) return;

  const checkbox = toggle.querySelector('input');
  const status = document.createElement('span');
  status.id = 'live-status';
  status.className = 'live-status';
  status.setAttribute('aria-live', 'polite');
  const resume = document.createElement('button');
  resume.type = 'button';
  resume.id = 'live-resume';
  resume.className = 'button live-resume';
  resume.hidden = true;
  let source = null;
  let pending = [];
  let skipped = 0;
  let newestMs = 0;
  let added = 0;
  let seen = new Set();
  let statusTimer = null;
  let reopenTimer = null;
  /** The stream's position: the id of the last batch received. */
  let lastEventId = '';

  const bar = () => results.querySelector('[data-live-available]');
  const tbody = () => results.querySelector('#logs tbody');
  const available = () => bar()?.dataset.liveAvailable === 'true';
  toggle.hidden = !available();

  function rememberShownRows() {
    seen = new Set([...results.querySelectorAll('#logs tbody tr')].map((row) => row.dataset.id));
    const newest = results.querySelector('#logs tbody tr time');
    newestMs = newest ? Date.parse(newest.getAttribute('datetime')) : 0;
    const summary = bar()?.querySelector('.summary');
    summary?.after(status, resume);
  }

  function say(text) {
    status.textContent = text;
  }

  function describe() {
    if (!source) return;
    const state = source.readyState === EventSource.OPEN ? 'Live' : 'Reconnecting…';
    const behind = newestMs ? ` · newest event ${((Date.now() - newestMs) / 1000).toFixed(1)} s ago` : '';
    say(`${state} · ${added} new${behind}`);
  }

  const paused = () => window.scrollY > PAUSE_AFTER_PX;

  function showResume() {
    resume.hidden = pending.length === 0;
    resume.textContent = `▲ ${pending.length}${skipped ? '+' : ''} new — resume`;
  }

  // Rows wait for the next frame and go in together: one layout per frame, however fast they come.
  let queued = [];
  let frame = 0;
  let trimFrame = 0;

  function insert(rows) {
    // Never dropped here: after a stall every row still passes through the table once.
    queued.push(...rows);
    if (!frame) frame = requestAnimationFrame(insertQueued);
  }

  function insertQueued() {
    frame = 0;
    const body = tbody();
    const rows = queued;
    queued = [];
    if (!body || rows.length === 0) return;
    document.getElementById('empty-state')?.remove();
    // Highlighting is for a trickle; at hundreds a second it would only cost frames.
    const highlight = rows.length <= HIGHLIGHT_UP_TO;
    const fragment = document.createDocumentFragment();
    // Newest first: the queue is oldest first.
    for (let i = rows.length - 1; i >= 0; i -= 1) {
      if (highlight) rows[i].classList.add('row-new');
      fragment.appendChild(rows[i]);
    }
    body.prepend(fragment);
    // Trimmed on the next frame, not now: after a stall of more than MAX_ROWS rows, the oldest of
    // them would otherwise leave the page before it was ever painted.
    if (body.rows.length > MAX_ROWS && !trimFrame) trimFrame = requestAnimationFrame(trim);
  }

  function trim() {
    trimFrame = 0;
    const body = tbody();
    while (body && body.rows.length > MAX_ROWS) body.deleteRow(-1);
  }

  function flush() {
    const rows = pending;
    pending = [];
    skipped = 0;
    insert(rows);
    showResume();
  }

  function receive(event) {
    const template = document.createElement('template');
    template.innerHTML = event.data;
    const rows = [...template.content.querySelectorAll('tr')]
      .filter((row) => !seen.has(row.dataset.id))
      .map((row) => ({ row, at: row.querySelector('time').getAttribute('datetime') }))
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
      .map(({ row, at }) => {
        seen.add(row.dataset.id);
        newestMs = Math.max(newestMs, Date.parse(at));
        return row;
      });
    added += rows.length;
    if (seen.size > 4 * MAX_ROWS) seen = new Set([...seen].slice(-2 * MAX_ROWS));
    if (paused()) {
      pending.push(...rows);
      if (pending.length > MAX_ROWS) {
        skipped += pending.length - MAX_ROWS;
        pending = pending.slice(-MAX_ROWS);
      }
      showResume();
    } else {
      if (pending.length) flush();
      insert(rows);
    }
    describe();
  }

  function problem(event) {
    const { fatal, message } = JSON.parse(event.data);
    banner.replaceChildren();
    const panel = document.createElement('section');
    panel.className = 'error-panel';
    panel.setAttribute('role', 'alert');
    const text = document.createElement('p');
    text.className = 'error-message';
    text.textContent = fatal ? `Live tail stopped: ${message}` : `Live tail interrupted: ${message}. Retrying…`;
    panel.appendChild(text);
    banner.appendChild(panel);
    banner.hidden = false;
    if (fatal) {
      checkbox.checked = false;
      apply();
    }
  }

  function liveUrl() {
    const params = new URLSearchParams(window.location.search);
    for (const name of ['live', 'cursor', 'before']) params.delete(name);
    if (lastEventId) params.set('after', lastEventId);
    // Without either the server starts a little before now.
    else if (bar()?.dataset.liveSince) params.set('since', bar().dataset.liveSince);
    return `/live?${params.toString()}`;
  }

  function open() {
    source = new EventSource(liveUrl());
    source.addEventListener('rows', (event) => {
      lastEventId = event.lastEventId || lastEventId;
      receive(event);
    });
    source.addEventListener('problem', problem);
    source.addEventListener('open', () => {
      banner.hidden = true;
      describe();
    });
    source.addEventListener('error', () => {
      describe();
      // The browser retries network errors itself; an answer that is not a stream (a server
      // restarting, a proxy error page) ends its retries, so start again after the last event.
      if (source?.readyState === EventSource.CLOSED) {
        source.close();
        clearTimeout(reopenTimer);
        reopenTimer = setTimeout(reopenUnlessSignedOut, RETRY_MS);
      }
    });
  }

  // A stream refused because the session ended would be retried for ever: reload to sign in.
  async function reopenUnlessSignedOut() {
    if (!checkbox.checked) return;
    try {
      const probe = await fetch(`/partials/logs${window.location.search}`, { headers: { accept: 'text/html' }, cache: 'no-store' });
      if (probe.status === 401) return window.location.reload();
    } catch {
      // The web server is not answering yet: try the stream again anyway.
    }
    open();
  }

  function connect() {
    rememberShownRows();
    lastEventId = '';
    open();
    statusTimer = setInterval(describe, 1000);
    describe();
  }

  function disconnect() {
    source?.close();
    source = null;
    clearTimeout(reopenTimer);
    clearInterval(statusTimer);
    flush();
    say('');
  }

  // Turning Live on after it was off first refreshes the table, so the stream starts where it does.
  async function refreshThenConnect() {
    try {
      const response = await fetch(`/partials/logs${window.location.search}`, { headers: { accept: 'text/html' }, cache: 'no-store' });
      if (response.ok) results.innerHTML = await response.text();
    } catch {
      // The stream's own errors say what is wrong; start it anyway.
    }
    if (checkbox.checked) connect();
  }

  // Keeps `live=1` in the address, so a reload or a shared link comes back live.
  function rememberInUrl(on) {
    const url = new URL(window.location.href);
    if (on) url.searchParams.set('live', '1');
    else url.searchParams.delete('live');
    window.history.replaceState(null, '', url);
  }

  function apply() {
    toggle.classList.toggle('live-on', checkbox.checked);
    if (!checkbox.checked) disconnect();
  }

  checkbox.addEventListener('change', () => {
    rememberInUrl(checkbox.checked);
    apply();
    if (checkbox.checked) refreshThenConnect();
  });
  resume.addEventListener('click', () => {
    window.scrollTo({ top: 0 });
    flush();
  });
  window.addEventListener('scroll', () => {
    if (!paused() && pending.length) flush();
  }, { passive: true });

  if (checkbox.checked && available()) {
    toggle.classList.add('live-on');
    connect();
  }
})();
