/** Records the event catalogue as the page sees it (on `document`: the events bubble and are composed). */
import { CATALOGUE } from '../../src/analytics/types.js';

export interface Seen {
  type: string;
  detail: Record<string, unknown>;
  at: number;
}

export function recordCatalogue(extra: string[] = []): { seen: Seen[]; of: (type: string) => Seen[]; stop: () => void } {
  const seen: Seen[] = [];
  const on = (e: Event) => seen.push({ type: e.type, detail: (e as CustomEvent).detail, at: performance.now() });
  const types = [...CATALOGUE, ...extra];
  for (const t of types) document.addEventListener(t, on);
  return { seen, of: (type) => seen.filter((s) => s.type === type), stop: () => types.forEach((t) => document.removeEventListener(t, on)) };
}
