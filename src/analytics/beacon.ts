/**
 * The beacon sink (sinks chunk): events queue in memory and leave in batches by
 * `navigator.sendBeacon` — when a batch is full, and on `pagehide` or when the page is
 * hidden. Each request is at most {@link MAX_BATCH_BYTES} and {@link MAX_BATCH_EVENTS}
 * events; the queue keeps at most {@link MAX_QUEUE} (the oldest go first). The body is
 * `{"events":[…]}` as text/plain, so a cross-origin endpoint needs no CORS preflight.
 */
export const MAX_BATCH_EVENTS = 25;
export const MAX_BATCH_BYTES = 16_000;
export const MAX_QUEUE = 500;
/** After the browser refused a beacon (too much in flight), the next try. */
const RETRY_MS = 1000;

export class BeaconQueue {
  /** JSON of each event and its size in bytes. */
  private queue: { json: string; bytes: number }[] = [];
  private readonly encoder = new TextEncoder();
  private listening = false;
  private retry = 0;

  /** `allowed` is asked at every flush: without consent the queue is dropped, nothing sent. */
  constructor(
    readonly url: string,
    private readonly allowed: () => boolean,
  ) {}

  push(event: object): void {
    const json = JSON.stringify(event);
    const bytes = this.encoder.encode(json).length;
    if (bytes > MAX_BATCH_BYTES - 20) return; // cannot travel in any batch
    this.queue.push({ json, bytes });
    if (this.queue.length > MAX_QUEUE) this.queue.splice(0, this.queue.length - MAX_QUEUE);
    this.listen(true);
    if (this.queue.length >= MAX_BATCH_EVENTS) this.flush();
  }

  /** Sends everything queued (when allowed), in size-capped batches. */
  flush(): void {
    if (!this.allowed()) return this.clear();
    while (this.queue.length) {
      let size = 12; // {"events":[]}
      let n = 0;
      while (n < this.queue.length && n < MAX_BATCH_EVENTS && size + this.queue[n]!.bytes + 1 <= MAX_BATCH_BYTES) size += this.queue[n++]!.bytes + 1;
      const body = `{"events":[${this.queue.slice(0, n).map((e) => e.json).join(',')}]}`;
      let sent = false;
      try {
        sent = navigator.sendBeacon(this.url, body);
      } catch {
        sent = false;
      }
      if (!sent) {
        // The browser's beacons in flight are at their limit (64 KB): try again shortly.
        this.retry ||= window.setTimeout(() => ((this.retry = 0), this.flush()), RETRY_MS);
        break;
      }
      this.queue.splice(0, n);
    }
    if (!this.queue.length) this.listen(false);
  }

  /** Drops what is queued (consent withdrawn). */
  clear(): void {
    clearTimeout(this.retry);
    this.retry = 0;
    this.queue = [];
    this.listen(false);
  }

  /** Sends what is queued and stops. */
  dispose(): void {
    this.flush();
    this.clear();
  }

  private listen(on: boolean): void {
    if (on === this.listening) return;
    this.listening = on;
    const method = on ? 'addEventListener' : 'removeEventListener';
    window[method]('pagehide', this.onHide);
    document[method]('visibilitychange', this.onHide);
  }

  private readonly onHide = (e: Event): void => {
    if (e.type === 'pagehide' || document.visibilityState === 'hidden') this.flush();
  };
}
