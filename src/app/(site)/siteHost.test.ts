import { describe, expect, it } from 'vitest'
import { siteKeyForHost } from './siteHost'

describe('siteKeyForHost', () => {
  it('maps <slug>.<root> to the slug and own domains to the host', () => {
    expect(siteKeyForHost('sunrise-yoga.atrium.app', 'atrium.app')).toBe('sunrise-yoga')
    expect(siteKeyForHost('Sunrise-Yoga.localhost:3000', 'localhost')).toBe('sunrise-yoga')
    expect(siteKeyForHost('www.sunriseyoga.com', 'atrium.app')).toBe('www.sunriseyoga.com')
  })
  it('leaves the platform hosts, IPs and single labels alone', () => {
    expect(siteKeyForHost('atrium.app', 'atrium.app')).toBeNull()
    expect(siteKeyForHost('www.atrium.app', 'atrium.app')).toBeNull()
    expect(siteKeyForHost('localhost:3000', 'localhost')).toBeNull()
    expect(siteKeyForHost('127.0.0.1:3000', 'localhost')).toBeNull()
    expect(siteKeyForHost('web:3000', 'atrium.app')).toBeNull()
    expect(siteKeyForHost('app.example.com', 'atrium.app', ['app.example.com'])).toBeNull()
    expect(siteKeyForHost('a.b.atrium.app', 'atrium.app')).toBeNull()
    expect(siteKeyForHost('', 'atrium.app')).toBeNull()
  })
})
