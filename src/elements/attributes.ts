import type { PropertyValues } from 'lit';
import type { ShoppableError } from '../internal/errors.js';

/** The attributes whose values are checked, and what happens to a bad one. */
interface Checked {
  aspectRatio: string;
  locale: string;
  cardLink: 'product' | 'none';
  preload: 'none' | 'metadata' | 'auto';
}

/**
 * A bad attribute is reported (`CONFIG_INVALID`, not fatal) and the player falls back to the
 * default, so a typo never stops the video.
 */
export function validateAttributes<T extends HTMLElement & Checked>(el: T, changed: PropertyValues<T>, report: (e: ShoppableError) => void): void {
  const bad = (attribute: string, value: string, expected: string) =>
    report({ source: 'config', code: 'CONFIG_INVALID', message: `<shoppable-video ${attribute}="${value}">: expected ${expected}.`, fatal: false, data: { attribute, value } });
  if (changed.has('aspectRatio') && el.aspectRatio && !parseAspectRatio(el.aspectRatio)) {
    bad('aspect-ratio', el.aspectRatio, 'a ratio such as "16/9", "9:16" or "1.5"');
  }
  if (changed.has('locale') && el.locale && !isLocale(el.locale)) {
    bad('locale', el.locale, 'a BCP 47 language tag such as "en-US" or "de"; using the page\'s language');
    el.locale = '';
  }
  if (changed.has('cardLink') && !['product', 'none'].includes(el.cardLink)) {
    bad('card-link', el.cardLink, '"product" or "none"; using "product"');
    el.cardLink = 'product';
  }
  if (changed.has('preload') && !['none', 'metadata', 'auto'].includes(el.preload)) {
    bad('preload', el.preload, '"none", "metadata" or "auto"; using "metadata"');
    el.preload = 'metadata';
  }
}

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** "16/9", "16:9", "1.78" → a CSS aspect-ratio value, or null when not a positive ratio. */
export function parseAspectRatio(value: string): string | null {
  const m = value.trim().match(/^(\d+(?:\.\d+)?)\s*(?:[/:]\s*(\d+(?:\.\d+)?))?$/);
  if (!m) return null;
  const w = Number(m[1]);
  const h = m[2] === undefined ? 1 : Number(m[2]);
  return w > 0 && h > 0 ? `${w} / ${h}` : null;
}
