import type { Faq } from '@/payload-types'
import type { Site } from './site'
import { SiteRichText } from './SiteRichText'

/** Questions and their rich-text answers (the FAQ page and a page's FAQ block). */
export function FaqList({ site, faqs }: { site: Site; faqs: Faq[] }) {
  return (
    <dl className="faq-list">
      {faqs.map((faq) => (
        <div key={faq.id} className="faq-item">
          <dt>{faq.question}</dt>
          <dd>
            <SiteRichText site={site} data={faq.answer} />
          </dd>
        </div>
      ))}
    </dl>
  )
}
