import type { Payload } from 'payload'

/** A fresh platform topic, for the isolation grid's fixtures (subscriptions are unique per topic). */
export const gridTopic = async (payload: Payload): Promise<string> => {
  const topic = await payload.create({
    collection: 'seo-topics',
    data: { name: `Grid topic ${Math.random().toString(36).slice(2, 10)}`, active: true },
  })
  return String(topic.id)
}
