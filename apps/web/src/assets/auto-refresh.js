// Keeps a page's panels current: an element with data-refresh-url, data-refresh-seconds and
// data-refresh-target has its target (by id) replaced with a fresh fragment from that url on
// that schedule. Skips a beat while the tab is hidden; says when a refresh failed and keeps the
// last good panels. Without this script the page is plain HTML and a reload refreshes it.
(() => {
  'use strict';
  const host = document.querySelector('[data-refresh-url]');
  if (!host) return;
  const url = host.dataset.refreshUrl;
  const seconds = Number(host.dataset.refreshSeconds) || 10;
  const targetId = host.dataset.refreshTarget;
  const status = document.getElementById('refresh-status');
  let inFlight = false;

  function say(text) {
    if (status) status.textContent = text;
  }

  async function refresh() {
    if (inFlight || document.hidden) return;
    inFlight = true;
    try {
      const response = await fetch(url, { headers: { accept: 'text/html' }, cache: 'no-store' });
      // Signed out (the session ended): the reload lands on the sign-in page.
      if (response.status === 401) return window.location.reload();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const template = document.createElement('template');
      template.innerHTML = await response.text();
      const fresh = template.content.getElementById(targetId);
      const current = document.getElementById(targetId);
      if (!fresh || !current) throw new Error('unexpected answer');
      current.replaceWith(fresh);
      say(`· updated ${new Date().toLocaleTimeString()}`);
    } catch (error) {
      say(`· refresh failed (${error.message}); showing the last good figures`);
    } finally {
      inFlight = false;
    }
  }

  setInterval(refresh, seconds * 1000);
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) refresh();
  });
})();
