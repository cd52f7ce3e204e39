import type { DefaultServerCellComponentProps } from 'payload'

/** A class's start in the class's own time zone (as the site shows it), not the browser's. */
export const ClassTimeCell = ({ cellData, rowData }: DefaultServerCellComponentProps) => {
  if (!cellData) return null
  const zone = typeof rowData?.timezone === 'string' && rowData.timezone ? rowData.timezone : 'UTC'
  const instant = new Date(cellData as string)
  return (
    <time dateTime={instant.toISOString()} title={zone}>
      {new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        weekday: 'short',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
      }).format(instant)}
    </time>
  )
}
