import { TranscodeError } from './TranscodeError'

export type VideoProbe = { durationSeconds: number; width: number; height: number; hasAudio: boolean }

/**
 * What `ffmpeg -i <file>` printed about the input: duration, the first video stream's size (turned
 * when a rotation is recorded), whether there is audio. Throws `TranscodeError` for a file that is
 * not a readable video.
 */
export const parseProbe = (stderr: string): VideoProbe => {
  const invalid = /Invalid data found when processing input|moov atom not found|could not find codec parameters/i.exec(
    stderr,
  )
  if (invalid) throw new TranscodeError(`The file is not a readable video (${invalid[0]}).`)
  if (!/Stream #\d+:\d+/.test(stderr)) {
    const last =
      stderr
        .trim()
        .split('\n')
        .at(-1)
        ?.replace(/^.*?: /, '') ?? ''
    throw new TranscodeError(`The file is not a readable video${last ? ` (${last.trim()})` : ''}.`)
  }
  const video = /Stream #\d+:\d+[^:]*: Video: [^\n]*?, (\d{2,5})x(\d{2,5})/.exec(stderr)
  if (!video) throw new TranscodeError('The file has no video stream ffmpeg can read.')
  const duration = /Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(stderr)
  if (!duration) throw new TranscodeError('The video has no known duration.')
  const durationSeconds = Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3])
  if (!(durationSeconds > 0)) throw new TranscodeError('The video is empty (duration 0).')
  let width = Number(video[1])
  let height = Number(video[2])
  const rotate = /rotate\s*:\s*(-?\d+)/.exec(stderr) ?? /rotation of (-?\d+)/.exec(stderr)
  if (rotate && Math.abs(Number(rotate[1])) % 180 === 90) [width, height] = [height, width]
  return { durationSeconds, width, height, hasAudio: /Stream #\d+:\d+[^:]*: Audio: /.test(stderr) }
}
