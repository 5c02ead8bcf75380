// A local storefront for tests and the demo: the Shopify Ajax cart, the Shopify Storefront
// API, the WooCommerce Store API and BigCommerce storefront carts, in memory, with cookie
// sessions, each store's own paths, bodies, status codes and error shapes, and switches to
// inject faults. Dependency-free Node: createStorefront() returns a (req, res) => handled
// handler. See README.md for the catalog, the control endpoints and the faults.
import { shopifyAjax } from './shopify.mjs';
import { storefrontApi } from './storefront-api.mjs';
import { woocommerce } from './woocommerce.mjs';
import { bigcommerce } from './bigcommerce.mjs';
import { CATALOG } from './catalog.mjs';

export const STORES = ['shopify', 'shopify-storefront', 'woocommerce', 'bigcommerce'];
const FAULTS = ['sold-out', 'quantity-limit', 'conflict', 'rate-limit', 'server-error', 'slow', 'timeout', 'drop', 'bad-body', 'expired-nonce', 'partial-422'];

const json = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
  return true;
};

function parseCookies(header = '') {
  return Object.fromEntries(header.split(/;\s*/).filter(Boolean).map((c) => {
    const i = c.indexOf('=');
    return [c.slice(0, i), decodeURIComponent(c.slice(i + 1))];
  }));
}

/** `a=1&properties[Key]=v&sections=x,y` → `{a: '1', properties: {Key: 'v'}, sections: 'x,y'}`. */
function parseForm(text) {
  const out = {};
  for (const [k, v] of new URLSearchParams(text)) {
    const m = k.match(/^(\w+)\[([^\]]*)\]$/);
    if (m) (out[m[1]] ??= {})[m[2]] = v;
    else out[k] = v;
  }
  return out;
}

/**
 * @param {{storefrontToken?: string, bigcommerceToken?: string, shopify422?: 'all-or-nothing' | 'partial', wooMinorUnit?: number, shopifyCurrency?: 'USD' | 'JPY'}} [options]
 */
