import { describe, expect, it } from 'vitest'
import { isPrivatePushHost } from './isPrivatePushHost'

describe('isPrivatePushHost', () => {
  it('accepts the public push services', () => {
    for (const host of ['fcm.googleapis.com', 'updates.push.services.mozilla.com', 'web.push.apple.com', '8.8.8.8'])
      expect(isPrivatePushHost(host)).toBe(false)
  })

  it('refuses local names, IPv6 literals and private, loopback and link-local addresses', () => {
    for (const host of [
      'localhost',
      'web',
      'printer.local',
      'a.localhost',
      '[::1]',
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
    ])
      expect(isPrivatePushHost(host)).toBe(true)
    expect(isPrivatePushHost('172.32.0.1')).toBe(false)
  })
})
