import type { FullscreenController } from './fullscreen.js';
import type { PlaybackController } from './playback.js';
import type { MediaRequest } from './requests.js';

/** The one place where requests from the controls, the keyboard and the overlay become media calls. */
export function handleMediaRequest(request: MediaRequest, p: PlaybackController, screen: FullscreenController): void {
  switch (request.type) {
    case 'play':
      return void p.play();
    case 'pause':
      return p.pause();
    case 'toggle-play':
      return p.togglePlay();
    case 'seek':
      p.currentTime = request.time;
      return;
    case 'seek-by':
      return p.seekBy(request.delta);
    case 'volume':
      p.volume = request.volume;
      return p.setMuted(p.volume === 0);
    case 'volume-by':
      p.volume += request.delta;
      if (p.muted && request.delta > 0) p.setMuted(false);
      return;
    case 'toggle-mute':
      return p.toggleMute();
    case 'toggle-fullscreen':
      return void screen.toggleFullscreen();
    case 'toggle-pip':
      return void screen.togglePip();
    case 'captions':
      p.captionTrack = request.index;
      return;
    case 'toggle-captions':
      return p.toggleCaptions();
    case 'rendition':
      p.rendition = request.index;
      return;
    case 'retry':
      return p.retry();
  }
}
