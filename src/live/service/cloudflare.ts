/**
 * The pin service on Cloudflare Workers. The Worker runs the same fetch handler; pins live in a
 * Durable Object, not in KV: a Durable Object runs one request at a time per show, so 50 pins
 * posted at once all land and an END-DATE never races its pin, and its storage is strongly
 * consistent, so every edge sees a pin as soon as POST answers. KV is eventually consistent
 * (up to 60 s between locations) and last-write-wins on a key, which would lose or delay pins.
 *
 * wrangler.toml (see docs/live.md):
 *   main = "node_modules/shoppable-video/dist/live/service/cloudflare.js"
 *   [vars] UPSTREAM = "https://origin.example.com/live/"
 *   secret PIN_TOKEN (wrangler secret put PIN_TOKEN)
 *   [[durable_objects.bindings]] name = "PINS", class_name = "PinStoreObject"
 *   [[migrations]] tag = "v1", new_classes = ["PinStoreObject"]   (new_sqlite_classes on the free plan)
 */
import { createPinService, type PinServiceHandler } from './handler.js';
import type { Pin } from './pins.js';
import { pinOps, type AddResult, type PinStore } from './store.js';

// The few Workers types we use, declared here so the package does not depend on workers-types.
interface DurableObjectStorage {
  get<T>(key: string): Promise<T | undefined>;
  list<T>(options: { prefix: string }): Promise<Map<string, T>>;
  put<T>(key: string, value: T): Promise<void>;
  delete(keys: string[]): Promise<number>;
}
interface DurableObjectState {
  storage: DurableObjectStorage;
  blockConcurrencyWhile<T>(fn: () => Promise<T>): Promise<T>;
}
interface DurableObjectStub {
  fetch(input: string, init?: RequestInit): Promise<Response>;
}
interface DurableObjectNamespace {
  idFromName(name: string): unknown;
  get(id: unknown): DurableObjectStub;
}

export interface PinServiceEnv {
  /** Base URL of the packager's origin. */
  UPSTREAM: string;
  /** The bearer token (a secret). */
  PIN_TOKEN: string;
  /** The Durable Object namespace bound to `PinStoreObject`. */
  PINS: DurableObjectNamespace;
  /** Optional: comma-separated origins allowed by CORS (default `*`). */
  ALLOW_ORIGIN?: string;
  /** Optional: the pin API rate limit per token, `<requests>/<seconds>`; default `120/60`. */
  RATE_LIMIT?: string;
  /** Optional: which show's pins (one Durable Object per name); default `pins`. */
  SHOW?: string;
  /** Optional: console page script URL, show and preview stream. */
  CONSOLE_SCRIPT?: string;
  CONSOLE_SHOW?: string;
  CONSOLE_SRC?: string;
}

/** The Durable Object that holds one show's pins (one key per pin). */
export class PinStoreObject {
  readonly #state: DurableObjectState;
  #pins = new Map<string, Pin>();

  constructor(state: DurableObjectState) {
    this.#state = state;
    void state.blockConcurrencyWhile(async () => {
      const stored = await state.storage.list<Pin>({ prefix: 'pin:' });
      this.#pins = new Map([...stored.values()].map((p) => [p.id, p]));
    });
  }

  async fetch(request: Request): Promise<Response> {
    const op = new URL(request.url).pathname.slice(1);
    const args = request.method === 'POST' ? ((await request.json()) as Record<string, unknown>) : {};
    const storage = this.#state.storage;
    let result: unknown;
    if (op === 'list') result = [...this.#pins.values()];
    else if (op === 'add') {
      const pin = args.pin as Pin;
      result = pinOps.add(this.#pins, pin, Number(args.maxOpen), Number(args.now));
      if (result === 'added') await storage.put(`pin:${pin.id}`, pin);
    } else if (op === 'end') {
      const before = this.#pins.get(String(args.id));
      const pin = pinOps.end(this.#pins, String(args.id), Number(args.at));
      if (pin && pin !== before) await storage.put(`pin:${pin.id}`, pin);
      result = pin ?? null;
    } else if (op === 'prune') {
      const dropped = pinOps.prune(this.#pins, Number(args.before));
      if (dropped.length) await storage.delete(dropped.map((id) => `pin:${id}`));
      result = dropped.length;
    } else return new Response('unknown operation', { status: 404 });
    return Response.json(result);
  }
}

/**
 * A PinStore that talks to the PinStoreObject named `name`. A stub is an I/O object of the
 * request that made it, so each call gets its own (cheap: no network round trip to create).
 */
export class DurableObjectPinStore implements PinStore {
  readonly #ns: DurableObjectNamespace;
  readonly #name: string;
  constructor(ns: DurableObjectNamespace, name = 'pins') {
    this.#ns = ns;
    this.#name = name;
  }
  async #call<T>(op: string, args?: unknown): Promise<T> {
    const stub = this.#ns.get(this.#ns.idFromName(this.#name));
    const res = await stub.fetch(`https://pins/${op}`, args === undefined ? {} : { method: 'POST', body: JSON.stringify(args) });
    if (!res.ok) throw new Error(`pin store ${op}: HTTP ${res.status}`);
    return (await res.json()) as T;
  }
  list(): Promise<Pin[]> {
    return this.#call('list');
  }
  add(pin: Pin, maxOpen: number, now: number): Promise<AddResult> {
    return this.#call('add', { pin, maxOpen, now });
  }
  async end(id: string, at: number): Promise<Pin | undefined> {
    return (await this.#call<Pin | null>('end', { id, at })) ?? undefined;
  }
  prune(before: number): Promise<number> {
    return this.#call('prune', { before });
  }
}

let cached: { env: PinServiceEnv; handler: PinServiceHandler } | undefined;

/** The Worker: one handler per isolate (its rate-limit counters are per isolate). */
export default {
  fetch(request: Request, env: PinServiceEnv): Promise<Response> {
    if (!cached || cached.env !== env) {
      const rate = /^(\d+)\/(\d+)$/.exec(env.RATE_LIMIT ?? '');
      const origins = env.ALLOW_ORIGIN?.split(',').map((s) => s.trim()).filter(Boolean);
      cached = {
        env,
        handler: createPinService({
          upstream: env.UPSTREAM,
          token: env.PIN_TOKEN,
          store: new DurableObjectPinStore(env.PINS, env.SHOW || 'pins'),
          allowOrigin: origins?.length ? origins : '*',
          ...(rate ? { rateLimit: { max: Number(rate[1]), windowMs: Number(rate[2]) * 1000 } } : {}),
          console: { scriptUrl: env.CONSOLE_SCRIPT, show: env.CONSOLE_SHOW, src: env.CONSOLE_SRC },
        }),
      };
    }
    return cached.handler(request);
  },
};
