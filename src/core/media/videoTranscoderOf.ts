import { ffmpegTranscoder } from './ffmpegTranscoder'
import type { VideoTranscoder } from './VideoTranscoder'

const embedded = ffmpegTranscoder()

/** The transcoder registered with `withVideoTranscoder`, else the embedded ffmpeg one. */
export const videoTranscoderOf = (custom: Record<string, unknown> | undefined): VideoTranscoder => {
  const registered = custom?.videoTranscoder as VideoTranscoder | undefined
  return registered && typeof registered.transcode === 'function' ? registered : embedded
}
