/**
 * axe-core with the WCAG 2.2 AA rules (target size, …) on top of its defaults: `target-size`
 * is off in axe's default run, so `expect(el).to.be.accessible()` alone never checks it.
 */
import { expect } from '@open-wc/testing';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxeResult {
  violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }>;
}
type Axe = { run(context: Element, options: object): Promise<AxeResult> };

async function axe(): Promise<Axe> {
  const w = window as unknown as { axe?: Axe };
  if (!w.axe) await import('axe-core/axe.min.js' as string);
  return w.axe!;
}

/** Fails with every violation of WCAG 2.0–2.2 A/AA (and axe's best practices) inside `el`. */
export async function expectAccessible(el: Element, state = ''): Promise<void> {
  const { violations } = await (await axe()).run(el, { runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] });
  const found = violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('; ')}`);
  expect(found, `axe (WCAG 2.2 AA)${state ? ` ${state}` : ''}`).to.deep.equal([]);
}
