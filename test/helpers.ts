import { fixture } from '@open-wc/testing';
/** Shared helpers for browser tests. */
import type { ShoppableVideoElement } from '../src/elements/shoppable-video.component.js';
import type { ShoppableError } from '../src/internal/errors.js';

export const STREAMS = {
  ts: '/test/fixtures/streams/ts/index.m3u8',
  fmp4: '/test/fixtures/streams/fmp4/master.m3u8',
  subs: '/test/fixtures/streams/subs/master.m3u8',
  mp4: '/test/fixtures/streams/mp4/clip.mp4',
};

/** Polls until `check` is truthy; fails with `what` after `timeout` ms. */
export async function until<T>(check: () => T | Promise<T>, what: string, timeout = 10_000): Promise<NonNullable<T>> {
  const started = performance.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (performance.now() - started > timeout) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Resolves once the video has presented a decoded frame. */
export function firstFrame(video: HTMLVideoElement): Promise<VideoFrameCallbackMetadata> {
  return new Promise((resolve) => video.requestVideoFrameCallback((_now, meta) => resolve(meta)));
}

/** Collects uncaught exceptions and unhandled rejections while a test runs. */
export function watchUncaught(): { errors: unknown[]; stop: () => void } {
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** In a describe block: every test fails if an exception or rejection went uncaught during it. */
export function failOnUncaught(): void {
  let uncaught: ReturnType<typeof watchUncaught>;
  beforeEach(() => (uncaught = watchUncaught()));
  afterEach(() => {
    uncaught.stop();
    if (uncaught.errors.length) throw new Error(`Uncaught during the test: ${uncaught.errors.map(String).join('; ')}`);
  });
}

/** Records every sv-error the element dispatches. */
export function recordErrors(el: EventTarget): ShoppableError[] {
  const seen: ShoppableError[] = [];
  el.addEventListener('sv-error', (e) => seen.push((e as CustomEvent<ShoppableError>).detail));
  return seen;
}

/** A muted player on `src`, in the page, with every `sv-error` it reports. */
export async function mountRecording(src: string): Promise<{ el: ShoppableVideoElement; errors: ShoppableError[] }> {
  const el = document.createElement('shoppable-video');
  el.muted = true;
  const errors = recordErrors(el);
  el.src = src;
  await fixture(el); // removed after the test, like every fixture
  return { el, errors };
}

/** Text a sighted user sees in the player's shadow root part `selector`. */
export function shadowText(el: ShoppableVideoElement, selector: string): string {
  return (el.shadowRoot!.querySelector(selector) as HTMLElement | null)?.innerText.trim() ?? '';
}

export function shadow<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} in <${el.localName}>'s shadow root`);
  return found;
}

/** URLs of resources the page requested whose URL matches `pattern`. */
export function requested(pattern: RegExp): string[] {
  return performance.getEntriesByType('resource').map((e) => e.name).filter((n) => pattern.test(n));
}

/** A fault-injecting copy of the committed streams (see test/server/stream-faults.mjs). */
export async function faultyStream(mode: string, after = 1): Promise<{ base: string; set: (mode: string, after?: number) => Promise<void> }> {
  const id = `s${Math.random().toString(36).slice(2, 10)}`;
  const set = async (m: string, a = after) => {
    await fetch(`/__faults/${id}`, { method: 'POST', body: JSON.stringify({ mode: m, after: a }) });
  };
  await set(mode, after);
  return { base: `/faults/${id}`, set };
}
