/// <reference types="node" />
/**
 * Node glue for the pin service (Node only; the handler itself is runtime-neutral):
 * `node:http` ↔ Request/Response, and a JSON-file pin store with atomic writes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { Pin } from './pins.js';
import { pinOps, type AddResult, type PinStore } from './store.js';

export interface NodeAdapterOptions {
  /** Only requests under this path prefix are handled (prefix stripped); others return false. */
  prefix?: string;
  /** Request bodies are read up to this many bytes plus one; default 65536. */
  maxBodyBytes?: number;
}

/** Reads at most `max` bytes of a request body, then stops reading. */
async function readUpTo(req: IncomingMessage, max: number): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= max) break;
  }
  const all = Buffer.concat(chunks).subarray(0, max);
  return new Uint8Array(all.buffer.slice(all.byteOffset, all.byteOffset + all.length)) as Uint8Array<ArrayBuffer>;
}

/**
 * Wraps a fetch handler as a Node request listener. Resolves true when it answered, false when
 * the path is outside `prefix` (so it can sit in a middleware chain).
 */
export function toNodeListener(handler: (request: Request) => Promise<Response>, { prefix = '', maxBodyBytes = 65_536 }: NodeAdapterOptions = {}) {
  const base = prefix.replace(/\/+$/, '');
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const raw = req.url ?? '/';
    if (base && raw !== base && !raw.startsWith(base + '/') && !raw.startsWith(base + '?')) return false;
    const path = raw.slice(base.length) || '/';
    const url = new URL(path.startsWith('/') ? path : '/' + path, `http://${req.headers.host ?? 'localhost'}`);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (v === undefined || k.startsWith(':')) continue;
      if (Array.isArray(v)) v.forEach((x) => headers.append(k, x));
      else headers.set(k, v);
    }
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    // The body is buffered here, up to `maxBodyBytes` + 1 (the handler answers 413 beyond its
    // cap): a streamed body breaks under servers that touch the request first (Koa).
    const body = hasBody ? await readUpTo(req, maxBodyBytes + 1) : null;
    const request = new Request(url, { method: req.method ?? 'GET', headers, body });
    let response: Response;
    try {
      response = await handler(request);
    } catch (e) {
      console.error(`[shoppable-video pins] ${String(e).slice(0, 200)}`);
      response = new Response(JSON.stringify({ error: { code: 'INTERNAL', message: 'The pin service failed on this request.' } }), {
        status: 500,
        headers: { 'content-type': 'application/json' },
      });
    }
    const out: Record<string, string | string[]> = {};
    response.headers.forEach((v, k) => (out[k] = v));
    res.writeHead(response.status, out);
    if (!response.body || req.method === 'HEAD') {
      res.end();
      return true;
    }
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
      }
      res.end();
    } catch {
      res.destroy();
    }
    return true;
  };
}

/**
 * Pins in a JSON file: survives restarts of the Node CLI. Writes go one at a time, each to a
 * temporary file that is then renamed over the old one, so a crash never leaves half a file.
 * One process per file (the CLI); for several processes or the edge use a shared store.
 */
export class FilePinStore implements PinStore {
  readonly #path: string;
  #pins: Map<string, Pin> | undefined;
  #loading: Promise<Map<string, Pin>> | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(path: string) {
    this.#path = path;
  }

  async #load(): Promise<Map<string, Pin>> {
    if (this.#pins) return this.#pins;
    this.#loading ??= (async () => {
      let list: Pin[] = [];
      try {
        const parsed = JSON.parse(await readFile(this.#path, 'utf8')) as { pins?: Pin[] };
        if (Array.isArray(parsed.pins)) list = parsed.pins;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read the pin file ${this.#path}: ${String(e)}`);
      }
      this.#pins = new Map(list.map((p) => [p.id, p]));
      return this.#pins;
    })();
    return this.#loading;
  }

  /** Runs one change at a time and persists it before the next starts. */
  #change<T>(apply: (pins: Map<string, Pin>) => { result: T; changed: boolean }): Promise<T> {
    const run = this.#queue.then(async () => {
      const pins = await this.#load();
      const { result, changed } = apply(pins);
      if (changed) {
        const tmp = `${this.#path}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify({ pins: [...pins.values()] }));
        await rename(tmp, this.#path);
      }
      return result;
    });
    this.#queue = run.catch(() => {});
    return run;
  }

  async list(): Promise<Pin[]> {
    await this.#queue;
    return [...(await this.#load()).values()];
  }
  add(pin: Pin, maxOpen: number, now: number): Promise<AddResult> {
    return this.#change((pins) => {
      const result = pinOps.add(pins, pin, maxOpen, now);
      return { result, changed: result === 'added' };
    });
  }
  end(id: string, at: number): Promise<Pin | undefined> {
    return this.#change((pins) => {
      const before = pins.get(id);
      const result = pinOps.end(pins, id, at);
      return { result, changed: !!result && result !== before };
    });
  }
  prune(before: number): Promise<number> {
    return this.#change((pins) => {
      const n = pinOps.prune(pins, before).length;
      return { result: n, changed: n > 0 };
    });
  }
}
