// Teardown of the show model: its cue-engine listeners exist only while the player is connected.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import type { CueEngine } from '../../src/timeline/cue-engine.js';
import type { Show } from '../../src/timeline/types.js';
import { STREAMS, failOnUncaught, until } from '../helpers.js';

const SHOW: Show = {
  version: '1.0',
  id: 'teardown',
  currency: 'USD',
  products: [{ id: 'tee', title: 'Tee', price: 1000 }],
  cues: [{ id: 'tee-1', productId: 'tee', start: 1, end: 5 }],
};

/** The show model's cue engine (internal: reached the way a debugger would). */
const engineOf = (el: ShoppableVideoElement) => (el as unknown as { showLoader: { binding: { model: { engine: CueEngine } } | null } }).showLoader.binding?.model.engine;

describe('show teardown', () => {
  failOnUncaught();

  it('a removed player announces no product, even when its cue engine is driven by hand', async () => {
    const el = await fixture<ShoppableVideoElement>(html`<shoppable-video muted preload="none" src=${STREAMS.fmp4} .show=${SHOW}></shoppable-video>`);
    const engine = (await until(() => engineOf(el), 'the show model'))!;
    await until(() => el.products.has('tee'), 'the show');
    const seen: string[] = [];
    el.addEventListener('sv-product-appear', (e) => seen.push((e as CustomEvent<{ cueId: string }>).detail.cueId));

    // Connected: the engine's listeners announce the product.
    engine.update(2);
    expect(seen).to.deep.equal(['tee-1']);
    engine.update(6);

    el.remove();
    engine.update(2); // e.g. a late frame callback, or code holding the engine
    expect(seen, 'no announcement from a removed player').to.deep.equal(['tee-1']);

    // Reconnected: announced again, once (listeners are not registered twice).
    document.body.append(el);
    engine.update(6);
    engine.update(2);
    expect(seen).to.deep.equal(['tee-1', 'tee-1']);
    el.remove();
  });
});
