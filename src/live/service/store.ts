/**
 * Where pins live. The handler talks to this interface only, so the same handler runs with an
 * in-memory store (tests, one process), a JSON file (Node CLI, `file-store.ts`) or a Durable
 * Object (Cloudflare, `cloudflare.ts`).
 */
import { endPin, pinEndsAt, type Pin } from './pins.js';

export type AddResult = 'added' | 'exists' | 'full';

export interface PinStore {
  /** Every stored pin (open and recently ended). */
  list(): Promise<Pin[]>;
  /** Adds a pin unless its id exists or `maxOpen` pins are already open at `now`. */
  add(pin: Pin, maxOpen: number, now: number): Promise<AddResult>;
  /** Ends the pin at `at` (ms): see `endPin`. Undefined when there is no such pin. */
  end(id: string, at: number): Promise<Pin | undefined>;
  /** Drops pins that ended before `before` (ms); returns how many. */
  prune(before: number): Promise<number>;
}

/** The store operations as pure functions over a Map, shared by every store. */
export const pinOps = {
  add(pins: Map<string, Pin>, pin: Pin, maxOpen: number, now: number): AddResult {
    if (pins.has(pin.id)) return 'exists';
    let open = 0;
    for (const p of pins.values()) {
      const end = pinEndsAt(p);
      if (end === undefined || end > now) open++;
    }
    if (open >= maxOpen) return 'full';
    pins.set(pin.id, pin);
    return 'added';
  },
  end(pins: Map<string, Pin>, id: string, at: number): Pin | undefined {
    const pin = pins.get(id);
    if (!pin) return undefined;
    const ended = endPin(pin, at);
    pins.set(id, ended);
    return ended;
  },
  prune(pins: Map<string, Pin>, before: number): string[] {
    const dropped: string[] = [];
    for (const [id, p] of pins) {
      const end = pinEndsAt(p);
      if (end !== undefined && end < before) dropped.push(id);
    }
    for (const id of dropped) pins.delete(id);
    return dropped;
  },
};

/** Pins in this process's memory: tests, and a single Node process that may lose pins on restart. */
export class MemoryPinStore implements PinStore {
  readonly #pins = new Map<string, Pin>();

  async list(): Promise<Pin[]> {
    return [...this.#pins.values()];
  }
  async add(pin: Pin, maxOpen: number, now: number): Promise<AddResult> {
    return pinOps.add(this.#pins, pin, maxOpen, now);
  }
  async end(id: string, at: number): Promise<Pin | undefined> {
    return pinOps.end(this.#pins, id, at);
  }
  async prune(before: number): Promise<number> {
    return pinOps.prune(this.#pins, before).length;
  }
}
