import { SCHEMA_CONTEXT, type FaqPageJsonLd, type WithContext } from './schemaOrg'

/** Question and answer as plain text (rich text is flattened by the caller). */
export type FaqInput = { question: string; answer: string }

/** FAQs as FAQPage with Question / acceptedAnswer; null when no pair has both texts. */
export const faqPageJsonLd = (faqs: readonly FaqInput[]): WithContext<FaqPageJsonLd> | null => {
  const mainEntity = faqs
    .map((faq) => ({ question: faq.question.trim(), answer: faq.answer.trim() }))
    .filter((faq) => faq.question && faq.answer)
    .map((faq) => ({
      '@type': 'Question' as const,
      name: faq.question,
      acceptedAnswer: { '@type': 'Answer' as const, text: faq.answer },
    }))
  return mainEntity.length ? { '@context': SCHEMA_CONTEXT, '@type': 'FAQPage', mainEntity } : null
}
