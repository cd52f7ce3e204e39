import { createHmac, timingSafeEqual } from 'node:crypto'
import { escapeHtml, getEnv } from '@/core'

/**
 * Open and click tracking of marketing e-mail. Every link of the message is rewritten to
 * `/api/message-logs/:id/click?u=<url>&sig=<HMAC(message log, url)>`, so the redirect goes only
 * to URLs that were in that message (a forged or altered `u` fails the signature); the pixel is
 * `/api/message-logs/:id/open.gif?sig=<HMAC(message log, "open")>`.
 */
const key = () => `marketing-tracking:${getEnv().PAYLOAD_SECRET}`

export const trackingSignature = (messageLog: string, target: string): string =>
  createHmac('sha256', key()).update(`${messageLog}\n${target}`).digest('base64url')

export const verifyTrackingSignature = (messageLog: string, target: string, signature: string): boolean => {
  const expected = Buffer.from(trackingSignature(messageLog, target))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

const base = () => `${getEnv().SERVER_URL.replace(/\/$/, '')}/api/message-logs`

export const OPEN_TARGET = 'open'

export const openPixelUrl = (messageLog: string) =>
  `${base()}/${messageLog}/open.gif?sig=${trackingSignature(messageLog, OPEN_TARGET)}`

export const clickUrl = (messageLog: string, url: string) =>
  `${base()}/${messageLog}/click?u=${encodeURIComponent(url)}&sig=${trackingSignature(messageLog, url)}`

/** http(s) URLs in plain text; trailing punctuation belongs to the sentence. */
const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/g
const trimUrl = (url: string) => url.replace(/[.,;:!?)\]}]+$/, '')

/** The URLs of a message body (what may be redirected to). */
export const linksOf = (text: string): string[] => [...text.matchAll(URL_PATTERN)].map((m) => trimUrl(m[0]))

/**
 * The HTML of a tracked message: the text escaped, each URL a link through the signed redirect,
 * and the open pixel at the end.
 */
export const trackedHtml = (messageLog: string, text: string): string => {
  let html = ''
  let at = 0
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = trimUrl(match[0])
    const index = match.index ?? 0
    html += escapeHtml(text.slice(at, index))
    html += `<a href="${escapeHtml(clickUrl(messageLog, url))}">${escapeHtml(url)}</a>`
    at = index + url.length
  }
  html += escapeHtml(text.slice(at))
  return `<p>${html.replace(/\n/g, '<br>')}</p><img src="${escapeHtml(openPixelUrl(messageLog))}" width="1" height="1" alt="" style="display:block;border:0">`
}
