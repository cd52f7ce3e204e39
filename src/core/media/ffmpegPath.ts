import { createRequire } from 'node:module'
import { getEnv } from '../env'

/** The ffmpeg binary: `FFMPEG_PATH`, else the one shipped in the `@ffmpeg-installer/ffmpeg` npm package. */
export const ffmpegPath = (): string => {
  const configured = getEnv().FFMPEG_PATH
  if (configured) return configured
  const require = createRequire(import.meta.url)
  return (require('@ffmpeg-installer/ffmpeg') as { path: string }).path
}
