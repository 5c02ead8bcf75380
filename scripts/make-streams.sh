#!/usr/bin/env bash
# Regenerates the small committed test streams under test/fixtures/streams/ (everything
# except README.md, which documents them). Run from anywhere: `npm run streams`.
# (ffprobe output is read to the end with `sed -n 1p`: `head -n1` can close the pipe early,
# ffprobe then dies of SIGPIPE and `pipefail` aborts the run.)
# Needs ffmpeg + ffprobe (Debian: `apt-get install -y ffmpeg`). Made with ffmpeg 5.1.
#
#   ts/index.m3u8     VOD, MPEG-TS, H.264 320x180 ~150k + AAC, 10 x 2 s segments
#   fmp4/master.m3u8  VOD, fMP4/CMAF, 3 H.264 renditions + 1 AAC rendition, 10 x 2 s segments
#   subs/master.m3u8  VOD, MPEG-TS 320x180 + WebVTT subtitles in English and German
#   mp4/clip.mp4      progressive MP4 (faststart), H.264 320x180 + AAC
#   stories/<id>/     six short vertical (9:16) stories for <shoppable-feed>: 6-8 s, MPEG-TS
#                     360x640 ~90k + AAC, 2 s segments, master.m3u8 + index.m3u8, poster.jpg
#                     (show.json next to them is hand-written and kept by this script)
#
# Every video frame comes from ffmpeg's `testsrc2` (moving pattern + timer, no fonts) and
# the audio from `sine` (440 Hz with a short beep every second). Output is reproducible:
# bitexact muxing, no metadata, single-threaded x264 (frame-threaded rate control is not
# repeatable), so a rerun with the same ffmpeg gives byte-identical files. Everything is
# written to a temporary directory, checked, and only then swapped in, so a failed run
# leaves the previous fixtures untouched.
set -euo pipefail
export LC_ALL=C   # "." decimal separator in printf/awk

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/test/fixtures/streams"

for tool in ffmpeg ffprobe; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "make-streams: $tool not found. Install it (Debian/Ubuntu: apt-get install -y ffmpeg)." >&2
    exit 1
  fi
done

TMP="$(mktemp -d "${TMPDIR:-/tmp}/make-streams.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

DURATION=20   # seconds of video in every stream
SEG=2         # HLS segment length (seconds); a keyframe starts every segment
FPS=24
GOP=$((FPS * SEG))

FF=(ffmpeg -nostdin -hide_banner -loglevel error -y)
# Reproducible output: no encoder/muxer version strings, no metadata, one x264 thread.
DETERMINISTIC=(-fflags +bitexact -flags +bitexact -map_metadata -1 -threads 1)
# H.264 Main, yuv420p, closed 2 s GOPs: a keyframe exactly every $SEG seconds and no
# scene-cut keyframes, so segments (and renditions) line up.
X264=(-c:v libx264 -preset medium -profile:v main -pix_fmt yuv420p -r "$FPS"
  -g "$GOP" -keyint_min "$GOP" -sc_threshold 0 -force_key_frames "expr:gte(t,n_forced*$SEG)")
AAC=(-c:a aac -b:a 32k -ac 2 -ar 48000)

testsrc() { echo "testsrc2=size=$1:rate=$FPS:duration=$DURATION"; }
sine() { echo "sine=frequency=440:beep_factor=4:sample_rate=48000:duration=${1:-$DURATION}"; }

# ---------------------------------------------------------------------------------------
# helpers

# RFC 6381 codec string (avc1.PPCCLL) read from the stream's own SPS: profile_idc,
# constraint flags, level_idc. $1 is anything ffmpeg can read (a .ts, an .mp4, or
# "concat:init.mp4|seg0.m4s").
avc1_codec() {
  local hex
  hex="$(ffmpeg -nostdin -v error -i "$1" -map 0:v:0 -c copy -frames:v 1 -f h264 - | od -An -v -tx1 | tr -d ' \n')"
  hex="$(grep -oE '000001(67|47|27)[0-9a-f]{6}' <<<"$hex" | head -n1)"
  [[ -n "$hex" ]] || { echo "make-streams: no SPS found in $1" >&2; exit 1; }
  echo "avc1.${hex:8:6}"
}

