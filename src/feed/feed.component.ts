import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { CHECKOUT_PROPERTIES, type CheckoutSettings } from '../commerce/checkout-config.js';
import type { CheckoutAdapter } from '../commerce/types.js';
import { ShoppableElement } from '../internal/base-element.js';
import { cssProps } from '../internal/css-props.js';
import { srOnly } from '../internal/styles.js';
import { fill } from '../internal/text.js';
import type { Show } from '../timeline/types.js';
import { feedStyles } from './feed.styles.js';
import { ICONS, StoryInput, nearestToCentre } from './input.js';
import { readStory, type Story, type StoryDetail, type StorySource } from './stories.js';
import { createStoryPlayer, type ShoppableVideoElement } from './story-player.js';
import { DEFAULT_FEED_STRINGS, type FeedStrings } from './strings.js';

const HASH = /^#story=(.+)$/;

const splitList = { fromAttribute: (v: string | null) => (v ?? '').split(/\s+/).filter(Boolean) };
/** The preview moves to another tile once the carousel has not scrolled for this long. */
const SCROLL_REST_MS = 150;

/**
 * A row (or grid) of short vertical shoppable videos that opens into a full-screen story
 * viewer. Items are child `<shoppable-video>` elements or show manifest URLs (`shows`). A lazy
 * chunk: the initial script loads it when a `<shoppable-feed>` appears (docs/feed.md).
 *
 * @event {CustomEvent<StoryDetail>} sv-story-open - `{id, index}`: the viewer opened, or moved to another story.
 * @event {CustomEvent<StoryDetail>} sv-story-close - `{id, index}`: the viewer closed.
 * @includes ShoppableVideoElement sv-events - The `sv-*` events of the story's `<shoppable-video>` bubble out (`sv-error` is the feed's too).
 *
 * @csspart list - The carousel or grid. @csspart tile - One item. @csspart tile-button - The button inside it.
 * @csspart poster - A tile's poster. @csspart title - Its title. @csspart price - Its price.
 * @csspart viewer - The story viewer (a modal `<dialog>`). @csspart stage - The story in it. @csspart progress - Its progress.
 * @csspart close-button - ✕. @csspart mute-button - Mute. @csspart previous-button - Previous. @csspart next-button - Next.
 *
 * @attr label - Accessible name of the feed. @attr locale - Locale for prices (BCP 47; default: the page's `lang`).
 *
 * @cssproperty --sv-feed-tile-width - Tile width (160px); in the grid, the minimum.
 * @cssproperty --sv-feed-gap - Space between tiles (12px).
 * @cssproperty --sv-feed-color - Tile text colour.
 * @cssproperty --sv-feed-backdrop - The viewer's backdrop on desktop.
 * @cssproperty --sv-radius, --sv-font, --sv-focus-ring, --sv-accent - Shared with the player.
 */
export class ShoppableFeedElement extends ShoppableElement implements CheckoutSettings {
  static override styles = [feedStyles, srOnly];

  static override properties = {
    shows: { converter: splitList },
    layout: { type: String, reflect: true },
    preview: { type: String },
    prefetch: { type: String },
    label: { type: String },
    locale: { type: String },
    strings: { attribute: false },
    stories: { state: true },
    current: { state: true },
    progress: { state: true },
    muted: { state: true },
    ...CHECKOUT_PROPERTIES,
  };

  /** Show manifest URLs (attribute: space-separated) or objects; when empty, child `<shoppable-video>` elements are the items. */
  shows: Array<string | Show> = [];
  /** `carousel` (default) or `grid`. */
  layout: 'carousel' | 'grid' = 'carousel';
  /** `auto`: the tile nearest the viewport's centre plays a muted preview; `none`: posters only. */
  preview: 'auto' | 'none' = 'auto';
  /** `next` (default): the viewer loads the next story while one plays; `none`: only the open one. */
  prefetch: 'next' | 'none' = 'next';
  label = '';
  locale = '';
  strings: Partial<FeedStrings> & Record<string, string> = {};
  // The checkout settings, as on <shoppable-video> (CHECKOUT_PROPERTIES), handed to the viewer's players.
  checkout = ''; adapter: CheckoutAdapter | null = null; shop = ''; storefrontToken = ''; apiVersion = '';
  checkoutUrl = ''; cartUrl = ''; cartRoot = ''; showId = ''; allowedOrigins = '';

