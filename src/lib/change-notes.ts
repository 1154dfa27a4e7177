/** A public change note as stored: when (ms since the epoch) and what changed. */
export type Note = { at: number; note: string }

const isShowable = (n: unknown): n is Note =>
  typeof n === 'object' &&
  n !== null &&
  typeof (n as Note).at === 'number' &&
  // A Date can hold ±8.64e15 ms; anything else (or NaN) has no date to show.
  Math.abs((n as Note).at) <= 8.64e15 &&
  typeof (n as Note).note === 'string' &&
  (n as Note).note.trim() !== ''

/**
 * The notes to show, newest first. Stored notes are oldest first; anything that is not a note
 * with a time and some text is left out rather than breaking the page.
 */
export const newestFirst = (notes: unknown): Note[] =>
  Array.isArray(notes) ? notes.filter(isShowable).sort((a, b) => b.at - a.at) : []

/** When an item last changed in a way visitors were told about, or null if it never has. */
export const lastNoted = (notes: unknown): Date | null => {
  const [latest] = newestFirst(notes)
  return latest ? new Date(latest.at) : null
}