# Fails unless the codec string agrees with ffprobe's profile and level.
check_codec() { # <input> <avc1.xxxxxx>
  local profile level want_p
  profile="$(ffprobe -v error -select_streams v:0 -show_entries stream=profile -of default=nw=1:nk=1 "$1" | sed -n 1p)"
  level="$(ffprobe -v error -select_streams v:0 -show_entries stream=level -of default=nw=1:nk=1 "$1" | sed -n 1p)"
  case "$profile" in
    Main) want_p=4d ;;
    Baseline | "Constrained Baseline") want_p=42 ;;
    *) echo "make-streams: unexpected H.264 profile '$profile' in $1" >&2; exit 1 ;;
  esac
  # avc1.<profile_idc><constraint flags><level_idc>, e.g. Main level 3.0 = avc1.4d401e
  if ! [[ "${2#avc1.}" =~ ^${want_p}[0-9a-f]{2}$(printf '%02x' "$level")$ ]]; then
    echo "make-streams: codec string $2 does not match ffprobe ($profile, level $level) for $1" >&2
    exit 1
  fi
}

# "<peak> <average>" bits per second over the media segments of a playlist
# (init segments excluded), as HLS BANDWIDTH / AVERAGE-BANDWIDTH want them.
playlist_rates() { # <dir> <playlist>
  local dir="$1" pl="$2" dur="" line size peak=0 bits=0 secs=0
  while IFS= read -r line; do
    case "$line" in
      '#EXTINF:'*) dur="${line#\#EXTINF:}"; dur="${dur%%,*}" ;;
      '#'* | '') ;;
      *)
        size="$(wc -c <"$dir/$line")"
        read -r peak bits secs < <(awk -v s="$size" -v d="$dur" -v p="$peak" -v b="$bits" -v t="$secs" \
          'BEGIN { r = s * 8 / d; if (r > p) p = r; printf "%.3f %d %.6f\n", p, b + s * 8, t + d }')
        ;;
    esac
  done <"$dir/$pl"
  awk -v p="$peak" -v b="$bits" -v t="$secs" 'BEGIN { printf "%d %d\n", int(p) + 1, int(b / t) + 1 }'
}

# Fails unless every media segment of the playlist starts with a keyframe and the
# playlist has DURATION/SEG segments (rounded up: a 7 s story ends on a 1 s segment).
check_segments() { # <dir> <playlist> [init]
  local dir="$1" pl="$2" init="${3:-}" n=0 seg input flags
  while IFS= read -r seg; do
    input="$dir/$seg"
    [[ -n "$init" ]] && input="concat:$dir/$init|$dir/$seg"
    flags="$(ffprobe -v error -select_streams v:0 -read_intervals '%+#1' -show_entries packet=flags -of csv=p=0 "$input" | sed -n 1p)"
    [[ "$flags" == K* ]] || { echo "make-streams: $dir/$seg does not start with a keyframe" >&2; exit 1; }
    n=$((n + 1))
  done < <(grep -v '^#' "$dir/$pl" | grep -v '^$')
  [[ $n -eq $(((DURATION + SEG - 1) / SEG)) ]] || { echo "make-streams: $dir/$pl has $n segments" >&2; exit 1; }
}

# One MPEG-TS HLS rendition: 320x180 H.264 + AAC, seg0.ts ... seg9.ts.
encode_ts() { # <dir> <playlist name> <video kbit/s>
  local dir="$1" pl="$2" kb="$3"
  mkdir -p "$dir"
  "${FF[@]}" -f lavfi -i "$(testsrc 320x180)" -f lavfi -i "$(sine)" \
    -map 0:v -map 1:a "${X264[@]}" -b:v "${kb}k" -maxrate "$((kb * 4 / 3))k" -bufsize "$((kb * 2))k" \
    "${AAC[@]}" "${DETERMINISTIC[@]}" \
    -f hls -hls_time "$SEG" -hls_playlist_type vod -hls_flags independent_segments \
    -hls_segment_type mpegts -hls_segment_filename "$dir/seg%d.ts" "$dir/$pl"
}

# ---------------------------------------------------------------------------------------
# 1. ts/: single rendition, MPEG-TS segments

echo "make-streams: ts/"
encode_ts "$TMP/ts" index.m3u8 150
check_segments "$TMP/ts" index.m3u8
TS_CODEC="$(avc1_codec "$TMP/ts/seg0.ts")"
check_codec "$TMP/ts/seg0.ts" "$TS_CODEC"

