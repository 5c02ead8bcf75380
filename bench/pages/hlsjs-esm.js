// The hand-wired baseline's script (bundled with hls.js by bench/startup.mjs): what a skilled
// developer writes — hls.js created at once, loadSource + attachMedia, play.
import Hls from 'hls.js';

const video = document.querySelector('video');
const hls = new Hls();
hls.loadSource(new URLSearchParams(location.search).get('src'));
hls.attachMedia(video);
video.play();
