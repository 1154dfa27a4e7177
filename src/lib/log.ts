/**
 * What may be logged of an error. Drizzle's query errors carry the bound parameters (a
 * visitor's answers) in their message, so only the underlying cause's message is kept, and
 * anything after "params:" is cut.
 */
export const loggableError = (err: unknown) => {
  if (!(err instanceof Error)) return { error: 'unknown', message: String(err).slice(0, 200) }
  const source = err.cause instanceof Error ? err.cause : err
  return {
    error: err.name,
    message: source.message.split(/\n?params:/)[0]!.slice(0, 500),
    stack: err.stack
      ?.split('\n')
      .filter((line) => line.trimStart().startsWith('at '))
      .join('\n'),
  }
}

/** Writes one structured log line. Never pass anything a visitor or editor typed. */
export const logError = (event: string, requestId: string | undefined, err: unknown, extra = {}) =>
  console.error(
    JSON.stringify({ level: 'error', event, requestId, ...extra, ...loggableError(err) }),
  )
