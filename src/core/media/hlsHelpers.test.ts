import type { Config } from 'payload'
import { describe, expect, it } from 'vitest'
import { hlsFileType } from './hlsFileType'
import { hlsLadder } from './hlsLadder'
import { masterPlaylist } from './masterPlaylist'
import { parseProbe } from './parseProbe'
import type { VideoTranscoder } from './VideoTranscoder'
import { videoTranscoderOf } from './videoTranscoderOf'
import { withMediaToken } from './withMediaToken'
import { withVideoTranscoder } from './withVideoTranscoder'

describe('withMediaToken', () => {
  it('adds the token to every URI of master and variant playlists, tags with URI= included', () => {
    const master = masterPlaylist({ width: 1280, height: 720 }, hlsLadder(720))
    expect(withMediaToken(master, 'a.b')).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:3',
        '#EXT-X-STREAM-INF:BANDWIDTH=896000,RESOLUTION=640x360',
        '360p.m3u8?token=a.b',
        '#EXT-X-STREAM-INF:BANDWIDTH=2928000,RESOLUTION=1280x720',
        '720p.m3u8?token=a.b',
        '',
      ].join('\n'),
    )
    const variant =
      '#EXTM3U\n#EXT-X-MAP:URI="init.mp4"\n#EXTINF:4.0,\n360p_000.ts\n#EXTINF:2.0,\n360p_001.ts?x=1\nhttps://cdn.example/abs.ts\n#EXT-X-ENDLIST\n'
    expect(withMediaToken(variant, 'a.b')).toBe(
      '#EXTM3U\n#EXT-X-MAP:URI="init.mp4?token=a.b"\n#EXTINF:4.0,\n360p_000.ts?token=a.b\n#EXTINF:2.0,\n360p_001.ts?x=1&token=a.b\nhttps://cdn.example/abs.ts\n#EXT-X-ENDLIST\n',
    )
  })
})

describe('hlsFileType', () => {
  it('knows the names the transcoder writes and nothing else', () => {
    expect(hlsFileType('master.m3u8')).toBe('application/vnd.apple.mpegurl')
    expect(hlsFileType('720p.m3u8')).toBe('application/vnd.apple.mpegurl')
    expect(hlsFileType('360p_004.ts')).toBe('video/mp2t')
    expect(hlsFileType('poster.jpg')).toBe('image/jpeg')
    for (const bad of ['../master.m3u8', '..', 'x/720p.m3u8', '720p.m3u8/..', 'secret.txt', '360p_004.ts.bak', ''])
      expect(hlsFileType(bad), bad).toBeUndefined()
  })
})

describe('hlsLadder', () => {
  it('caps the ladder at the source height, and never upscales a small source', () => {
    expect(hlsLadder(1080).map((r) => r.name)).toEqual(['360p', '720p'])
    expect(hlsLadder(720).map((r) => r.name)).toEqual(['360p', '720p'])
    expect(hlsLadder(480).map((r) => r.name)).toEqual(['360p'])
    expect(hlsLadder(241).map((r) => [r.name, r.height])).toEqual([['240p', 240]])
  })
})

describe('parseProbe', () => {
  const probe = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'x.mp4':
  Duration: 00:01:03.02, start: 0.000000, bitrate: 269 kb/s
    Stream #0:0(und): Video: h264 (Constrained Baseline) (avc1 / 0x31637661), yuv420p, 640x360 [SAR 1:1 DAR 16:9], 187 kb/s, 24 fps (default)
    Stream #0:1(und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, mono, fltp, 75 kb/s (default)
At least one output file must be specified`
  it('reads duration, size and audio from what ffmpeg prints', () => {
    expect(parseProbe(probe)).toEqual({ durationSeconds: 63.02, width: 640, height: 360, hasAudio: true })
  })
  it('turns the size of a video recorded rotated', () => {
    expect(
      parseProbe(probe.replace('(default)\n', '(default)\n    Metadata:\n      rotate          : 90\n')),
    ).toMatchObject({
      width: 360,
      height: 640,
    })
  })
  it('says why a file is not a video', () => {
    expect(() => parseProbe('x.mp4: Invalid data found when processing input')).toThrow(/not a readable video/)
    expect(() => parseProbe(probe.replace(/Stream #0:0.*\n/, ''))).toThrow(/no video stream/)
    expect(() => parseProbe('[matroska,webm @ 0x28a49b00] Invalid EBML number\n/tmp/x.mkv: End of file')).toThrow(
      'The file is not a readable video (End of file).',
    )
  })
})

describe('videoTranscoderOf', () => {
  it('is the embedded ffmpeg transcoder unless one is registered with withVideoTranscoder', () => {
    expect(videoTranscoderOf(undefined).name).toBe('ffmpeg')
    const hosted: VideoTranscoder = {
      name: 'hosted',
      transcode: async () => ({ kind: 'stream', streamId: 's', durationSeconds: 1, width: 2, height: 2 }),
    }
    expect(videoTranscoderOf(withVideoTranscoder({} as Config, hosted).custom)).toBe(hosted)
  })
})
