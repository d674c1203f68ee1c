// Village: small progressive enhancements. Every page works without this file.
(() => {
  'use strict';

  // Phones: the main navigation folds behind its Menu button (the CSS hides the button on wide screens).
  const navToggle = document.querySelector('.nav-toggle');
  if (navToggle) {
    navToggle.hidden = false;
    navToggle.addEventListener('click', () => {
      navToggle.setAttribute('aria-expanded', String(navToggle.getAttribute('aria-expanded') !== 'true'));
    });
  }

  // "Quitter vite": leave for a neutral site without leaving this page in the history (Back does not come back).
  document.querySelectorAll('[data-quick-exit]').forEach((link) => {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      window.location.replace(link.href);
    });
  });

  // A form came back with errors: bring the summary to the reader (screen readers announce it too).
  const summary = document.querySelector('.error-summary');
  if (summary) summary.focus();

  const clear = (selector) => {
    const field = document.querySelector(selector);
    if (field) field.value = '';
  };

  // Town autocomplete: suggestions in a native datalist; picking one records the town's id.
  const town = document.querySelector('[data-town-autocomplete]');
  const townId = document.querySelector('[data-town-id]');
  if (town) {
    const list = document.getElementById(town.getAttribute('list'));
    let results = [];
    let timer;
    town.addEventListener('input', () => {
      const match = results.find((r) => r.label === town.value);
      if (townId) townId.value = match ? match.id : '';
      // Typing a town replaces a position taken earlier.
      clear('[data-position-latitude]');
      clear('[data-position-longitude]');
      clearTimeout(timer);
      const query = town.value.trim();
      if (match || query.length < 2) return;
      timer = setTimeout(async () => {
        try {
          const response = await fetch('/api/towns?q=' + encodeURIComponent(query), { headers: { Accept: 'application/json' } });
          if (!response.ok) return;
          results = await response.json();
          list.replaceChildren(...results.map((r) => {
            const option = document.createElement('option');
            option.value = r.label;
            return option;
          }));
        } catch {
          // Offline or slow: typing the town and saving still works.
        }
      }, 150);
    });
  }

  // "Use my position": rounded to two decimals (about 1 km) here, and again on the server.
  const position = document.querySelector('[data-position]');
  if (position && 'geolocation' in navigator) {
    position.hidden = false;
    const status = position.querySelector('[data-position-status]');
    position.querySelector('[data-use-position]').addEventListener('click', () => {
      status.textContent = position.dataset.waiting;
      navigator.geolocation.getCurrentPosition((p) => {
        document.querySelector('[data-position-latitude]').value = p.coords.latitude.toFixed(2);
        document.querySelector('[data-position-longitude]').value = p.coords.longitude.toFixed(2);
        if (town) town.value = '';
        if (townId) townId.value = '';
        status.textContent = position.dataset.done;
      }, () => {
        status.textContent = position.dataset.failed;
      }, { enableHighAccuracy: false, maximumAge: 600000, timeout: 15000 });
    });
  }

  // A post's item fields only matter for an item: hide them otherwise (they stay in the page without script).
  const itemFields = document.querySelector('[data-item-fields]');
  if (itemFields) {
    const kinds = document.querySelectorAll('input[name="Input.Kind"]');
    const toggle = () => {
      itemFields.hidden = !document.querySelector('input[name="Input.Kind"][value="Item"]:checked');
    };
    kinds.forEach((kind) => kind.addEventListener('change', toggle));
    toggle();
  }
})();
