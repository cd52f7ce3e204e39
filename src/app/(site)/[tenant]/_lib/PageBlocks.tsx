import { getEnv } from '@/core'
import type { Form } from '@/payload-types'
import { ContactFormBlock, type ContactField } from './ContactFormBlock'
import { FaqList } from './FaqList'
import { GalleryList } from './GalleryList'
import { lexicalText } from './blog'
import { when } from './format'
import type { BlockData, PageBlock } from './pages'
import { href, type Site } from './site'
import { SiteRichText } from './SiteRichText'

/** Where a hero's call to action leads (the site's bookable pages). */
const CTA_PATHS: Record<string, string> = {
  schedule: '/schedule',
  pricing: '/pricing',
  events: '/events',
  appointments: '/appointments',
  bays: '/bays',
  courses: '/courses',
  signup: '/signup',
}

const contactFields = (form: Form): ContactField[] =>
  (form.fields ?? []).map((field): ContactField => {
    if (field.blockType === 'message') return { kind: 'message', text: lexicalText(field.message) }
    const base = { name: field.name, label: field.label || field.name, required: Boolean(field.required) }
    if (field.blockType === 'select')
      return {
        ...base,
        kind: 'select',
        options: (field.options ?? []).map((o) => ({ label: o.label, value: o.value })),
      }
    return { ...base, kind: field.blockType }
  })

/** A block's own heading (`h2`, labelled section), when it has one. */
function Section({
  id,
  heading,
  className,
  children,
}: {
  id: string
  heading: string | null | undefined
  className?: string
  children: React.ReactNode
}) {
  const title = heading?.trim()
  return (
    <section className={className} aria-labelledby={title ? id : undefined}>
      {title ? <h2 id={id}>{title}</h2> : null}
      {children}
    </section>
  )
}

/**
 * A page's blocks in order. `first` is the index of the block that carries the page's `h1`
 * (the first hero), else the page renders its title as `h1` itself.
 */
export function PageBlocks({ site, layout, data }: { site: Site; layout: PageBlock[]; data: BlockData }) {
  const firstHero = layout.findIndex((block) => block.blockType === 'hero')
  return (
    <>
      {layout.map((block, index) => {
        const key = block.id ?? `${block.blockType}-${index}`
        const id = `block-${index}`
        switch (block.blockType) {
          case 'richText':
            return <SiteRichText key={key} site={site} data={block.content} className="page-text blog-body" />
          case 'hero': {
            const Heading = index === firstHero ? 'h1' : 'h2'
            return (
              <section key={key} className="hero" aria-labelledby={id}>
                <Heading id={id}>{block.heading}</Heading>
                {block.text ? <p className="lead">{block.text}</p> : null}
                <p>
                  <a className="button" href={href(site, CTA_PATHS[block.ctaTarget] ?? '/schedule')}>
                    {block.ctaLabel?.trim() || 'Book now'}
                  </a>
                </p>
              </section>
            )
          }
          case 'faqList': {
            const faqs = data.faqs.get(index) ?? []
            if (faqs.length === 0) return null
            return (
              <Section key={key} id={id} heading={block.heading ?? 'Frequently asked questions'} className="faq-group">
                <FaqList site={site} faqs={faqs} />
              </Section>
            )
          }
          case 'gallery': {
            const items = data.gallery.get(index) ?? []
            if (items.length === 0) return null
            return (
              <Section key={key} id={id} heading={block.heading ?? 'Gallery'}>
                <GalleryList items={items} />
              </Section>
            )
          }
          case 'scheduleTeaser': {
            const classes = data.schedule.get(index) ?? []
            return (
              <Section key={key} id={id} heading={block.heading ?? 'Coming up'}>
                {classes.length === 0 ? (
                  <p className="muted">No classes on the schedule in the next days.</p>
                ) : (
                  <ul className="plain-list">
                    {classes.map((entry) => (
                      <li key={entry.id}>
                        <a href={href(site, `/classes/${entry.id}`)}>{entry.title}</a>
                        {' · '}
                        <time dateTime={entry.startTime}>{when(entry.startTime, entry.timezone)}</time>
                        {entry.location ? ` · ${entry.location.name}` : ''}
                        {entry.instructor?.name ? ` · with ${entry.instructor.name}` : ''}
                      </li>
                    ))}
                  </ul>
                )}
                <p>
                  <a href={href(site, '/schedule')}>See the full schedule</a>
                </p>
              </Section>
            )
          }
          case 'contactForm': {
            const form = data.forms.get(index)
            if (!form) return null
            return (
              <Section key={key} id={id} heading={block.heading ?? form.title}>
                <ContactFormBlock
                  formId={form.id}
                  fields={contactFields(form)}
                  submitLabel={form.submitButtonLabel?.trim() || 'Send'}
                  confirmation={
                    form.confirmationMessage ? (
                      <SiteRichText site={site} data={form.confirmationMessage} />
                    ) : (
                      <p>Thank you! We will get back to you soon.</p>
                    )
                  }
                  redirect={form.confirmationType === 'redirect' ? (form.redirect?.url ?? null) : null}
                />
              </Section>
            )
          }
          default:
            return null
        }
      })}
    </>
  )
}

/** The server's URL (the admin's origin), for the live preview's messages. */
export const adminOrigin = () => getEnv().SERVER_URL
