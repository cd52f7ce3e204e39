'use client'
import { useDocumentInfo } from '@payloadcms/ui'

/** On a class's edit view: a link to its check-in list. */
export const CheckInLink = () => {
  const { id } = useDocumentInfo()
  if (!id) return null
  return (
    <a href={`/admin/check-in/${id}`} className="btn btn--style-secondary btn--size-medium" style={{ margin: 0 }}>
      Check-in list
    </a>
  )
}