  /** The items as read from their manifests (null while one is loading). */
  stories: Array<Story | null> = [];
  /** Index of the open story, -1 when the viewer is closed. */
  current = -1;
  protected progress = 0;
  protected muted = true;

  private previewIndex = -1;
  private loads: AbortController | null = null;
  /** The \`shows\` value the stories were read from. */
  private readFrom: unknown = null;
  private children$: MutationObserver | null = null;
  /** Players by story index. */
  private players = new Map<number, ShoppableVideoElement>();
  /** Whether the history entry of the open story is ours (Back closes the viewer). */
  private pushed = false;
  private frame = 0;
  private rest: ReturnType<typeof setTimeout> | undefined;
  private readonly input = new StoryInput(this);

  get t(): FeedStrings {
    return { ...DEFAULT_FEED_STRINGS, ...this.strings };
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector?.('dialog') ?? null;
  }

  /** The page's direction here (arrow keys and sideways swipes follow it). */
  get rtl(): boolean {
    return getComputedStyle(this).direction === 'rtl';
  }

  // ---- public API ----

  /** Opens the viewer on a story (index or id). */
  open(story: number | string): void {
    const i = typeof story === 'number' ? story : this.stories.findIndex((s) => s?.id === story);
    if (!this.stories[i]) return;
    this.muted = false; // an opening tap is the gesture that lets sound play
    this.show(i, true);
  }

  /** Closes the viewer; with the story's history entry, through history (so Back and ✕ agree). */
  close(): void {
    if (this.current < 0) return;
    if (this.pushed && HASH.test(location.hash)) history.back(); // popstate closes
    else this.finish();
  }

  next(): void {
    if (this.current >= 0 && this.current < this.stories.length - 1) this.show(this.current + 1, false);
  }

  previous(): void {
    if (this.current > 0) this.show(this.current - 1, false);
  }

