/** Content types of the files a media's HLS folder may serve, by the shape of their names. */
const KNOWN: [RegExp, string][] = [
  [/^(master|\d{2,4}p)\.m3u8$/, 'application/vnd.apple.mpegurl'],
  [/^\d{2,4}p_\d{3,6}\.ts$/, 'video/mp2t'],
  [/^\d{2,4}p_\d{3,6}\.m4s$/, 'video/mp4'],
  [/^(\d{2,4}p_)?init\.mp4$/, 'video/mp4'],
  [/^poster\.jpg$/, 'image/jpeg'],
]

/**
 * The content type of `file` when it is a name the transcoder writes (playlists, segments, poster),
 * else undefined: nothing else (no `..`, no slash, no other name) is ever read from disk.
 */
export const hlsFileType = (file: string): string | undefined => KNOWN.find(([pattern]) => pattern.test(file))?.[1]
