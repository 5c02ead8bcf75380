import type { ReactiveController, ReactiveControllerHost } from 'lit';

type WebkitDocument = Document & { webkitFullscreenElement?: Element | null; webkitExitFullscreen?: () => void };
type WebkitElement = HTMLElement & { webkitRequestFullscreen?: () => void };
type WebkitVideo = HTMLVideoElement & { webkitEnterFullscreen?: () => void };

/**
 * Full screen on the host (so overlays stay visible; iPhone falls back to the video's own)
 * and picture-in-picture, with their state for the controls and the mini-player.
 */
export class FullscreenController implements ReactiveController {
  fullscreen = false;
  pip = false;
  private video: HTMLVideoElement | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('fullscreenchange', this.onChange);
    document.addEventListener('webkitfullscreenchange', this.onChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('fullscreenchange', this.onChange);
    document.removeEventListener('webkitfullscreenchange', this.onChange);
  }

  /** Follows the video's picture-in-picture state (the video lives as long as the host's shadow root). */
  attach(video: HTMLVideoElement): void {
    this.video = video;
    video.addEventListener('enterpictureinpicture', this.onChange);
    video.addEventListener('leavepictureinpicture', this.onChange);
  }

  get pipSupported(): boolean {
    return document.pictureInPictureEnabled && !this.video?.disablePictureInPicture;
  }

  async toggleFullscreen(): Promise<void> {
    const d = document as WebkitDocument;
    const host = this.host as WebkitElement;
    if (this.fullscreen) {
      if (d.exitFullscreen) await d.exitFullscreen().catch(() => undefined);
      else d.webkitExitFullscreen?.();
    } else if (host.requestFullscreen) {
      await host.requestFullscreen().catch(() => undefined);
    } else if (host.webkitRequestFullscreen) {
      host.webkitRequestFullscreen();
    } else {
      (this.video as WebkitVideo | null)?.webkitEnterFullscreen?.();
    }
  }

  async togglePip(): Promise<void> {
    const video = this.video;
    if (!video) return;
    try {
      if (document.pictureInPictureElement === video) await document.exitPictureInPicture();
      else await video.requestPictureInPicture();
    } catch {
      /* refused by the browser (no gesture, disabled): nothing to undo */
    }
  }

  private readonly onChange = (): void => {
    const d = document as WebkitDocument;
    this.fullscreen = (d.fullscreenElement ?? d.webkitFullscreenElement) === this.host;
    this.pip = Boolean(this.video) && document.pictureInPictureElement === this.video;
    this.host.requestUpdate();
  };
}
