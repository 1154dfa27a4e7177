/** The CV formats accepted, by what their content says they are. */
export type CvFormat = { extension: 'pdf' | 'docx'; contentType: string }

const PDF: CvFormat = { extension: 'pdf', contentType: 'application/pdf' }
const DOCX: CvFormat = {
  extension: 'docx',
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b)
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))

/** Whether `needle` occurs in `bytes`. */
const contains = (bytes: Uint8Array, needle: number[]) => {
  outer: for (let i = 0; i <= bytes.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer
    return true
  }
  return false
}

/**
 * What a file really is, from its content and never its name or the browser's type: a PDF
 * starts with `%PDF-`; a DOCX is a ZIP archive (`PK\x03\x04`) holding `word/document.xml`
 * and `[Content_Types].xml`. Anything else is null.
 */
export const sniffCvFormat = (bytes: Uint8Array): CvFormat | null => {
  if (startsWith(bytes, ascii('%PDF-'))) return PDF
  if (
    startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) &&
    contains(bytes, ascii('word/document.xml')) &&
    contains(bytes, ascii('[Content_Types].xml'))
  ) {
    return DOCX
  }
  return null
}
