import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { ffmpegPath } from './ffmpegPath'
import { DEFAULT_HLS_LADDER, hlsLadder, type HlsRung } from './hlsLadder'
import { masterPlaylist } from './masterPlaylist'
import { parseProbe } from './parseProbe'
import { runFfmpeg } from './runFfmpeg'
import type { VideoTranscoder } from './VideoTranscoder'

export const MASTER_PLAYLIST = 'master.m3u8'
export const POSTER = 'poster.jpg'

export type FfmpegTranscoderOptions = {
  /** The binary; `ffmpegPath()` (FFMPEG_PATH or the bundled one) when unset. */
  binary?: string
  ladder?: HlsRung[]
  /** Target segment length in seconds. */
  segmentSeconds?: number
  /** Longest one ffmpeg run may take before it is killed (default 20 minutes). */
  timeoutMs?: number
}

/**
 * The embedded transcoder: ffmpeg (no system package) turns the upload into an HLS ladder of
 * H.264/AAC MPEG-TS segments (`<rung>.m3u8`, `<rung>_000.ts`, ...; rungs capped at the source's
 * height), a master playlist listing them (`master.m3u8`) and a poster frame (`poster.jpg`).
 */
export const ffmpegTranscoder = (options: FfmpegTranscoderOptions = {}): VideoTranscoder => ({
  name: 'ffmpeg',
  transcode: async ({ sourcePath, outputDir }) => {
    const binary = options.binary ?? ffmpegPath()
    const segmentSeconds = options.segmentSeconds ?? 4
    const timeoutMs = options.timeoutMs ?? 20 * 60_000
    const probe = parseProbe(await runFfmpeg(binary, ['-i', sourcePath], { allowFailure: true, timeoutMs: 60_000 }))
    const rungs = hlsLadder(probe.height, options.ladder ?? DEFAULT_HLS_LADDER)
    for (const rung of rungs) {
      await runFfmpeg(
        binary,
        [
          '-loglevel',
          'error',
          '-y',
          '-i',
          sourcePath,
          '-map',
          '0:v:0',
          ...(probe.hasAudio ? ['-map', '0:a:0', '-c:a', 'aac', '-b:a', `${rung.audioKbps}k`, '-ac', '2'] : []),
          '-vf',
          `scale=-2:${rung.height}`,
          '-c:v',
          'libx264',
          '-preset',
          'veryfast',
          '-profile:v',
          'main',
          '-pix_fmt',
          'yuv420p',
          '-crf',
          '23',
          '-maxrate',
          `${rung.videoKbps}k`,
          '-bufsize',
          `${rung.videoKbps * 2}k`,
          '-force_key_frames',
          `expr:gte(t,n_forced*${segmentSeconds})`,
          '-sc_threshold',
          '0',
          '-f',
          'hls',
          '-hls_time',
          String(segmentSeconds),
          '-hls_playlist_type',
          'vod',
          '-hls_segment_filename',
          path.join(outputDir, `${rung.name}_%03d.ts`),
          path.join(outputDir, `${rung.name}.m3u8`),
        ],
        { timeoutMs },
      )
    }
    await writeFile(path.join(outputDir, MASTER_PLAYLIST), masterPlaylist(probe, rungs))
    const posterHeight = Math.min(720, probe.height - (probe.height % 2))
    await runFfmpeg(
      binary,
      [
        '-loglevel',
        'error',
        '-y',
        '-ss',
        String(Math.min(1, probe.durationSeconds / 3).toFixed(2)),
        '-i',
        sourcePath,
        '-frames:v',
        '1',
        '-vf',
        `scale=-2:${posterHeight}`,
        '-q:v',
        '3',
        path.join(outputDir, POSTER),
      ],
      { timeoutMs: 60_000 },
    )
    return {
      kind: 'hls',
      durationSeconds: Math.round(probe.durationSeconds * 1000) / 1000,
      width: probe.width,
      height: probe.height,
      masterPlaylist: MASTER_PLAYLIST,
      poster: POSTER,
    }
  },
})
