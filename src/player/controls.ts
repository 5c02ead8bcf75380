/**
 * The control bar and the player's keyboard: they read playback state and send requests
 * (`sv-media-request`), never calling the media themselves. Menus (captions, quality), the
 * seek-bar product markers (one tab stop, arrows between them) and the idle state that hides
 * the bar while playing live here too.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { fill } from '../internal/text.js';
import type { FullscreenController } from './fullscreen.js';
import { icons } from './icons.js';
import type { PlaybackController } from './playback.js';
import { requestMedia, type MediaRequest } from './requests.js';
import { formatTime, type PlayerStrings } from './strings.js';

type Menu = 'captions' | 'quality';

/** What the controls show: playback state, screen state, and the show's seek-bar markers. */
export interface ControlsView {
  t: PlayerStrings;
  playback: PlaybackController;
  screen: FullscreenController;
  /** Product markers for a seek bar of `duration` seconds (the show chunk renders them). */
  markers?: (duration: number) => unknown;
}

const IDLE_MS = 2500;

export class ControlsController implements ReactiveController {
  menu: Menu | null = null;
  /** Playing with no pointer or key activity for a while: the bar hides (`:host([idle])`). */
  private idleTimer = 0;
  private wasPlaying = false;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode; readonly playing: boolean }) {
    host.addController(this);
  }

  hostUpdated(): void {
    const { playing } = this.host;
    if (playing !== this.wasPlaying) {
      this.wasPlaying = playing;
      this.activity();
    }
  }

  hostDisconnected(): void {
    clearTimeout(this.idleTimer);
    this.host.toggleAttribute('idle', false);
  }

  /** Pointer or key activity: the bar shows, and hides again after a while if playing. */
  readonly activity = (): void => {
    this.host.toggleAttribute('idle', false);
    clearTimeout(this.idleTimer);
    if (this.host.playing) this.idleTimer = window.setTimeout(() => this.host.toggleAttribute('idle', !this.menu), IDLE_MS);
  };

  /** Keys anywhere in the player (the frame listens). */
  readonly onKeydown = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.composedPath()[0] as HTMLElement;
    const inRange = target instanceof HTMLInputElement;
    this.activity();
    if (e.key === 'Escape' && this.menu) {
      this.closeMenu(true);
    } else if (this.menu && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      const items = this.all<HTMLElement>('[role="menuitemradio"]');
      const i = items.indexOf(target);
      items[(i + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
    } else {
      const request = keyRequest(e.key, inRange, target instanceof HTMLButtonElement);
      if (!request) return;
      requestMedia(e.currentTarget!, request);
    }
    e.preventDefault();
  };

  /** A menu closes when focus leaves it. */
  readonly onFocusOut = (e: FocusEvent): void => {
    const next = e.relatedTarget as Node | null;
    if (this.menu && !this.host.renderRoot.querySelector('[role="menu"]')?.parentElement?.contains(next)) this.closeMenu(false);
  };

  render({ t, playback: p, screen, markers }: ControlsView): TemplateResult {
    const max = p.seekEnd;
    const live = p.live;
    const level = p.muted ? 0 : p.volume;
    void p.tracksVersion; // re-rendered when tracks change
    const ask = (request: MediaRequest) => (e: Event) => requestMedia(e.currentTarget!, request);
    return html`
      <div class="controls" part="controls">
        <div class="seek">
          <input
            type="range"
            min=${live?.start ?? 0}
            max=${max}
            step="any"
            .value=${String(Math.min(p.time, max))}
            aria-label=${t.seek}
            aria-valuetext=${fill(t.timeOf, { current: formatTime(p.time), duration: formatTime(max) })}
            ?disabled=${!max}
            @input=${(e: Event) => requestMedia(e.target!, { type: 'seek', time: Number((e.target as HTMLInputElement).value) })}
          />
          ${Number.isFinite(p.duration) && max ? markers?.(max) : nothing}
        </div>
        <div class="row">
          <button part="play-button" aria-label=${p.playing ? t.pause : t.play} @click=${ask({ type: 'toggle-play' })}>${p.playing ? icons.pause : icons.play}</button>
          <button part="mute-button" aria-label=${p.muted ? t.unmute : t.mute} @click=${ask({ type: 'toggle-mute' })}>${p.muted ? icons.muted : icons.volume}</button>
          <input
            class="volume"
            type="range"
            min="0"
            max="1"
            step="0.05"
            .value=${String(level)}
            aria-label=${t.volume}
            aria-valuetext=${`${Math.round(level * 100)}%`}
            @input=${(e: Event) => requestMedia(e.target!, { type: 'volume', volume: Number((e.target as HTMLInputElement).value) })}
          />
          ${live ? live.render(t) : html`<span class="time" aria-hidden="true">${formatTime(p.time)} / ${formatTime(max)}</span>`}
          <span class="spacer"></span>
          ${p.captionTracks.length
            ? this.renderMenu('captions', t.captions, icons.captions, [
                { label: t.captionsOff, checked: p.captionTrack < 0, request: { type: 'captions', index: -1 } },
                ...p.captionTracks.map((c) => ({ label: c.label, checked: p.captionTrack === c.index, request: { type: 'captions', index: c.index } as const })),
              ])
            : nothing}
          ${p.renditions.length > 1
            ? this.renderMenu('quality', t.quality, icons.quality, [
                { label: t.qualityAuto, checked: p.rendition < 0, request: { type: 'rendition', index: -1 } },
                ...p.renditions
                  .slice()
                  .sort((a, b) => b.bitrate - a.bitrate)
                  .map((r) => ({ label: r.label, checked: p.rendition === r.index, request: { type: 'rendition', index: r.index } as const })),
              ])
            : nothing}
          ${screen.pipSupported
            ? html`<button part="pip-button" aria-label=${screen.pip ? t.exitPip : t.pip} aria-pressed=${screen.pip} @click=${ask({ type: 'toggle-pip' })}>${icons.pip}</button>`
            : nothing}
          <button part="fullscreen-button" aria-label=${screen.fullscreen ? t.exitFullscreen : t.fullscreen} @click=${ask({ type: 'toggle-fullscreen' })}>
            ${screen.fullscreen ? icons.exitFullscreen : icons.fullscreen}
          </button>
        </div>
      </div>
    `;
  }

  private renderMenu(id: Menu, label: string, icon: unknown, items: Array<{ label: string; checked: boolean; request: MediaRequest }>): TemplateResult {
    const open = this.menu === id;
    return html`<div class="menu-wrap">
      <button part="${id}-button" data-menu=${id} aria-label=${label} aria-haspopup="menu" aria-expanded=${open} @click=${() => this.toggleMenu(id)}>${icon}</button>
      ${open
        ? html`<div role="menu" aria-label=${label}>
            ${items.map(
              (item) => html`<button
                role="menuitemradio"
                aria-checked=${item.checked}
                tabindex=${item.checked ? 0 : -1}
                @click=${(e: Event) => {
                  requestMedia(e.currentTarget!, item.request);
                  this.closeMenu(true);
                }}
              >
                ${item.label}
              </button>`,
            )}
          </div>`
        : nothing}
    </div>`;
  }

  private toggleMenu(menu: Menu): void {
    this.menu = this.menu === menu ? null : menu;
    this.host.requestUpdate();
    if (this.menu) void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('[role="menuitemradio"][aria-checked="true"]')?.focus());
  }

  private closeMenu(refocus: boolean): void {
    const menu = this.menu;
    this.menu = null;
    this.host.requestUpdate();
    if (refocus) void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(`[data-menu="${menu}"]`)?.focus());
  }

  private all<T extends Element>(selector: string): T[] {
    return Array.from(this.host.renderRoot.querySelectorAll<T>(selector));
  }
}

/** The player's keys: Space/K play-pause, arrows seek and volume, M mute, F full screen, C captions. */
function keyRequest(key: string, inRange: boolean, onButton: boolean): MediaRequest | null {
  switch (key) {
    case ' ':
      return onButton || inRange ? null : { type: 'toggle-play' };
    case 'k':
      return { type: 'toggle-play' };
    case 'ArrowLeft':
    case 'ArrowRight':
      return inRange ? null : { type: 'seek-by', delta: key === 'ArrowLeft' ? -5 : 5 }; // a slider moves itself
    case 'ArrowUp':
    case 'ArrowDown':
      return inRange ? null : { type: 'volume-by', delta: key === 'ArrowUp' ? 0.1 : -0.1 };
    case 'm':
      return { type: 'toggle-mute' };
    case 'f':
      return { type: 'toggle-fullscreen' };
    case 'c':
      return { type: 'toggle-captions' };
  }
  return null;
}
