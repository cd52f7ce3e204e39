/**
 * An HLS playlist whose every URI (variant playlists, segments, `URI="..."` of EXT-X-MAP, EXT-X-KEY
 * and EXT-X-MEDIA) carries `token`, so a player following it (hls.js, Safari) sends the token with
 * each request. Absolute URIs are left alone.
 */
export const withMediaToken = (playlist: string, token: string): string => {
  const query = `token=${encodeURIComponent(token)}`
  const tokenized = (uri: string) =>
    /^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith('/') ? uri : `${uri}${uri.includes('?') ? '&' : '?'}${query}`
  return playlist
    .split('\n')
    .map((line) => {
      const text = line.trim()
      if (!text) return line
      if (text.startsWith('#')) return line.replace(/URI="([^"]*)"/g, (_, uri: string) => `URI="${tokenized(uri)}"`)
      return tokenized(text)
    })
    .join('\n')
}
