import { PROMPT_VERSION } from '../defaults'
import type { TenantFacts, Writer, WriterTopic, WrittenDraft } from './types'

const pick = <T>(seed: string, options: T[]): T => {
  let h = 0
  for (const c of seed) h = (h * 31 + c.charCodeAt(0)) >>> 0
  return options[h % options.length]
}

const place = (facts: TenantFacts) => {
  const focus = facts.locations.find((l) => l.id === facts.focusLocation)
  const city = focus?.city ?? (facts.locations.length === 1 ? facts.locations[0].city : null)
  return { focus, city }
}

const linkTo = (facts: TenantFacts, suffix: string) => facts.links.find((l) => l.href.endsWith(suffix))?.href

/**
 * The offline writer: a post assembled only from the tenant's facts (locations, coming classes and
 * who teaches them, events, courses, prices), linking to its bookable pages. A section appears only
 * when the tenant has facts for it, so the post states nothing the tenant does not have.
 */
export const templateWriter = (): Writer => ({
  name: 'template',
  write: async (facts: TenantFacts, topic: WriterTopic): Promise<WrittenDraft> => {
    const { focus, city } = place(facts)
    const name = facts.tenant.name
    const where = focus ? `${name} ${focus.name}` : name
    const title = city ? `${topic.name} in ${city}: ${where}` : `${topic.name} at ${where}`
    const schedule = linkTo(facts, '/schedule')
    const pricing = linkTo(facts, '/pricing')
    const lines: string[] = []
    const intro = pick(facts.tenant.id + topic.name, [
      `${topic.description ?? topic.name} This is how ${where} puts it into practice.`,
      `${topic.description ?? topic.name} Here is what ${where} offers for it.`,
      `${topic.description ?? topic.name} See what is on at ${where}.`,
    ])
    lines.push(intro, '')

    const locations = focus ? [focus] : facts.locations
    if (locations.length) {
      lines.push(`## Where to find ${name}`)
      for (const l of locations) lines.push(`- **${l.name}**${l.address ? `, ${l.address}` : ''}`)
      lines.push('')
    }
    if (facts.classes.length) {
      lines.push('## Classes coming up')
      for (const c of facts.classes.slice(0, 6)) {
        const who = c.instructor ? ` with ${c.instructor}` : ''
        const at = c.location ? ` at ${c.location}` : ''
        lines.push(`- [${c.title}](${c.href}): ${c.when}${who}${at}`)
      }
      if (schedule) lines.push('', `See every class and book a place on [the schedule](${schedule}).`)
      lines.push('')
    }
    if (facts.instructors.length) {
      lines.push(`## Who teaches at ${name}`)
      for (const i of facts.instructors.slice(0, 5)) lines.push(`- **${i.name}**${i.bio ? `: ${i.bio}` : ''}`)
      lines.push('')
    }
    if (facts.events.length) {
      lines.push('## Events and workshops')
      for (const e of facts.events.slice(0, 4))
        lines.push(`- [${e.title}](${e.href}): ${e.when}${e.description ? `. ${e.description}` : ''}`)
      lines.push('')
    }
    if (facts.courses.length) {
      lines.push('## Learn at your own pace')
      for (const c of facts.courses.slice(0, 4))
        lines.push(
          `- [${c.title}](${c.href})${c.price ? ` (${c.price})` : ''}${c.description ? `: ${c.description}` : ''}`,
        )
      lines.push('')
    }
    if (facts.prices.length) {
      lines.push('## Prices')
      for (const p of facts.prices.slice(0, 6)) lines.push(`- ${p.name}: ${p.price}`)
      if (pricing) lines.push('', `All options are on [the pricing page](${pricing}).`)
      lines.push('')
    }
    const next = [schedule && `[book a class](${schedule})`, pricing && `[compare prices](${pricing})`].filter(Boolean)
    if (next.length) lines.push('## Get started', `Ready to try it? ${next.join(' or ')} at ${where}.`)

    const firstClass = facts.classes[0]
    const excerpt = [
      `${topic.name} at ${where}${city ? ` in ${city}` : ''}`,
      firstClass ? `next up: ${firstClass.title}, ${firstClass.when}` : null,
      facts.instructors.length
        ? `taught by ${facts.instructors
            .slice(0, 2)
            .map((i) => i.name)
            .join(' and ')}`
        : null,
    ]
      .filter(Boolean)
      .join(', ')
    return {
      title,
      excerpt: `${excerpt}.`,
      body: lines.join('\n').trim(),
      model: 'template',
      promptVersion: PROMPT_VERSION,
    }
  },
})
