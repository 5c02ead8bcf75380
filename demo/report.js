// The show report: the events the demo's beacon endpoint (/collect) received, per show, as a
// funnel (inline SVG, no library) with the add rate per product and per cue. The same numbers
// from GA4 and from orders: docs/analytics.md.

/** The funnel's steps and the events that count for each. */
export const STEPS = [
  ['Views', ['sv-video-start', 'sv-live-join']],
  ['Product impressions', ['sv-product-impression']],
  ['Product clicks', ['sv-product-click']],
  ['Add to cart requested', ['sv-cart-add-request']],
  ['Add to cart succeeded', ['sv-cart-add']],
  ['Checkout started', ['sv-checkout']],
];

/** Per show: step counts, and impressions/adds per product and per cue. */
export function summarize(events) {
  const shows = new Map();
  for (const e of events) {
    if (!e || typeof e.type !== 'string') continue;
    const id = typeof e.showId === 'string' && e.showId ? e.showId : '(no show id)';
    let s = shows.get(id);
    if (!s) shows.set(id, (s = { id, steps: STEPS.map(() => 0), products: new Map(), cues: new Map() }));
    STEPS.forEach(([, types], i) => types.includes(e.type) && s.steps[i]++);
    for (const [map, key, name] of [[s.products, e.productId, e.productName], [s.cues, e.cueId, e.cueId]]) {
      if (typeof key !== 'string' || !key) continue;
      const row = map.get(key) ?? { key, name: typeof name === 'string' ? name : key, impressions: 0, adds: 0 };
      if (e.type === 'sv-product-impression') row.impressions++;
      if (e.type === 'sv-cart-add') row.adds++;
      map.set(key, row);
    }
  }
  return [...shows.values()];
}

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const rate = (r) => (r.impressions ? `${Math.round((100 * r.adds) / r.impressions)} %` : '—');

/** One show's funnel as an inline SVG bar chart (labelled for screen readers by its table). */
function chart(s, i) {
  const max = Math.max(1, ...s.steps);
  const row = 34;
  const bars = s.steps
    .map((n, j) => {
      const w = Math.round((n / max) * 300);
      return `<text x="0" y="${j * row + 21}">${esc(STEPS[j][0])}</text>
        <rect x="190" y="${j * row + 6}" width="${Math.max(w, 1)}" height="22" rx="3" fill="#2f5d8a"></rect>
        <text x="${196 + w}" y="${j * row + 22}">${n}</text>`;
    })
    .join('');
  return `<svg viewBox="0 0 560 ${STEPS.length * row}" role="img" aria-labelledby="funnel-${i}" font-size="13" fill="#1d1d1f">${bars}</svg>`;
}

function table(caption, rows, head) {
  if (!rows.length) return '';
  return `<table><caption>${esc(caption)}</caption>
    <thead><tr><th scope="col">${esc(head)}</th><th scope="col">Impressions</th><th scope="col">Adds</th><th scope="col">Add rate</th></tr></thead>
    <tbody>${rows.map((r) => `<tr><th scope="row">${esc(r.name)}</th><td>${r.impressions}</td><td>${r.adds}</td><td>${rate(r)}</td></tr>`).join('')}</tbody></table>`;
}

/** Renders the report of `events` into `root`. */
export function renderReport(root, events) {
  const shows = summarize(events);
  if (!shows.length) {
    root.innerHTML = '<p>No events yet. Allow analytics on the <a href="/">demo page</a>, watch a show and add something to the cart; then reload this page.</p>';
    return;
  }
  root.innerHTML = shows
    .map((s, i) => `<section aria-labelledby="show-${i}">
      <h2 id="show-${i}">Show ${esc(s.id)}</h2>
      <p id="funnel-${i}">Funnel of ${esc(s.id)}: ${STEPS.map(([label], j) => `${label} ${s.steps[j]}`).join(', ')}.</p>
      ${chart(s, i)}
      ${table('Add rate per product', [...s.products.values()], 'Product')}
      ${table('Add rate per cue', [...s.cues.values()], 'Cue')}
    </section>`)
    .join('');
}

/** The page: reads everything the endpoint kept. */
export async function main(root = document.getElementById('report'), url = '/collect') {
  const res = await fetch(url, { cache: 'no-store' });
  const { requests } = await res.json();
  renderReport(root, requests.flatMap((r) => r.events));
}
