// What a user's TypeScript sees (compiled by `tsc -p test/types` in `npm test`): typed sv-* events
// without a cast, the tag-name map from the main entry, the exported types, the html-show sample.
// Each `@ts-expect-error` line is something that must NOT type-check.
import {
  DEFAULT_OVERLAY_STRINGS,
  observeHtmlShow,
  readHtmlShow,
  Timeline,
  type CardDetail,
  type CartAddDetail,
  type CartErrorDetail,
  type CheckoutDetail,
  type OverlayStrings,
  type ProductAppearance,
  type ProductClickDetail,
  type ShoppableError,
  type ShoppableEventMap,
  type ShoppableProduct,
  type ShoppableVideoElement,
  type ShowLoadDetail,
  type StoryDetail,
} from 'shoppable-video';

// Importing the main entry types createElement and querySelector.
const player: ShoppableVideoElement = document.createElement('shoppable-video');
const product: ShoppableProduct = document.createElement('shoppable-product');
const found: ShoppableVideoElement | null = document.querySelector('shoppable-video');
void [product, found];

// sv-* events on the element, on document and on window, without a cast.
player.addEventListener('sv-error', (e) => {
  const code: string = e.detail.code;
  const fatal: boolean = e.detail.fatal;
  const detail: ShoppableError = e.detail;
  void [code, fatal, detail];
});
player.addEventListener('sv-cart-add', (e) => {
  const detail: CartAddDetail = e.detail;
  const quantity: number = e.detail.quantity;
  void [detail, quantity];
});
player.addEventListener('sv-cart-error', (e) => void (e.detail satisfies CartErrorDetail));
player.addEventListener('sv-card-open', (e) => void (e.detail satisfies CardDetail));
player.addEventListener('sv-checkout', (e) => void (e.detail.url satisfies string));
player.addEventListener('sv-show-load', (e) => void (e.detail satisfies ShowLoadDetail));
player.addEventListener('sv-product-appear', (e) => void (e.detail.time satisfies number));
document.addEventListener('sv-product-click', (e) => {
  const source: ProductClickDetail['source'] = e.detail.source;
  if (source === 'hotspot') e.preventDefault();
});
window.addEventListener('sv-checkout', (e) => void (e.detail satisfies CheckoutDetail));
document.addEventListener('sv-story-open', (e) => void (e.detail.index satisfies StoryDetail['index']));
document.addEventListener('sv-add-to-cart', (e) => e.detail.respondWith(undefined));
const appear: ShoppableEventMap['sv-product-appear'] = new CustomEvent<ProductAppearance>('sv-product-appear');
void appear;
// The media events stay what they are.
player.addEventListener('timeupdate', (e) => void (e satisfies Event));

// @ts-expect-error: ShoppableError has no `status`
player.addEventListener('sv-error', (e) => e.detail.status);
// @ts-expect-error: a cart-add detail has no error code
player.addEventListener('sv-cart-add', (e) => e.detail.code);
// @ts-expect-error: `source` is 'hotspot' | 'list' | 'card'
document.addEventListener('sv-product-click', (e) => void (e.detail.source satisfies 'video'));
// @ts-expect-error: a <video> is no ShoppableVideoElement
const notPlayer: ShoppableVideoElement = document.createElement('video');
void notPlayer;

// Overlay strings and their defaults.
const strings: OverlayStrings = { ...DEFAULT_OVERLAY_STRINGS, addToCart: 'In den Warenkorb' };
player.strings = { addToCart: strings.addToCart };
// @ts-expect-error: strings are strings
const badStrings: OverlayStrings = { ...DEFAULT_OVERLAY_STRINGS, addToCart: 1 };
void badStrings;

// docs/html-show.md, "From script", as written there (a null check added: this is strict TS).
const playerElement = document.querySelector('shoppable-video')!;
const timeline = new Timeline(); // or the player's own: playerElement.timeline
const { products, cues, issues } = readHtmlShow(playerElement);
const stop = observeHtmlShow(playerElement, (show) => timeline.setSource('html', show.cues, show.products));
// later: stop();
stop();
void [products, cues, issues];
