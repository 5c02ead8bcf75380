// One source for the overlay's CSS part names: src/overlay/parts.ts. The markup, the exported
// parts, the element's @csspart JSDoc and docs/overlay.md all name exactly those.
import { expect } from '@open-wc/testing';
import { readFile } from '@web/test-runner-commands';
import { OVERLAY_PARTS } from '../../src/overlay/parts.js';
import { mount } from './harness.js';

const sorted = (names: Iterable<string>) => [...new Set(names)].sort();
const list = sorted(OVERLAY_PARTS);

/** Source text from disk (the dev server strips comments from .ts). */
const source = async (path: string) => (await readFile({ path: `../../src/overlay/${path}` }))!;

describe('overlay CSS parts', () => {
  it('renders and exports exactly the parts in parts.ts', async () => {
    const rendered: string[] = [];
    for (const file of ['overlay.component.ts', 'hotspots.ts', 'card.ts', 'product-list.ts', 'toolbar.ts']) {
      for (const m of (await source(file)).matchAll(/\spart="([a-z-]+)"/g)) rendered.push(m[1]);
    }
    expect(sorted(rendered), 'part="…" in the overlay markup').to.deep.equal(list);
    const { player, overlay } = await mount();
    expect(sorted(overlay.getAttribute('exportparts')!.split(',')), 'exportparts').to.deep.equal(list);
    player.remove();
  });

  it('names every part in the @csspart JSDoc of the overlay element', async () => {
    const text = await source('overlay.component.ts');
    const doc = text.slice(text.lastIndexOf('/**', text.indexOf('export class ShoppableOverlayElement')));
    const named = [...doc.matchAll(/@csspart ([a-z-]+) - /g)].map((m) => m[1]);
    expect(sorted(named)).to.deep.equal(list);
  });

  it('names every part in docs/overlay.md', async () => {
    const doc = await (await fetch('/docs/overlay.md')).text();
    const paragraph = doc.slice(doc.indexOf('Parts, styled as'), doc.indexOf('The overlay resets every inherited property'));
    const named = [...paragraph.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]);
    expect(sorted(named)).to.deep.equal(list);
  });
});
