/** The media document a transcode is for (ids only: no database access needed by a transcoder). */
export type TranscodeSubject = { id: string; tenant: string; filename: string; mimeType?: string | null }

export type TranscodeRequest = {
  media: TranscodeSubject
  /** The uploaded file on local disk. */
  sourcePath: string
  /** An empty folder for the output (HLS playlists, segments, poster); renamed into place on success. */
  outputDir: string
}

/** What a transcode produced: HLS files written to `outputDir`, or a stream hosted by a provider. */
export type TranscodeResult = {
  durationSeconds: number
  width: number
  height: number
} & (
  | {
      kind: 'hls'
      /** File names inside `outputDir`. */
      masterPlaylist: string
      poster: string
    }
  | {
      kind: 'stream'
      /** The provider's id of the stream (Mux playback id, Cloudflare Stream uid). */
      streamId: string
    }
)

/**
 * Turns an uploaded video into something a player can stream. The embedded default is
 * `ffmpegTranscoder()` (HLS ladder on local disk); Mux or Cloudflare Stream plug in by implementing
 * this interface (upload the source, return `{ kind: 'stream', streamId }`) and registering it with
 * `withVideoTranscoder`. A transcoder throws `TranscodeError` for a file it cannot read; the job
 * keeps that message on the media document (`transcodeError`).
 */
export interface VideoTranscoder {
  readonly name: string
  transcode(request: TranscodeRequest): Promise<TranscodeResult>
}
