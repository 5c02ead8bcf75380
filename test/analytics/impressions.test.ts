// Product impressions: a hotspot counts once it has been at least half visible in the viewport
// for a second without interruption — both thresholds, and once per cue.
import { expect } from '@open-wc/testing';
import { failOnUncaught, until } from '../helpers.js';
import { frames, mount, spot } from '../overlay/harness.js';
import { recordCatalogue } from './record.js';

const impressions = (rec: ReturnType<typeof recordCatalogue>, cue: string) => rec.of('sv-product-impression').filter((s) => s.detail.cueId === cue);

/** Scrolls so that `share` of `el`'s height is inside the viewport, at its bottom edge. */
async function showShare(el: Element, share: number): Promise<void> {
  const r = el.getBoundingClientRect();
  window.scrollBy(0, r.top - innerHeight + r.height * share);
  await frames(3);
  const now = el.getBoundingClientRect();
  expect((innerHeight - now.top) / now.height).to.be.closeTo(share, 0.05);
}

describe('product impressions', () => {
  failOnUncaught();
  let rec: ReturnType<typeof recordCatalogue>;
  const spacers: HTMLElement[] = [];
  const spacer = (px: number) => spacers[spacers.push(Object.assign(document.createElement('div'), { style: `height: ${px}px` })) - 1]!;
  beforeEach(() => {
    rec = recordCatalogue();
    document.body.prepend(spacer(500)); // the player starts below the fold's edge, near enough to load
  });
  afterEach(() => {
    rec.stop();
    spacers.splice(0).forEach((d) => d.remove());
    window.scrollTo(0, 0);
  });

  it('needs at least half of the hotspot in view: 30 % never counts, 60 % does', async () => {
    const { at, overlay } = await mount();
    document.body.append(spacer(3000)); // room to scroll
    await at(1.5, 'overshirt-intro');
    await showShare(spot(overlay, 'overshirt-intro'), 0.3);
    // The lipstick appears later, fully visible: its impression comes a second after it
    // appeared, long after the overshirt's would have if 30 % counted.
    await at(4.5, 'overshirt-intro', 'lipstick-close-up');
    const lipstick = spot(overlay, 'lipstick-close-up').getBoundingClientRect();
    expect(lipstick.top).to.be.at.least(0);
    expect(lipstick.bottom).to.be.at.most(innerHeight);
    await until(() => impressions(rec, 'lipstick-close-up').length, 'the lipstick impression', 5000);
    expect(impressions(rec, 'overshirt-intro')).to.have.length(0);

    const shown = performance.now(); // before the scroll: the second cannot have started earlier
    await showShare(spot(overlay, 'overshirt-intro'), 0.6);
    await until(() => impressions(rec, 'overshirt-intro').length, 'the overshirt impression at 60 %', 5000);
    expect(impressions(rec, 'overshirt-intro')[0]!.at - shown).to.be.at.least(1000);
  });

  it('needs a second without interruption, and counts a cue once', async () => {
    const { at } = await mount();
    document.body.append(spacer(3000));
    window.scrollTo(0, 500); // the whole player in view
    const appeared = performance.now(); // before the seek: the hotspot was shown no earlier
    await at(1.5, 'overshirt-intro');
    // Gone (its cue ended) before a second.
    await at(7.5, 'lipstick-close-up');
    const gone = performance.now(); // once it is gone: it was shown no longer than gone - appeared
    expect(gone - appeared, 'the overshirt was shown less than a second').to.be.below(1000);
    // The serum appears after that: its impression comes a second later.
    const serum = performance.now();
    await at(8.5, 'lipstick-close-up', 'serum-shelf');
    await until(() => impressions(rec, 'serum-shelf').length, 'the serum impression', 5000);
    expect(impressions(rec, 'serum-shelf')[0]!.at - serum).to.be.at.least(1000);
    expect(impressions(rec, 'overshirt-intro')).to.have.length(0);
    expect(impressions(rec, 'lipstick-close-up')).to.have.length(1);

    // Back to the serum: already counted, not again (the lipstick's re-render and a new one for the hoops prove time passed).
    await at(12.7, 'serum-shelf', 'sneaker-walk', 'hoops-finish');
    await until(() => impressions(rec, 'hoops-finish').length, 'the hoops impression', 5000);
    expect(impressions(rec, 'serum-shelf')).to.have.length(1);
  });
});
