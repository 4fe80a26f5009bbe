// Auto-refresh for the logs page. While the toggle is on, fetch the results fragment every 2 s
// from /partials/logs (same filters as the page) and swap it in. Without this script the page
// works as plain HTML; the toggle stays hidden.
(() => {
  'use strict';
  const INTERVAL_MS = 2000;
  const toggle = document.getElementById('live-toggle');
  const results = document.getElementById('results');
  const banner = document.getElementById('live-error');
  if (!toggle || !results || !banner || !results.querySelector('[data-live-available="true"]')) return;

  const checkbox = toggle.querySelector('input');
  let timer = null;
  let inFlight = false;
  toggle.hidden = false;


  function setApiStatus(ok, text) {
    const status = document.getElementById('api-status');
    if (!status) return;
    status.textContent = text;
    status.classList.toggle('api-status-ok', ok);
    status.classList.toggle('api-status-down', !ok);
  }

  function showResults(html) {
    const seen = new Set([...results.querySelectorAll('#logs tbody tr')].map((row) => row.dataset.id));
    const hadRows = seen.size > 0;
    results.innerHTML = html;
    banner.hidden = true;
    banner.replaceChildren();
    if (hadRows) {
      for (const row of results.querySelectorAll('#logs tbody tr')) {
        if (!seen.has(row.dataset.id)) row.classList.add('row-new');
      }
    }
    const bar = results.querySelector('[data-api-status]');
    if (bar) setApiStatus(true, bar.dataset.apiStatus);
  }

  function showProblem(html) {
    banner.innerHTML = html;
    banner.hidden = false;
    setApiStatus(false, 'API unavailable');
  }

  // Skips a beat while the tab is hidden or the reader is selecting text in the table.
  async function refresh() {
    const selection = window.getSelection();
    if (inFlight || document.hidden || (selection && !selection.isCollapsed && results.contains(selection.anchorNode))) return;
    inFlight = true;
    try {
      const response = await fetch(`/partials/logs${window.location.search}`, {
        headers: { accept: 'text/html' },
        cache: 'no-store',
      });
      const html = await response.text();
      if (response.ok) showResults(html);
      else showProblem(html);
    } catch {
      showProblem('<section class="error-panel" role="alert"><p class="error-message">The web server is not answering.</p></section>');
    } finally {
      inFlight = false;
    }
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
    clearInterval(timer);
    timer = checkbox.checked ? setInterval(refresh, INTERVAL_MS) : null;
  }

  checkbox.addEventListener('change', () => {
    rememberInUrl(checkbox.checked);
    apply();
    if (checkbox.checked) refresh();
  });
  apply();
})();
