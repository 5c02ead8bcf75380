// A property-based soak: random sequences of add / double click / retry / fault (500, 429,
// timeout, dropped answer, slow commit, throwing theme hook) / teardown, against each test
// store through the real adapters and CartFlow. After every sequence the store's cart holds
// exactly what the shopper was told succeeded, plus at most what was not confirmed (errors
// after a lost answer, 'uncertain', aborted by teardown); no card is ever left busy.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { CartFlow } from '../../src/commerce/cart-flow.js';
import { loadAdapter } from '../../src/commerce/registry.js';
import type { CheckoutAdapter } from '../../src/commerce/types.js';
import { PRODUCTS, configFor, fault, line, preparePage, requestLog, resetStore, serverLines, type Store } from './store.js';
import { until } from '../helpers.js';

const STORES: Store[] = ['shopify', 'shopify-storefront', 'woocommerce', 'bigcommerce'];
const RUNS = 250; // sequences per store: 1,000 in all
const TIMEOUT_MS = 200;
const SETTLE_MS = 60;

type Key = 'serum' | 'hoops' | 'shirt';
const IDS: Record<Key, Record<Store, string>> = {
  serum: { shopify: '44012345679040', 'shopify-storefront': '44012345679040', woocommerce: '1533', bigcommerce: '245' },
  hoops: { shopify: '44012345679100', 'shopify-storefront': '44012345679100', woocommerce: '1535', bigcommerce: '255' },
  shirt: { shopify: '44012345678902', 'shopify-storefront': '44012345678902', woocommerce: '1542', bigcommerce: '232' },
};
const lineOf = (k: Key, q: number) => (k === 'shirt' ? line(PRODUCTS.overshirt, q, 0) : line(k === 'serum' ? PRODUCTS.serum : PRODUCTS.hoops, q));

type Step =
  | { kind: 'add'; key: Key; qty: number }
  | { kind: 'double'; key: Key; qty: number }
  | { kind: 'pair'; a: Key; b: Key }
  | { kind: 'retry'; key: Key }
  | { kind: 'fault'; fault: 'server-error' | 'rate-limit' | 'timeout' | 'drop' | 'slow' | 'read-500' }
  | { kind: 'hook' }
  | { kind: 'teardown'; key: Key; qty: number };

const key = fc.constantFrom<Key>('serum', 'hoops', 'shirt');
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), key, qty: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('double' as const), key, qty: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ kind: fc.constant('pair' as const), a: key, b: key }),
  fc.record({ kind: fc.constant('retry' as const), key }),
  fc.record({ kind: fc.constant('fault' as const), fault: fc.constantFrom('server-error', 'rate-limit', 'timeout', 'drop', 'slow', 'read-500') }),
  fc.record({ kind: fc.constant('hook' as const) }),
  fc.record({ kind: fc.constant('teardown' as const), key, qty: fc.integer({ min: 1, max: 2 }) }),
);

/**
 * One add intent on a card: confirmed (told success) or not; `lost` counts units sent in
 * attempts whose answer was lost (they may have landed, possibly in a cart the shopper never
 * got the id of: a cartCreate whose answer was lost leaves an orphan cart on the store).
 */
interface Intent { key: Key; qty: number; told: boolean; lost: number }

