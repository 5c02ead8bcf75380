// The host's console against the real pin service (mounted by test/server/middleware.mjs under
// /live-pins/, proxying the committed streams). Needs the build (npm test builds first).
import { fixture, html, expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/live/pin-console.define.js';
import type { ShoppablePinConsole } from '../../src/live/pin-console.component.js';
import { failOnUncaught, recordErrors, until } from '../helpers.js';

const SERVICE = '/live-pins/';
const TOKEN = 'test-pin-token-0123456789';
const SHOW = '/docs/examples/show.json';
const auth = { authorization: `Bearer ${TOKEN}` };

interface Pin { id: string; productId: string; live: boolean; end?: string }
const servicePins = async (): Promise<Pin[]> => (await (await fetch(`${SERVICE}pins`, { headers: auth })).json()).pins;
const playlist = async () => (await fetch(`${SERVICE}live-window/live.m3u8`, { cache: 'no-store' })).text();
const shadow = (el: Element) => el.shadowRoot!;
const buttons = (el: Element) => [...shadow(el).querySelectorAll<HTMLButtonElement>('li button')];

describe('<shoppable-pin-console>', () => {
  failOnUncaught();

  beforeEach(async () => {
    for (const p of await servicePins()) if (p.live) await fetch(`${SERVICE}pins/${p.id}`, { method: 'DELETE', headers: auth });
  });

  it('pins and unpins a product with one click, and the playlist viewers get carries it', async () => {
    const el = await fixture<ShoppablePinConsole>(html`<shoppable-pin-console service=${SERVICE} token=${TOKEN} show=${SHOW}></shoppable-pin-console>`);
    await until(() => buttons(el).length >= 3, 'the product list');
    const first = buttons(el)[0]!;
    expect(first.textContent?.trim()).to.equal('Pin');
    expect(first.getAttribute('aria-label')).to.equal('Pin Relaxed Linen Overshirt');

    first.click();
    await until(() => first.getAttribute('aria-pressed') === 'true', 'the button to show the pin');
    const live = (await servicePins()).filter((p) => p.live);
    expect(live.map((p) => p.productId)).to.deep.equal(['linen-overshirt']);
    expect(await playlist()).to.include(`ID="${live[0]!.id}",CLASS="com.shoppable-video.product"`);
    expect(shadow(el).querySelector('[role=status]')!.textContent).to.include('Relaxed Linen Overshirt');

    first.click();
    await until(() => first.getAttribute('aria-pressed') === 'false', 'the button to show the unpin');
    expect((await servicePins()).filter((p) => p.live)).to.deep.equal([]);
    expect(await playlist()).to.match(new RegExp(`ID="${live[0]!.id}",[^\\n]*END-DATE=`));
    expect(shadow(el).querySelector('[role=status]')!.textContent).to.include('Nothing pinned');
  });

  it('pins the nth product with key n', async () => {
    const el = await fixture<ShoppablePinConsole>(html`<shoppable-pin-console service=${SERVICE} token=${TOKEN} show=${SHOW}></shoppable-pin-console>`);
    await until(() => buttons(el).length >= 3, 'the product list');
    buttons(el)[0]!.focus();
    await sendKeys({ press: '3' });
    await until(() => buttons(el)[2]!.getAttribute('aria-pressed') === 'true', 'key 3 to pin the third product');
    expect((await servicePins()).filter((p) => p.live).map((p) => p.productId)).to.deep.equal([el.products[2]!.id]);
    await sendKeys({ press: '3' });
    await until(() => buttons(el)[2]!.getAttribute('aria-pressed') === 'false', 'key 3 again to unpin');
  });

  it('says so when the token is wrong, and pins nothing', async () => {
    const el = await fixture<ShoppablePinConsole>(html`<shoppable-pin-console></shoppable-pin-console>`);
    const errors = recordErrors(el);
    el.service = SERVICE;
    el.show = SHOW;
    el.token = 'not-the-token-000000000';
    const alert = await until(() => shadow(el).querySelector('[role=alert]')!.textContent?.trim(), 'an error');
    expect(alert).to.equal('The pin service refused the token. Enter the token the service was started with.');
    expect(errors.map((e) => [e.source, e.code])).to.deep.equal([['live', 'PINS_UNAUTHORIZED']]);
    await until(() => buttons(el).length >= 3, 'the product list');
    buttons(el)[0]!.click();
    await until(() => errors.length === 2, 'the refused pin');
    expect((await servicePins()).filter((p) => p.live)).to.deep.equal([]);
  });

  it('asks for a token when it has none, and connects with it', async () => {
    const el = await fixture<ShoppablePinConsole>(html`<shoppable-pin-console service=${SERVICE} show=${SHOW}></shoppable-pin-console>`);
    const input = shadow(el).querySelector<HTMLInputElement>('input[name=token]')!;
    expect(input.labels?.[0]?.textContent).to.include('Service token');
    input.focus();
    await sendKeys({ type: TOKEN });
    await sendKeys({ press: 'Enter' });
    await until(() => el.token === TOKEN && !shadow(el).querySelector('input[name=token]'), 'the token form to go');
    await until(() => buttons(el).length >= 3 && !buttons(el)[0]!.disabled, 'enabled buttons');
  });

  it('says so when the service cannot be reached', async () => {
    const el = await fixture<ShoppablePinConsole>(html`<shoppable-pin-console></shoppable-pin-console>`);
    const errors = recordErrors(el);
    el.service = 'http://127.0.0.1:9/';
    el.token = TOKEN;
    const alert = await until(() => shadow(el).querySelector('[role=alert]')!.textContent?.trim(), 'an error');
    expect(alert).to.equal('The pin service at http://127.0.0.1:9/ cannot be reached. Check the address and that it is running.');
    expect(errors[0]?.code).to.equal('PINS_UNREACHABLE');
  });

  it('passes axe (WCAG 2.2 AA) with a pin live, a token form and an error', async () => {
    const el = await fixture<ShoppablePinConsole>(html`<shoppable-pin-console service=${SERVICE} token=${TOKEN} show=${SHOW}></shoppable-pin-console>`);
    await until(() => buttons(el).length >= 3, 'the product list');
    buttons(el)[1]!.click();
    await until(() => buttons(el)[1]!.getAttribute('aria-pressed') === 'true', 'a live pin');
    await expect(el).to.be.accessible({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } as never);
    const asking = await fixture<ShoppablePinConsole>(html`<shoppable-pin-console service="http://127.0.0.1:9/" show=${SHOW}></shoppable-pin-console>`);
    recordErrors(asking);
    asking.token = '';
    await until(() => buttons(asking).length >= 3, 'the product list');
    await expect(asking).to.be.accessible({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } as never);
  });

  it('is served as a page at /console by the service', async () => {
    const res = await fetch(`${SERVICE}console`);
    expect(res.headers.get('content-type')).to.match(/^text\/html/);
    const page = new DOMParser().parseFromString(await res.text(), 'text/html');
    expect(page.querySelector('shoppable-pin-console')!.getAttribute('service')).to.equal('./');
    expect(page.querySelector('script[type=module]')!.getAttribute('src')).to.equal('/src/live/pin-console.define.ts');
  });
});
