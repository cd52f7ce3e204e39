import type { HlsRung } from './hlsLadder'

/** Width of a rendition `height` pixels tall with the source's aspect ratio (even, as libx264 wants). */
export const scaledWidth = (source: { width: number; height: number }, height: number): number =>
  Math.max(2, Math.round((source.width * height) / source.height / 2) * 2)

/** The HLS master playlist listing each rung's variant playlist (`<name>.m3u8`), lowest first. */
export const masterPlaylist = (source: { width: number; height: number }, rungs: HlsRung[]): string =>
  [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    ...[...rungs]
      .sort((a, b) => a.height - b.height)
      .flatMap((rung) => [
        `#EXT-X-STREAM-INF:BANDWIDTH=${(rung.videoKbps + rung.audioKbps) * 1000},RESOLUTION=${scaledWidth(source, rung.height)}x${rung.height}`,
        `${rung.name}.m3u8`,
      ]),
    '',
  ].join('\n')
