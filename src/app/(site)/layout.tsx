import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import './site.css'

export const metadata: Metadata = {
  title: { default: 'Atrium', template: '%s · Atrium' },
  description: 'Studios, clubs, coaches and creators run their business on Atrium.',
}

export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
