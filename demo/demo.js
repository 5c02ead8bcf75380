// Wires the demo page to the local storefront the way a merchant's theme would.
const params = new URLSearchParams(location.search);
const store = params.get('store') || 'shopify';
const select = document.getElementById('store');
select.value = store;
select.addEventListener('change', () => (location.search = `?store=${select.value}`));

// What each platform prints into its pages (see docs/checkout-adapters.md).
if (store === 'shopify') window.Shopify = { routes: { root: '/' } };
if (store === 'woocommerce') {
  const res = await fetch('/wp-json/wc/store/v1/cart');
  window.wcBlocksMiddlewareConfig = { storeApiNonce: res.headers.get('Nonce') };
}

const players = document.querySelectorAll('shoppable-video, shoppable-feed');
for (const player of players) {
  player.setAttribute('checkout', store);
  // The demo's stand-in for the store's checkout page: what the store's server holds.
  player.setAttribute('checkout-url', '/demo/cart.html');
  player.setAttribute('cart-url', '/demo/cart.html');
  if (store === 'shopify-storefront') {
    player.setAttribute('shop', location.origin);
    player.setAttribute('storefront-token', 'test-storefront-token');
  }
  if (store === 'bigcommerce') player.setAttribute('storefront-token', 'test-bigcommerce-token');
  // Analytics to the demo's own endpoint (read by /demo/report.html), only with consent.
  if (player.localName === 'shoppable-video') player.setAttribute('analytics-beacon', '/collect');
}

// The demo's consent banner in one checkbox: nothing is sent until it is ticked, and unticking stops it.
const consent = document.getElementById('consent');
const applyConsent = () => {
  for (const player of document.querySelectorAll('shoppable-video')) player.setAttribute('analytics-consent', consent.checked ? 'granted' : 'denied');
};
consent.addEventListener('change', applyConsent);
applyConsent();

// The events adapter: this page's own code answers the add-to-cart request.
if (store === 'events') {
  const cart = { itemCount: 0, lines: [], total: 0, currency: 'USD' };
  document.addEventListener('sv-get-cart', (e) => e.detail.respondWith({ ...cart }));
  document.addEventListener('sv-add-to-cart', (e) => {
    e.detail.respondWith(
      new Promise((resolve) => setTimeout(() => {
        for (const l of e.detail.lines) {
          cart.itemCount += l.quantity;
          cart.total += (l.variant?.price ?? l.product.price ?? 0) * l.quantity;
        }
        resolve({ ...cart });
      }, 300)),
    );
  });
}

const log = document.getElementById('log');
const write = (text) => {
  const line = document.createElement('div');
  line.textContent = `${new Date().toLocaleTimeString()}  ${text}`;
  log.prepend(line);
};
for (const type of ['sv-video-start', 'sv-product-impression', 'sv-product-click', 'sv-card-open', 'sv-variant-change', 'sv-cart-add-request', 'sv-cart-add', 'sv-cart-error', 'sv-checkout', 'sv-error']) {
  document.addEventListener(type, (e) => {
    const d = e.detail ?? {};
    write(`${type} ${d.productId ?? d.code ?? ''} ${d.message ?? ''}`.trim());
    if (type === 'sv-cart-add' && d.cart) document.getElementById('cart-count').textContent = d.cart.itemCount;
  });
}
