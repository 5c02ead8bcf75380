// shoppable-video/react in React 19: the wrapper renders the real element, passes objects as
// properties, and its onSv… props receive the element's events; React 19's own custom-element
// support (the raw tag with `onsv-…`, as typed by shoppable-video/react/jsx) does too.
import { expect } from '@open-wc/testing';
import { createElement, StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { ShoppableVideo } from '../../src/react/index.js';
import { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import type { ShowLoadDetail } from '../../src/show/show-model.js';
import type { ShoppableError } from '../../src/internal/errors.js';
import { STREAMS, failOnUncaught, until } from '../helpers.js';

const SHOW = '/docs/examples/show.json';

describe('shoppable-video/react (React 19)', () => {
  failOnUncaught();
  let host: HTMLElement;
  let root: Root;
  beforeEach(() => {
    host = document.body.appendChild(document.createElement('div'));
    root = createRoot(host);
  });
  afterEach(() => {
    root.unmount();
    host.remove();
  });

  it('renders <shoppable-video> and hands its events to onSvShowLoad and onSvError', async () => {
    const loads: ShowLoadDetail[] = [];
    const errors: ShoppableError[] = [];
    flushSync(() =>
      root.render(
        createElement(StrictMode, null,
          createElement(ShoppableVideo, { src: STREAMS.fmp4, muted: true, show: SHOW, label: 'Spring edit', onSvShowLoad: (e) => loads.push(e.detail) }),
          // An object is set as the `show` property, not stringified into an attribute.
          createElement(ShoppableVideo, { src: STREAMS.fmp4, muted: true, show: { version: '99' } as never, onSvError: (e) => errors.push(e.detail) }),
        ),
      ),
    );
    const [player, second] = host.querySelectorAll('shoppable-video');
    expect(player).to.be.instanceOf(ShoppableVideoElement);
    expect(player!.label).to.equal('Spring edit');
    // The wrapper sets `show` after React connected the element, before its first update.
    await until(() => loads.length, 'sv-show-load through onSvShowLoad');
    expect(loads[0]!.show!.id).to.equal('spring-edit-2025');
    expect([...player!.products.keys()]).to.include('linen-overshirt');
    await until(() => errors.length, 'sv-error through onSvError');
    expect(errors[0]).to.include({ source: 'manifest', code: 'MANIFEST_VERSION' });
    expect(second!.hasAttribute('show')).to.equal(false);
  });

  it('React 19 listens to onsv-… on the raw element (what shoppable-video/react/jsx types)', async () => {
    const loads: ShowLoadDetail[] = [];
    flushSync(() =>
      root.render(createElement('shoppable-video', { src: STREAMS.fmp4, muted: true, show: SHOW, 'onsv-show-load': (e: CustomEvent<ShowLoadDetail>) => loads.push(e.detail) })),
    );
    await until(() => loads.length, 'sv-show-load through onsv-show-load');
    expect(loads[0]!.show!.id).to.equal('spring-edit-2025');
  });
});