export function createStorefront(options = {}) {
  const defaults = {
    storefrontToken: 'test-storefront-token',
    bigcommerceToken: 'test-bigcommerce-token',
    shopify422: 'all-or-nothing',
    wooMinorUnit: 2,
    shopifyCurrency: 'USD',
    ...options,
  };
  let settings, state, faults, log, seq;
  const reset = (overrides = {}) => {
    settings = { ...defaults, ...overrides };
    state = Object.fromEntries(STORES.map((s) => [s, {
      carts: {},
      sessions: {},
      stock: Object.fromEntries(CATALOG.flatMap((p) => p.variants.map((v) => [v.sku, v.stock]))),
    }]));
    faults = [];
    log = [];
    seq = 0;
  };
  reset();

  const modules = {
    shopify: shopifyAjax,
    'shopify-storefront': storefrontApi,
    woocommerce,
    bigcommerce,
  };

  async function control(req, res, url) {
    const body = req.method === 'POST' ? await readBody(req) : '';
    const data = body ? JSON.parse(body) : {};
    switch (`${req.method} ${url.pathname}`) {
      case 'GET /__store/state':
        return json(res, 200, Object.fromEntries(STORES.map((s) => [s, { carts: state[s].carts }])));
      case 'POST /__store/reset':
        reset(data);
        return json(res, 200, { ok: true, settings });
      case 'POST /__store/fault': {
        if (!STORES.includes(data.store) || !FAULTS.includes(data.fault)) {
          return json(res, 400, { error: `store must be one of ${STORES.join(', ')}; fault one of ${FAULTS.join(', ')}` });
        }
        faults.push({ times: 1, ...data });
        return json(res, 200, { ok: true, faults });
      }
      case 'GET /__store/log': {
        const store = url.searchParams.get('store');
        return json(res, 200, log.filter((e) => !store || e.store === store));
      }
      default:
        return json(res, 404, { error: 'unknown control endpoint' });
    }
  }

  /** The first armed fault for this store and request kind ('add' by default, or 'read', 'write', 'any'). */
  function takeFault(store, kind) {
    const f = faults.find((f) => f.store === store && f.times !== 0 && [kind, 'any'].includes(f.on ?? 'add'));
    if (!f) return undefined;
    f.times -= 1;
    return f;
  }

  return async function storefront(req, res) {
    const url = new URL(req.url, `http://${req.headers.host ?? 'localhost'}`);
    if (url.pathname.startsWith('/__store/')) return control(req, res, url);

    const raw = ['POST', 'PUT', 'DELETE'].includes(req.method) ? await readBody(req) : '';
    const type = req.headers['content-type'] ?? '';
    let body = null;
    try {
      body = !raw ? null : type.includes('json') ? JSON.parse(raw) : type.includes('form') ? parseForm(raw) : raw;
    } catch {
      body = undefined;
    }
    const cookies = parseCookies(req.headers.cookie);
    const setCookies = [];
    const ctx = {
      req, url, body, cookies, settings, log,
      method: req.method,
      path: url.pathname,
      origin: `http://${req.headers.host}`,
      header: (name) => req.headers[name.toLowerCase()],
      setCookie: (name, value) => setCookies.push(`${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax`),
      id: (prefix = '') => `${prefix}${(++seq).toString(36)}${Math.random().toString(36).slice(2, 8)}`,
      fault: undefined,
    };

    for (const [store, route] of Object.entries(modules)) {
      const match = route(ctx, state[store]);
      if (!match) continue;
      const entry = { store, method: req.method, path: url.pathname + url.search, body: body ?? raw, status: 0, aborted: false };
      log.push(entry);
      res.on('close', () => {
        if (!res.writableFinished) entry.aborted = true;
      });
      if (body === undefined) {
        entry.status = 400;
        return json(res, 400, { message: 'Malformed request body' });
      }
      ctx.fault = takeFault(store, match.kind);
      const f = ctx.fault?.fault;
      // Real stores do not roll back on disconnect: once a request has arrived it is applied,
      // whether or not the client is still there to read the answer.
      const closed = new Promise((resolve) => res.once('close', () => resolve(true)));
      if (f === 'slow') {
        // Answers (and commits) after delayMs; a client that gave up meanwhile still gets its change applied.
        await new Promise((resolve) => setTimeout(resolve, ctx.fault.delayMs ?? 1500));
      }
      if (f === 'timeout') {
        // Never answers. The change is applied after delayMs (default at once) unless `commit: false`
        // (the request never got processed); the connection stays open until the client gives up.
        if (ctx.fault.commit !== false) {
          await new Promise((resolve) => setTimeout(resolve, ctx.fault.delayMs ?? 0));
          await match.handle();
        }
        await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 60_000))]);
        if (!res.writableEnded) res.destroy();
        entry.status = -1;
        return true;
      }
      let answer;
      if (f === 'server-error') {
        answer = { status: 500, html: '<!DOCTYPE html><html><body><h1>Internal Server Error</h1><p>Something went wrong.</p></body></html>' };
      } else if ((f === 'conflict' || f === 'rate-limit') && match.fault) {
        answer = match.fault(f) ?? undefined;
      }
      answer ??= await match.handle();
      if (f === 'bad-body' && answer.status < 300) {
        // Applied, but the 200 carries a body the client does not expect (a proxy, a plugin).
        answer = { status: 200, body: { ok: true } };
      }
      if (res.destroyed || res.writableEnded) {
        entry.status = answer.status;
        entry.aborted = true;
        return true; // applied; nobody left to answer
      }
      if (f === 'drop') {
        // The change is applied but the answer is cut off mid-body. (Closing the socket before
        // any byte makes Chromium resend the request on a reused keep-alive connection — POST
        // included — so a store would see the add twice; the cut-off answer is not resent.)
        entry.status = -1;
        const cookies = setCookies.length ? { 'set-cookie': setCookies } : {};
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096', ...cookies });
        res.write('{"items":[');
        setTimeout(() => res.destroy(), 20);
        return true;
      }
      entry.status = answer.status;
      const headers = { 'cache-control': 'no-store', ...answer.headers };
      if (setCookies.length) headers['set-cookie'] = setCookies;
      if (answer.redirect) {
        res.writeHead(answer.status, { ...headers, location: answer.redirect }).end();
      } else if (answer.html !== undefined) {
        res.writeHead(answer.status, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(answer.html);
      } else {
        res.writeHead(answer.status, { ...headers, 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(answer.body));
      }
      return true;
    }
    return false;
  };
}

async function readBody(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text;
}
