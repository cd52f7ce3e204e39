import type { GalleryItem } from '@/payload-types'
import { imageOf } from './blog'

/** Gallery items as captioned pictures (the gallery page and a page's gallery block). */
export function GalleryList({ items }: { items: GalleryItem[] }) {
  return (
    <ul className="gallery">
      {items.map((item) => {
        const image = imageOf(item.image)
        return (
          <li key={item.id}>
            <figure className="gallery-item">
              {image ? (
                // eslint-disable-next-line @next/next/no-img-element -- the tenant's own uploads
                <img
                  src={image.url}
                  alt={image.alt ?? ''}
                  width={image.width ?? undefined}
                  height={image.height ?? undefined}
                  loading="lazy"
                />
              ) : (
                <div className="gallery-placeholder" aria-hidden="true" />
              )}
              <figcaption>{item.title}</figcaption>
            </figure>
          </li>
        )
      })}
    </ul>
  )
}
