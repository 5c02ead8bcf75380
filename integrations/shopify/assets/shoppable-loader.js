/*
 * shoppable-video loader for Shopify themes (theme app extension asset).
 * Shopify recommends at most 10 KB compressed per JavaScript asset of an extension, and the
 * app embed is on every page: this loader costs a page about 1 KB, and loads the SDK
 * (shoppable-video.js, beside this file in the extension's assets, with its lazy chunks) only
 * once a <shoppable-video> is on the page — at load, or later (the theme editor re-renders
 * sections, themes add content). It also applies the app embed's settings:
 *  - players without a `checkout` attribute sell through the theme's cart (`shopify`);
 *  - after an add: leave it to the theme, open the cart, go to the cart page or to checkout.
 * Runs once per page however many blocks include it. Plain script, no build step.
 */
(function () {
  'use strict';
  var w = window;
  var doc = document;
  if (w.__shoppableVideoLoader) return;
  var me = doc.currentScript;
  var sdk;
  try {
    sdk = new URL('shoppable-video.js', (me && me.src) || location.href).href;
  } catch (e) {
    sdk = 'shoppable-video.js'; // the script's src is no hierarchical URL (blob:): beside the page
  }
  var loaded = false;
  var config = {};
  var node = doc.getElementById('shoppable-video-settings');
  if (node) {
    try {
      config = JSON.parse(node.textContent || '{}') || {};
    } catch (e) {
      console.warn('shoppable-video: the app embed settings are not valid JSON; using the defaults.');
    }
  }
  w.__shoppableVideoLoader = { sdk: sdk, config: config };

  var root = function () {
    var r = w.Shopify && w.Shopify.routes && w.Shopify.routes.root;
    return typeof r === 'string' && r.charAt(r.length - 1) === '/' ? r : '/';
  };

  /** Every player of the page sells through the theme's cart unless it says otherwise. */
  function adopt(players) {
    for (var i = 0; i < players.length; i++) {
      if (!players[i].hasAttribute('checkout')) players[i].setAttribute('checkout', 'shopify');
    }
  }

  function load() {
    if (loaded) return;
    loaded = true;
    var s = doc.createElement('script');
    s.type = 'module';
    s.src = sdk;
    s.onerror = function () {
      // As the SDK reports its own failures: one console line, one sv-error on each player.
      var message = 'The video player could not be downloaded from ' + sdk + '. (Developers: run `npm run shopify:assets` before deploying the extension.)';
      console.error('[shoppable-video] SDK_LOAD_FAILED: ' + message);
      var players = doc.getElementsByTagName('shoppable-video');
      for (var i = 0; i < players.length; i++) {
        players[i].dispatchEvent(new CustomEvent('sv-error', {
          bubbles: true,
          composed: true,
          detail: { source: 'config', code: 'SDK_LOAD_FAILED', message: message, fatal: true, data: { url: sdk } },
        }));
      }
    };
    doc.head.appendChild(s);
  }

  function scan() {
    var players = doc.getElementsByTagName('shoppable-video');
    if (!players.length) return false;
    adopt(players);
    load();
    return true;
  }

  scan();
  // Keep watching: sections re-rendered by the theme editor, or added by the theme, bring players.
  new MutationObserver(function (records) {
    for (var i = 0; i < records.length; i++) {
      if (records[i].addedNodes.length) {
        scan();
        return;
      }
    }
  }).observe(doc.documentElement, { childList: true, subtree: true });

  doc.addEventListener('sv-cart-add', function (event) {
    var after = config.afterAdd;
    var player = event.target;
    if (after === 'open_cart' && player && player.flow) player.flow.openCart();
    else if (after === 'cart_page') location.assign(config.cartUrl || root() + 'cart');
    else if (after === 'checkout') location.assign(root() + 'checkout');
  });
})();
