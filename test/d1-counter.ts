import { env } from 'cloudflare:test'

/** A statement a Worker ran through the counting D1: its SQL and bound values. */
export type Recorded = { query: string; values: unknown[] }

/**
 * The test file's D1, counting round trips: each batch() is one, and so is each statement run
 * on its own (all, raw, first, run). It records every statement prepared, with the values bound
 * to it. `fail` makes every round trip throw, as an outage would.
 */
export const countingD1 = (options: { fail?: boolean } = {}) => {
  const counter = { roundTrips: 0 }
  const statements: Recorded[] = []
  const real = new WeakMap<object, D1PreparedStatement>()
  const trip = () => {
    counter.roundTrips++
    if (options.fail) throw new Error('D1_ERROR: simulated outage')
  }
  const wrap = (statement: D1PreparedStatement, recorded: Recorded): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, prop) {
        if (prop === 'bind') {
          return (...values: unknown[]) => {
            // A statement is prepared, bound once and run: recorded with its values.
            recorded.values = values
            return wrap(target.bind(...values), recorded)
          }
        }
        if (prop === 'all' || prop === 'raw' || prop === 'first' || prop === 'run') {
          return (...args: unknown[]) => {
            trip()
            return (target[prop] as (...a: unknown[]) => unknown).apply(target, args)
          }
        }
        const value = Reflect.get(target, prop)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    real.set(proxy, statement)
    return proxy
  }
  const session = (s: D1DatabaseSession) => ({
    prepare: (query: string) => {
      const recorded: Recorded = { query, values: [] }
      statements.push(recorded)
      return wrap(s.prepare(query), recorded)
    },
    batch: (list: D1PreparedStatement[]) => {
      trip()
      return s.batch(list.map((st) => real.get(st) ?? st))
    },
    getBookmark: () => s.getBookmark(),
  })
  const db = {
    withSession: (constraint?: string) => session(env.DB.withSession(constraint)),
  } as unknown as D1Database
  return { db, counter, statements }
}