# ---------------------------------------------------------------------------------------
# 2. fmp4/: three video renditions + one audio rendition, fMP4 (CMAF) segments.
# One encode, one source split three ways, identical GOP settings: keyframes line up.
# The audio is 19.9 s so its last AAC frame does not spill into a tiny 11th segment.

echo "make-streams: fmp4/"
F="$TMP/fmp4"
mkdir -p "$F"
"${FF[@]}" -f lavfi -i "$(testsrc 640x360)" -f lavfi -i "$(sine 19.9)" \
  -filter_complex '[0:v]split=3[a][b][c];[a]scale=256:144[v0];[b]scale=426:240[v1];[c]null[v2]' \
  -map '[v0]' -map '[v1]' -map '[v2]' -map 1:a "${X264[@]}" \
  -b:v:0 56k -maxrate:v:0 75k -bufsize:v:0 112k \
  -b:v:1 112k -maxrate:v:1 150k -bufsize:v:1 224k \
  -b:v:2 200k -maxrate:v:2 266k -bufsize:v:2 400k \
  "${AAC[@]}" "${DETERMINISTIC[@]}" \
  -f hls -hls_time "$SEG" -hls_playlist_type vod -hls_flags independent_segments \
  -hls_segment_type fmp4 -hls_fmp4_init_filename '%v_init.mp4' \
  -var_stream_map 'v:0,name:144p v:1,name:240p v:2,name:360p a:0,name:audio' \
  -hls_segment_filename "$F/%v_seg%d.m4s" "$F/%v.m3u8"

read -r A_PEAK A_AVG < <(playlist_rates "$F" audio.m3u8)
{
  echo '#EXTM3U'
  echo '#EXT-X-VERSION:7'
  echo '#EXT-X-INDEPENDENT-SEGMENTS'
  echo '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="Main",LANGUAGE="en",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="2",URI="audio.m3u8"'
  for r in 144p:256x144 240p:426x240 360p:640x360; do
    name="${r%%:*}" res="${r#*:}"
    check_segments "$F" "$name.m3u8" "${name}_init.mp4"
    codec="$(avc1_codec "concat:$F/${name}_init.mp4|$F/${name}_seg0.m4s")"
    check_codec "concat:$F/${name}_init.mp4|$F/${name}_seg0.m4s" "$codec"
    read -r v_peak v_avg < <(playlist_rates "$F" "$name.m3u8")
    echo "#EXT-X-STREAM-INF:BANDWIDTH=$((v_peak + A_PEAK)),AVERAGE-BANDWIDTH=$((v_avg + A_AVG)),RESOLUTION=$res,FRAME-RATE=$FPS.000,CODECS=\"$codec,mp4a.40.2\",AUDIO=\"aud\""
    echo "$name.m3u8"
  done
} >"$F/master.m3u8"

# ---------------------------------------------------------------------------------------
# 3. subs/: one MPEG-TS rendition + WebVTT subtitle playlists (English default, German).
# One cue per 2 s segment, cue i (0-based) from 2i to 2i+2 s.
#
# X-TIMESTAMP-MAP maps the cues' LOCAL 00:00:00.000 to the MPEG-TS clock value that is
# media time 0: the earliest timestamp in the first segment, i.e. min(first video DTS,
# first audio PTS). ffmpeg's TS muxer starts its clock at 1.4 s (126000), which is where
# the first video DTS sits; hls.js takes this same value as its initPTS, so a cue's
# VTT time equals video.currentTime.

echo "make-streams: subs/"
S="$TMP/subs"
encode_ts "$S" video.m3u8 48
check_segments "$S" video.m3u8
SUBS_CODEC="$(avc1_codec "$S/seg0.ts")"
check_codec "$S/seg0.ts" "$SUBS_CODEC"
V_DTS="$(ffprobe -v error -select_streams v:0 -read_intervals '%+#1' -show_entries packet=dts -of csv=p=0 "$S/seg0.ts" | sed -n 1p | cut -d, -f1)"
A_PTS="$(ffprobe -v error -select_streams a:0 -read_intervals '%+#1' -show_entries packet=pts -of csv=p=0 "$S/seg0.ts" | sed -n 1p | cut -d, -f1)"
MPEGTS=$((V_DTS < A_PTS ? V_DTS : A_PTS))

