/**
 * The pin model shared by the service, its stores and the wire serializer. Runtime-neutral:
 * no Node or Workers API here.
 */

/** One product pin as the service stores it. Dates are ISO 8601 strings with ms and `Z`. */
export interface Pin {
  /** Unique id (`[A-Za-z0-9._:-]{1,128}`), the DATERANGE `ID`. */
  id: string;
  /** A product id from the show. */
  productId: string;
  /** START-DATE: the wall-clock instant the pin was made. */
  start: string;
  /** Seconds the pin lasts on its own (`DURATION`), if the host gave one. */
  duration?: number;
  /** END-DATE, set when the pin was ended through `DELETE /pins/:id`. */
  end?: string;
  /** Hotspot position, 0–1 of the video box. */
  x?: number;
  y?: number;
  /** Short text shown with the card (≤ 120 chars, no `"`, `<` or line breaks). */
  label?: string;
}

/** When a pin stops showing (ms since epoch), or undefined while it is open-ended. */
export function pinEndsAt(pin: Pin): number | undefined {
  if (pin.end) return Date.parse(pin.end);
  if (pin.duration !== undefined) return Date.parse(pin.start) + pin.duration * 1000;
  return undefined;
}

/** True while the pin shows at `now` (ms). */
export function isLive(pin: Pin, now: number): boolean {
  const end = pinEndsAt(pin);
  return end === undefined || end > now;
}

/**
 * Ends a pin at `at` (ms): returns the pin with END-DATE set. A pin that has already ended
 * (an END-DATE, or a DURATION that ran out) keeps its end, so ending twice is idempotent and
 * END-DATE never contradicts START-DATE + DURATION after the fact.
 */
export function endPin(pin: Pin, at: number): Pin {
  if (pin.end) return pin;
  const natural = pinEndsAt(pin);
  const start = Date.parse(pin.start);
  const endMs = Math.max(start, natural !== undefined ? Math.min(natural, at) : at);
  return { ...pin, end: new Date(endMs).toISOString() };
}