for (const store of STORES) {
  describe(`soak: ${store}`, function () {
    this.timeout(300_000);
    it(`${RUNS} random sequences keep the cart exactly as the shopper was told`, async () => {
      let sequences = 0;
      let steps = 0;
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (seq) => {
          sequences++;
          steps += seq.length;
          await resetStore();
          await preparePage(store);
          let throwHook = false;
          const make = async () => {
            const real = await loadAdapter(store, { ...configFor(store), timeoutMs: TIMEOUT_MS });
            if (!real.ok) throw new Error(real.error.message);
            const a = real.value;
            const adapter: CheckoutAdapter = {
              ...a,
              name: a.name,
              notifyCartChanged: (c) => {
                if (throwHook) throw new Error('theme hook broke');
                a.notifyCartChanged?.(c);
              },
            };
            const flow = new CartFlow({ adapter, settleMs: SETTLE_MS });
            await flow.refresh();
            return flow;
          };
          let flow = await make();
          const intents: Intent[] = [];
          const open = new Map<Key, Intent>();
          const settle = (k: Key, ok: boolean) => {
            const intent = open.get(k);
            if (!intent) return;
            if (!ok) intent.lost += intent.qty;
            if (ok) {
              intent.told = true;
              open.delete(k);
            } else if (flow.state(k).status !== 'error' || !flow.state(k).error?.retryable) {
              open.delete(k); // uncertain or a definite refusal: stays unconfirmed
            }
          };
          const add = async (k: Key, qty: number) => {
            const intent: Intent = { key: k, qty, told: false, lost: 0 };
            intents.push(intent);
            open.set(k, intent);
            const res = await flow.add(k, lineOf(k, qty));
            settle(k, res.ok);
          };
          for (const s of seq) {
            if (s.kind === 'add') await add(s.key, s.qty);
            else if (s.kind === 'double') {
              const intent: Intent = { key: s.key, qty: s.qty, told: false, lost: 0 };
              intents.push(intent);
              open.set(s.key, intent);
              const [a, b] = [flow.add(s.key, lineOf(s.key, s.qty)), flow.add(s.key, lineOf(s.key, s.qty))];
              expect(a).to.equal(b);
              settle(s.key, (await a).ok);
            } else if (s.kind === 'pair') {
              if (s.a === s.b) await add(s.a, 1);
              else await Promise.all([add(s.a, 1), add(s.b, 1)]);
            } else if (s.kind === 'retry') {
              if (!open.has(s.key)) continue;
              const res = await flow.retry(s.key);
              settle(s.key, res.ok);
            } else if (s.kind === 'fault') {
              if (s.fault === 'read-500') await fault(store, 'server-error', { on: 'read' });
              else if (s.fault === 'slow') await fault(store, 'slow', { delayMs: TIMEOUT_MS + SETTLE_MS / 2 });
              else await fault(store, s.fault);
            } else if (s.kind === 'hook') {
              throwHook = !throwHook;
            } else {
              // The element is removed mid-add: ABORTED, and whatever the store commits is unconfirmed.
              intents.push({ key: s.key, qty: s.qty, told: false, lost: s.qty });
              const pending = flow.add(s.key, lineOf(s.key, s.qty));
              flow.dispose();
              expect((await pending).ok).to.equal(false);
              open.clear();
              flow = await make();
            }
            for (const k of ['serum', 'hoops', 'shirt'] as Key[]) expect(flow.state(k).status, `${k} after ${s.kind}`).to.not.equal('busy');
          }
          // Let the store finish what it is still committing (abandoned or slow requests).
          await until(async () => (await requestLog(store)).every((e) => e.status !== 0), 'the store to settle', 5000);
          // The shopper's own cart (the session, cookie or stored id the page holds), as the store has it.
          const reader = await loadAdapter(store, configFor(store));
          const mine = reader.ok && reader.value.getCart ? await reader.value.getCart({ signal: new AbortController().signal }) : undefined;
          expect(mine?.ok, 'the shopper’s cart can be read').to.equal(true);
          const shopperLines = mine && mine.ok ? mine.value.lines : [];
          const lines = await serverLines(store);
          const tail = (id?: string) => id?.split('?')[0]?.split('/').pop();
          for (const k of ['serum', 'hoops', 'shirt'] as Key[]) {
            const told = intents.filter((i) => i.key === k && i.told).reduce((n, i) => n + i.qty, 0);
            const unsure = intents.filter((i) => i.key === k && !i.told).reduce((n, i) => n + i.qty, 0);
            const lost = intents.filter((i) => i.key === k).reduce((n, i) => n + i.lost, 0);
            const where = `${k}: told ${told}, unconfirmed ${unsure}, lost answers ${lost}, steps ${JSON.stringify(seq)}`;
            // In the shopper's cart: exactly what was confirmed, plus at most what never was.
            const inMine = shopperLines.filter((l) => tail(l.variantId) === IDS[k][store]).reduce((n, l) => n + l.quantity, 0);
            expect(inMine, `shopper's cart, ${where}`).to.be.within(told, told + unsure);
            // In every cart of the store (orphans of lost creates included): never more than was sent.
            const everywhere = lines.filter((l) => l.variantId === IDS[k][store]).reduce((n, l) => n + l.quantity, 0);
            expect(everywhere, `all carts, ${where}`).to.be.within(told, told + unsure + lost);
          }
          flow.dispose();
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      console.log(`soak ${store}: ${sequences} sequences, ${steps} steps in ${Math.round(performance.now() - started)} ms`);
    });
  });
}
