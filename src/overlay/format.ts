/** Price formatting: minor units (cents) to a localised currency string. */

const formats = new Map<string, Intl.NumberFormat>();

/** One cached `Intl.NumberFormat` per locale and currency; falls back to `en` for a bad locale. */
function formatter(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let f = formats.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale || undefined, { style: 'currency', currency });
    } catch {
      f = new Intl.NumberFormat('en', { style: 'currency', currency });
    }
    formats.set(key, f);
  }
  return f;
}

/**
 * Formats an amount in minor units, e.g. `formatPrice(6800, 'USD', 'en-US')` → "$68.00",
 * `formatPrice(4990, 'EUR', 'de-DE')` → "49,90 €", `formatPrice(1200, 'JPY', 'ja-JP')` → "￥1,200".
 * The number of minor digits is the currency's (ISO 4217: 2 for USD, 0 for JPY, 3 for KWD).
 */
export function formatPrice(minor: number, currency: string, locale: string): string {
  const f = formatter(locale, currency);
  return f.format(minor / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2));
}
