/** Price formatting: minor units (cents) to a localised currency string. Never throws. */

const formats = new Map<string, Intl.NumberFormat | null>();

/**
 * One cached `Intl.NumberFormat` per locale and currency; falls back to `en` for a bad locale,
 * and to `null` for a currency code Intl does not accept (a store's bad data).
 */
function formatter(locale: string, currency: string): Intl.NumberFormat | null {
  const key = `${locale}|${currency}`;
  let f = formats.get(key);
  if (f === undefined) {
    f = null;
    for (const l of [locale || undefined, 'en']) {
      try {
        f = new Intl.NumberFormat(l, { style: 'currency', currency });
        break;
      } catch {
        /* next */
      }
    }
    if (formats.size > 200) formats.clear(); // store-provided keys: bounded
    formats.set(key, f);
  }
  return f;
}

/**
 * Formats an amount in minor units, e.g. `formatPrice(6800, 'USD', 'en-US')` → "$68.00",
 * `formatPrice(4990, 'EUR', 'de-DE')` → "49,90 €", `formatPrice(1200, 'JPY', 'ja-JP')` → "￥1,200".
 * The number of minor digits is the currency's (ISO 4217: 2 for USD, 0 for JPY, 3 for KWD).
 * A currency Intl rejects prints as a plain number with the code; a non-number prints as "".
 */
export function formatPrice(minor: number, currency: string, locale: string): string {
  if (typeof minor !== 'number' || !Number.isFinite(minor)) return '';
  const f = formatter(locale, String(currency ?? ''));
  if (!f) {
    const code = String(currency ?? '').replace(/[^A-Za-z]/g, '').slice(0, 3).toUpperCase();
    let plain: string;
    try {
      plain = new Intl.NumberFormat(locale || undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / 100);
    } catch {
      plain = (minor / 100).toFixed(2);
    }
    return code ? `${plain} ${code}` : plain;
  }
  return f.format(minor / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2));
}