EN=(one two three four five six seven eight nine ten)
DE=(eins zwei drei vier fünf sechs sieben acht neun zehn)

vtt_time() { printf '00:00:%06.3f' "$1"; }

write_subs() { # <lang> <prefix text> <words...>
  local lang="$1" prefix="$2"
  shift 2
  local words=("$@") i start end
  {
    echo '#EXTM3U'
    echo '#EXT-X-VERSION:3'
    echo "#EXT-X-TARGETDURATION:$SEG"
    echo '#EXT-X-MEDIA-SEQUENCE:0'
    echo '#EXT-X-PLAYLIST-TYPE:VOD'
    for i in "${!words[@]}"; do
      echo "#EXTINF:$SEG.000000,"
      echo "subs_${lang}_$i.vtt"
    done
    echo '#EXT-X-ENDLIST'
  } >"$S/subs_$lang.m3u8"
  for i in "${!words[@]}"; do
    start=$((i * SEG))
    end=$((start + SEG))
    cat >"$S/subs_${lang}_$i.vtt" <<EOF
WEBVTT
X-TIMESTAMP-MAP=MPEGTS:$MPEGTS,LOCAL:00:00:00.000

$lang-$((i + 1))
$(vtt_time "$start") --> $(vtt_time "$end")
$prefix ${words[$i]}
EOF
  done
}
write_subs en Caption "${EN[@]}"
write_subs de Untertitel "${DE[@]}"

read -r S_PEAK S_AVG < <(playlist_rates "$S" video.m3u8)
cat >"$S/master.m3u8" <<EOF
#EXTM3U
#EXT-X-VERSION:3
#EXT-X-INDEPENDENT-SEGMENTS
#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English",LANGUAGE="en",DEFAULT=YES,AUTOSELECT=YES,URI="subs_en.m3u8"
#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="Deutsch",LANGUAGE="de",DEFAULT=NO,AUTOSELECT=YES,URI="subs_de.m3u8"
#EXT-X-STREAM-INF:BANDWIDTH=$S_PEAK,AVERAGE-BANDWIDTH=$S_AVG,RESOLUTION=320x180,FRAME-RATE=$FPS.000,CODECS="$SUBS_CODEC,mp4a.40.2",SUBTITLES="subs"
video.m3u8
EOF

# ---------------------------------------------------------------------------------------
# 4. mp4/: progressive MP4, moov first (faststart).

echo "make-streams: mp4/"
mkdir -p "$TMP/mp4"
"${FF[@]}" -f lavfi -i "$(testsrc 320x180)" -f lavfi -i "$(sine)" \
  -map 0:v -map 1:a "${X264[@]}" -b:v 64k -maxrate 85k -bufsize 128k \
  "${AAC[@]}" "${DETERMINISTIC[@]}" -movflags +faststart "$TMP/mp4/clip.mp4"
MP4_CODEC="$(avc1_codec "$TMP/mp4/clip.mp4")"
check_codec "$TMP/mp4/clip.mp4" "$MP4_CODEC"

# ---------------------------------------------------------------------------------------
# 5. unsupported/: streams this browser cannot decode (no ffmpeg needed).
#   hevc.m3u8  a master playlist whose only variant claims HEVC Main 10 (the fmp4/ 144p media):
#              Chromium without an HEVC decoder rejects it (manifestIncompatibleCodecsError).
#   junk.m3u8  a media playlist whose segments are text, not MPEG-TS (fragParsingError).

echo "make-streams: unsupported/"
U="$TMP/unsupported"
mkdir -p "$U"
printf '%s\n' '#EXTM3U' '#EXT-X-VERSION:7' '#EXT-X-INDEPENDENT-SEGMENTS' \
  '#EXT-X-STREAM-INF:BANDWIDTH=100387,RESOLUTION=256x144,CODECS="hvc1.2.4.L153.B0"' \
  '../fmp4/144p.m3u8' >"$U/hevc.m3u8"
# (yes dies of SIGPIPE when head stops reading: read it through a process substitution,
# whose exit status pipefail does not see.)
for i in 0 1; do head -c 6000 < <(yes 'not a video segment') >"$U/junk$i.ts"; done
printf '%s\n' '#EXTM3U' '#EXT-X-VERSION:3' '#EXT-X-TARGETDURATION:2' '#EXT-X-PLAYLIST-TYPE:VOD' \
  '#EXTINF:2.0,' 'junk0.ts' '#EXTINF:2.0,' 'junk1.ts' '#EXT-X-ENDLIST' >"$U/junk.m3u8"

