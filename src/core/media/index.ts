/** Video: the transcode seam, the job's pieces, and signed HLS delivery (docs/kernel.md#video). */
export type { VideoTranscoder, TranscodeRequest, TranscodeResult, TranscodeSubject } from './VideoTranscoder'
export { TranscodeError } from './TranscodeError'
export { ffmpegTranscoder, type FfmpegTranscoderOptions } from './ffmpegTranscoder'
export { ffmpegPath } from './ffmpegPath'
export { withVideoTranscoder } from './withVideoTranscoder'
export { signMediaToken, MAX_MEDIA_TOKEN_TTL_SECONDS, type MediaTokenClaims } from './signMediaToken'
export { verifyMediaToken, type MediaTokenCheck } from './verifyMediaToken'
export { mediaHlsUrl } from './mediaHlsUrl'
