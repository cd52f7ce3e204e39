/** A video that cannot be transcoded (corrupt file, no video stream): the media becomes `failed` with this message. */
export class TranscodeError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TranscodeError'
  }
}