# ---------------------------------------------------------------------------------------
# 6. stories/: short vertical clips for <shoppable-feed> (issue 12). One MPEG-TS rendition
# each (360x640, ~90 kbit/s video), 2 s segments, a master playlist (so the player's
# start-up prefetch runs as for any show), and a poster (the frame at 0.5 s). Each story
# turns the test pattern's hue and the tone's pitch, so a test (or a person) can tell them
# apart. The show manifests (stories/<id>/show.json) are hand-written, not generated: they
# are carried over from the previous fixtures below.

echo "make-streams: stories/"
STORIES=(linen-overshirt:8:0 velvet-lipstick:6:60 rose-serum:7:120 gold-hoops:6:180 canvas-sneaker:7:240 spring-mix:8:300)
for story in "${STORIES[@]}"; do
  IFS=: read -r id secs hue <<<"$story"
  D="$TMP/stories/$id"
  mkdir -p "$D"
  "${FF[@]}" -f lavfi -i "testsrc2=size=360x640:rate=$FPS:duration=$secs,hue=h=$hue" \
    -f lavfi -i "sine=frequency=$((330 + hue)):beep_factor=4:sample_rate=48000:duration=$secs" \
    -map 0:v -map 1:a "${X264[@]}" -b:v 90k -maxrate 120k -bufsize 180k \
    "${AAC[@]}" "${DETERMINISTIC[@]}" \
    -f hls -hls_time "$SEG" -hls_playlist_type vod -hls_flags independent_segments \
    -hls_segment_type mpegts -hls_segment_filename "$D/seg%d.ts" "$D/index.m3u8"
  DURATION="$secs" check_segments "$D" index.m3u8
  codec="$(avc1_codec "$D/seg0.ts")"
  check_codec "$D/seg0.ts" "$codec"
  read -r peak avg < <(playlist_rates "$D" index.m3u8)
  printf '%s\n' '#EXTM3U' '#EXT-X-VERSION:3' '#EXT-X-INDEPENDENT-SEGMENTS' \
    "#EXT-X-STREAM-INF:BANDWIDTH=$peak,AVERAGE-BANDWIDTH=$avg,RESOLUTION=360x640,FRAME-RATE=$FPS.000,CODECS=\"$codec,mp4a.40.2\"" \
    index.m3u8 >"$D/master.m3u8"
  # (frame 12 = 0.5 s; an input -ss on these TS segments yields no frame at all)
  "${FF[@]}" -i "$D/seg0.ts" -vf 'select=eq(n\,12),scale=180:320' -frames:v 1 -q:v 6 "${DETERMINISTIC[@]}" "$D/poster.jpg"
  [[ -s "$D/poster.jpg" ]] || { echo "make-streams: no poster for $id" >&2; exit 1; }
  if [[ -f "$OUT/stories/$id/show.json" ]]; then cp "$OUT/stories/$id/show.json" "$D/"; fi
done

# ---------------------------------------------------------------------------------------
# swap in: wipe everything but README.md, move the new streams in place

mkdir -p "$OUT"
find "$OUT" -mindepth 1 -maxdepth 1 ! -name README.md -exec rm -rf {} +
mv "$TMP/ts" "$TMP/fmp4" "$TMP/subs" "$TMP/mp4" "$TMP/unsupported" "$TMP/stories" "$OUT/"

echo "make-streams: done ($(du -sh "$OUT" | cut -f1) in ${OUT#"$ROOT"/})"
echo "  ts/index.m3u8     $TS_CODEC,mp4a.40.2"
echo "  fmp4/master.m3u8  $(grep -o 'CODECS="[^"]*"' "$OUT/fmp4/master.m3u8" | tr '\n' ' ')"
echo "  subs/master.m3u8  $SUBS_CODEC,mp4a.40.2  X-TIMESTAMP-MAP MPEGTS:$MPEGTS"
echo "  mp4/clip.mp4      $MP4_CODEC,mp4a.40.2"
echo "  stories/          ${#STORIES[@]} stories, $(du -sh "$OUT/stories" | cut -f1)"
