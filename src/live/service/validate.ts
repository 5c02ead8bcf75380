/** Input checks for the pin API. Every failure names the field and what is allowed. */

export const ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
export const MAX_LABEL = 120;
export const MAX_DURATION = 6 * 3600;

/** What `POST /pins` accepts. */
export interface PinInput {
  productId: string;
  x?: number;
  y?: number;
  label?: string;
  duration?: number;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const FIELDS = new Set(['productId', 'x', 'y', 'label', 'duration']);

export function checkPinInput(body: unknown): Checked<PinInput> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, message: 'The body must be a JSON object: {"productId": "…", "x"?, "y"?, "label"?, "duration"?}.' };
  }
  const o = body as Record<string, unknown>;
  const unknown = Object.keys(o).filter((k) => !FIELDS.has(k));
  if (unknown.length) return { ok: false, message: `Unknown field "${unknown[0]!.slice(0, 40)}"; allowed: productId, x, y, label, duration.` };
  if (typeof o.productId !== 'string' || !ID_PATTERN.test(o.productId)) {
    return { ok: false, message: 'productId must be 1–128 characters of A–Z, a–z, 0–9, ".", "_", ":" or "-".' };
  }
  const value: PinInput = { productId: o.productId };
  for (const axis of ['x', 'y'] as const) {
    const v = o[axis];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) return { ok: false, message: `${axis} must be a number from 0 to 1.` };
    value[axis] = v;
  }
  if (o.label !== undefined) {
    if (typeof o.label !== 'string') return { ok: false, message: 'label must be a string.' };
    if (o.label.length > MAX_LABEL) return { ok: false, message: `label must be at most ${MAX_LABEL} characters.` };
    // No quotes (they end an HLS quoted-string), no line breaks or control characters, no markup.
    if (/["<>\u0000-\u001f\u007f\u2028\u2029]/.test(o.label)) {
      return { ok: false, message: 'label must not contain double quotes, "<", ">", line breaks or control characters.' };
    }
    value.label = o.label;
  }
  if (o.duration !== undefined) {
    const d = o.duration;
    if (typeof d !== 'number' || !Number.isFinite(d) || d <= 0 || d > MAX_DURATION) {
      return { ok: false, message: `duration must be a number of seconds greater than 0 and at most ${MAX_DURATION} (6 hours).` };
    }
    value.duration = d;
  }
  return { ok: true, value };
}
