// The filter form's one convenience: typing a From or To time picks "Custom" in the time-range
// menu, so the fields apply. Without this script, choosing Custom by hand does the same.
(() => {
  'use strict';
  const form = document.querySelector('form.filters');
  const range = form?.querySelector('select[name="from"]');
  if (!form || !range) return;
  for (const name of ['start', 'end']) {
    form.querySelector(`input[name="${name}"]`)?.addEventListener('input', (event) => {
      if (event.target.value !== '') range.value = 'custom';
    });
  }
})();
