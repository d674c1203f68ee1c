// The map of /outings: one marker per outing of the list, at its coarse position (from the cards' data attributes).
// Loaded on that page only, after Leaflet. Without JavaScript the list alone does the job.
(() => {
  'use strict';
  const container = document.getElementById('outings-map');
  if (!container || typeof L === 'undefined') return;
  const cards = [...document.querySelectorAll('.outing-card[data-lat][data-lon]')];
  if (cards.length === 0) return;

  container.hidden = false;
  const map = L.map(container, { scrollWheelZoom: false });
  L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
    maxZoom: 18,
    attribution: '<a href="https://www.openstreetmap.org/copyright">' + container.dataset.attribution.replace(/[<>&"]/g, '') + '</a>',
  }).addTo(map);

  // Several dates of one outing share a place: one marker, whose popup links to each.
  const places = new Map();
  for (const card of cards) {
    const key = card.dataset.lat + ',' + card.dataset.lon;
    if (!places.has(key)) places.set(key, { lat: +card.dataset.lat, lon: +card.dataset.lon, cards: [] });
    places.get(key).cards.push(card);
  }

  const bounds = [];
  for (const place of places.values()) {
    const popup = document.createElement('ul');
    popup.className = 'map-popup';
    for (const card of place.cards) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = card.dataset.url;
      link.textContent = card.dataset.title;
      const when = card.querySelector('time');
      item.append(link);
      if (when) item.append(document.createElement('br'), when.textContent);
      popup.append(item);
    }
    L.marker([place.lat, place.lon], { title: place.cards[0].dataset.title, alt: place.cards[0].dataset.title })
      .bindPopup(popup)
      .addTo(map);
    bounds.push([place.lat, place.lon]);
  }

  map.fitBounds(bounds, { padding: [30, 30], maxZoom: 13 });
})();
