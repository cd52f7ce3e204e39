'use client'

import { usePathname } from 'next/navigation'
import { useEffect, useState } from 'react'
import type { SiteBanner, SiteBannersReply } from '@plugins/marketing/contract'
import { dismissBanner } from './bannerActions'

/**
 * The tenant's current banner announcements, asked from the site's private `banners` route after
 * each navigation (the page itself is the same cached HTML for everyone). A signed-in member can
 * hide one for themselves ("Dismiss"); it stays hidden on every device.
 */
export function SiteBanners({ bannersUrl, siteKey }: { bannersUrl: string; siteKey: string }) {
  const pathname = usePathname()
  const [reply, setReply] = useState<SiteBannersReply | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    fetch(bannersUrl, { credentials: 'same-origin', cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: SiteBannersReply | null) => {
        if (live && body) setReply(body)
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [bannersUrl, pathname])
  if (!reply || reply.banners.length === 0) return null
  const dismiss = async (banner: SiteBanner) => {
    setError(null)
    const result = await dismissBanner(siteKey, banner.id)
    if (result.ok) setReply({ ...reply, banners: reply.banners.filter((b) => b.id !== banner.id) })
    else setError(result.message ?? 'The notice could not be hidden.')
  }
  return (
    <section className="site-banners" aria-label="Announcements">
      {reply.banners.map((banner) => (
        <div
          key={banner.id}
          className={`site-banner site-banner-${banner.priority}`}
          role={banner.priority === 'urgent' ? 'alert' : undefined}
          data-testid="site-banner"
        >
          <div className="wrap site-banner-inner">
            <p>
              <strong>{banner.title}</strong> {banner.body}
            </p>
            {reply.canDismiss ? (
              <button
                type="button"
                className="site-banner-dismiss"
                onClick={() => void dismiss(banner)}
                aria-label={`Dismiss the notice “${banner.title}”`}
              >
                Dismiss
              </button>
            ) : null}
          </div>
        </div>
      ))}
      {error ? (
        <p className="wrap flash flash-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  )
}
