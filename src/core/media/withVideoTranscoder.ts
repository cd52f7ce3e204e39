import type { Config } from 'payload'
import type { VideoTranscoder } from './VideoTranscoder'

/**
 * Replaces the embedded ffmpeg transcoder (use in a plugin or the app config): the seam for Mux or
 * Cloudflare Stream. The `transcodeMedia` job hands every uploaded video to it.
 */
export const withVideoTranscoder = (config: Config, transcoder: VideoTranscoder): Config => ({
  ...config,
  custom: { ...config.custom, videoTranscoder: transcoder },
})