  // ---- lifecycle ----

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('popstate', this.onPopState);
    addEventListener('scroll', this.onScroll, { passive: true, capture: true });
    addEventListener('resize', this.schedule, { passive: true });
    this.children$ = new MutationObserver(() => !this.shows.length && this.readStories());
    this.children$.observe(this, { childList: true });
    this.readStories();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.onPopState);
    removeEventListener('scroll', this.onScroll, { capture: true });
    removeEventListener('resize', this.schedule);
    cancelAnimationFrame(this.frame);
    clearTimeout(this.rest);
    this.children$?.disconnect();
    this.children$ = null;
    this.loads?.abort();
    this.loads = null;
    if (this.current >= 0) {
      if (this.pushed && HASH.test(location.hash)) history.replaceState(null, '', location.pathname + location.search);
      this.finish(false);
    }
    this.setPreview(-1);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('shows') && this.shows !== this.readFrom && this.isConnected) this.readStories();
  }

  protected override updated(): void {
    this.syncPlayers();
    this.schedule();
  }

  // ---- items ----

  private readStories(): void {
    this.finish(false); // other items: the open story (by index) is gone
    this.loads?.abort();
    const loads = (this.loads = new AbortController());
    this.readFrom = this.shows;
    const children = [...this.querySelectorAll<ShoppableVideoElement>(':scope > shoppable-video')];
    const sources: StorySource[] = this.shows.length
      ? this.shows.map((show) => ({ show }))
      : children.map((c) => ({ show: c.show, src: c.getAttribute('src') ?? '', poster: c.getAttribute('poster') ?? '', label: c.label, id: c.id }));
    const locale = this.locale || document.documentElement.lang || navigator.language;
    this.stories = sources.map(() => null);
    void Promise.all(
      sources.map((source, n) =>
        readStory(source, n, locale, loads.signal).then((story) => {
          if (loads.signal.aborted) return;
          this.stories = this.stories.map((s, i) => (i === n ? story : s));
        }),
      ),
    ).then(() => !loads.signal.aborted && this.openFromUrl());
  }

  /** A `#story=<id>` link (on load, or Forward) opens that story; without a gesture, muted. */
  private openFromUrl(): void {
    const id = HASH.exec(location.hash)?.[1];
    const i = id ? this.stories.findIndex((s) => s?.id === decodeURIComponent(id)) : -1;
    if (i < 0 || i === this.current) return;
    if (this.current < 0 && !history.state?.svStory) {
      // Opened by a shared link: put the page without the story under it, so Back closes.
      history.replaceState(null, '', location.pathname + location.search);
      this.show(i, true);
    } else {
      this.pushed = true;
      this.show(i, false);
    }
  }

  private readonly onPopState = (): void => {
    if (HASH.test(location.hash)) this.openFromUrl();
    else if (this.current >= 0) this.finish();
  };

  // ---- the viewer ----

  private show(i: number, push: boolean): void {
    const story = this.stories[i]!;
    const url = `${location.pathname}${location.search}#story=${encodeURIComponent(story.id)}`;
    if (push && this.current < 0) {
      history.pushState({ svStory: story.id }, '', url);
      this.pushed = true;
    } else if (this.pushed) history.replaceState({ svStory: story.id }, '', url);
    const opening = this.current < 0;
    this.current = i;
    this.progress = 0;
    this.renderRoot.querySelector<ShoppableVideoElement>('.preview')?.pause(); // freed once the story plays (pickPreview)
    this.emit<StoryDetail>('sv-story-open', { id: story.id, index: i });
    if (opening) {
      void this.updateComplete.then(() => {
        const dialog = this.dialog;
        if (dialog && !dialog.open && this.current >= 0) dialog.showModal();
        this.renderRoot.querySelector<HTMLElement>('[part="close-button"]')?.focus();
      });
    }
  }

  /** Closes the viewer: players go, focus returns to the story's tile. */
  private finish(refocus = true): void {
    const i = this.current;
    if (i < 0) return;
    this.current = -1;
    this.pushed = false;
    this.dialog?.close();
    this.syncPlayers();
    this.emit<StoryDetail>('sv-story-close', { id: this.stories[i]?.id, index: i });
    if (refocus) this.renderRoot.querySelector<HTMLElement>(`[data-index="${i}"]`)?.focus();
  }

  /**
   * Keeps a player for the open story and its neighbours (at most three pipelines); frees the rest.
   * First frame first: a neighbour is created only once the open story plays, so that its
   * pipeline, requests and buffering never compete with the open story's start.
   */
  private syncPlayers(): void {
    const box = this.renderRoot.querySelector?.('.players');
    const i = this.current;
    const keep = new Map<number, number>();
    if (i >= 0 && box) for (const n of this.prefetch === 'none' ? [i] : [i - 1, i, i + 1]) if (this.stories[n]) keep.set(n, n);
    for (const [id, player] of this.players) {
      if (keep.has(id)) continue;
      player.remove(); // teardown: hls.js destroyed, the video emptied
      this.players.delete(id);
    }
    const settled = Boolean(this.players.get(i)?.playing);
    for (const [id, n] of keep) {
      let player = this.players.get(id);
      if (!player && n !== i && !settled) continue;
      if (!player) {
        player = this.createPlayer(this.stories[n]!);
        this.players.set(id, player);
        box!.append(player);
      }
      const on = n === i;
      if (player.classList.contains('current') === on) continue;
      player.classList.toggle('current', on);
      player.inert = !on;
      if (on) {
        player.currentTime = 0;
        player.muted = this.muted;
        void player.play();
      } else player.pause();
    }
  }

  private createPlayer(story: Story): ShoppableVideoElement {
    const player = createStoryPlayer(story, story.title || this.t.untitled, this);
    player.addEventListener('timeupdate', () => {
      if (player.classList.contains('current') && player.duration) this.progress = Math.min(1, player.currentTime / player.duration);
    });
    player.addEventListener('volumechange', () => player.classList.contains('current') && (this.muted = player.media!.muted));
    player.addEventListener('ended', () => player.classList.contains('current') && this.next());
    player.addEventListener('playing', () => player.classList.contains('current') && (this.syncPlayers(), this.schedule()));
    return player;
  }

  private toggleSound(): void {
    this.muted = !this.muted;
    const player = this.players.get(this.current);
    if (player) player.muted = this.muted;
  }

  private readonly onCancel = (e: Event): void => {
    e.preventDefault(); // Escape: close our way (through history)
    this.close();
  };

  /** Focus leaving the dialog's last control wraps to its first, and back. */
  private wrap(toEnd: boolean): void {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.head button:not(:disabled)')];
    buttons[toEnd ? buttons.length - 1 : 0]?.focus();
  }

  // ---- previews ----

  /**
   * The page or the carousel scrolled (its scroll events stay inside the shadow root: the list
   * listens itself). The preview moves once scrolling rests, not to every tile passed on the way.
   */
  private readonly onScroll = (): void => {
    clearTimeout(this.rest);
    this.rest = setTimeout(this.schedule, SCROLL_REST_MS);
  };

  private readonly schedule = (): void => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.pickPreview());
  };

  /** The tile nearest the viewport's centre previews (muted); one at a time, none while the viewer is open. */
  private pickPreview(): void {
    // While the viewer opens, the (paused) preview is freed only once the story plays: not in the opening tap's task.
    if (this.current >= 0 && !this.players.get(this.current)?.playing) return;
    if (this.preview === 'none' || this.current >= 0 || matchMedia('(prefers-reduced-motion: reduce)').matches) return this.setPreview(-1);
    this.setPreview(nearestToCentre(this.renderRoot.querySelectorAll<HTMLElement>('.open')));
  }

  private setPreview(i: number): void {
    if (i === this.previewIndex) return;
    this.previewIndex = i;
    this.requestUpdate();
  }

  // ---- render ----

  protected override render(): TemplateResult {
    const { t, stories } = this;
    const story = stories[this.current];
    return html`
      <ul class="list" part="list" aria-label=${this.label || t.feed} @scroll=${this.onScroll}>
        ${stories.map(
          (s, i) => html`<li class="tile" part="tile">
            <button class="open" part="tile-button" data-index=${i} ?disabled=${!s} @click=${() => this.open(i)}>
              ${s?.poster ? html`<img class="poster" part="poster" src=${s.poster} alt="" decoding="async" />` : nothing}
              ${s // rendered whole once read: a caption growing over the poster was a layout shift
                ? html`<span class="info">
                    <span class="title" part="title">${s.title || t.untitled}</span>
                    ${s.price ? html`<span part="price">${s.price}</span>` : nothing}
                  </span>`
                : nothing}
            </button>
            ${i === this.previewIndex && s?.src
              ? html`<shoppable-video class="preview" inert src=${s.src} aspect-ratio="9/16" controls="false" muted autoplay loop concurrent no-mini-player preload="auto"></shoppable-video>`
              : nothing}
          </li>`,
        )}
      </ul>
      <dialog
        part="viewer"
        aria-labelledby="story-title"
        @cancel=${this.onCancel}
        @close=${() => this.current >= 0 && this.close()}
        @keydown=${this.input.onKeydown}
        @wheel=${this.input.onWheel}
        @pointerdown=${this.input.onPointerDown}
        @pointerup=${this.input.onPointerUp}
        @pointercancel=${this.input.onPointerCancel}
        @click=${this.input.onClickCapture}
      >
        <span tabindex="0" @focus=${() => this.wrap(true)}></span>
        <div class="stage" part="stage">
          <div class="bars" part="progress" aria-hidden="true">
            ${stories.map((_, i) => html`<span class="bar"><span class="fill" ${cssProps({ '--p': String(i < this.current ? 1 : i > this.current ? 0 : this.progress) })}></span></span>`)}
          </div>
          <div class="head">
            <h2 id="story-title">${story ? fill(t.storyOf, { index: this.current + 1, count: stories.length, title: story.title || t.untitled }) : nothing}</h2>
            <button part="previous-button" aria-label=${t.previous} ?disabled=${this.current <= 0} @click=${this.previous}>${ICONS.up}</button>
            <button part="next-button" aria-label=${t.next} ?disabled=${this.current >= stories.length - 1} @click=${this.next}>${ICONS.down}</button>
            <button part="mute-button" aria-label=${this.muted ? t.unmute : t.mute} @click=${this.toggleSound}>${this.muted ? ICONS.soundOff : ICONS.soundOn}</button>
            <button part="close-button" aria-label=${t.close} @click=${this.close}>${ICONS.close}</button>
          </div>
          <div class="players"></div>
        </div>
        <span tabindex="0" @focus=${() => this.wrap(false)}></span>
      </dialog>
    `;
  }
}
