/** How far along its pipeline a media is: status only moves to a higher rank (a new file starts over). */
export const mediaStatusRank = (status: string | null | undefined): number =>
  ({ uploading: 0, uploaded: 1, transcoding: 2, ready: 3, failed: 3 })[status ?? ''] ?? -1
