// What a publishing function returns: the change made, or why it was not made. Routes map a
// refusal to a response (refusalStatus); nothing here knows about HTTP.
import type { StaffRole } from '../db/schema.ts'
import type { FieldError } from '../forms/fields.ts'

/** The member of staff making a change. */
export type Actor = { id: number; role: StaffRole }

/** Why a change was not made. */
export type Refusal =
  /** The item, or the revision named, does not exist. */
  | { ok: false; reason: 'not-found' }
  /** The input breaks a rule that depends on stored data, such as a unique address. */
  | { ok: false; reason: 'invalid'; errors: FieldError[] }
  /** The actor's role does not allow it. */
  | { ok: false; reason: 'forbidden'; message: string }
  /** A rule of the workflow stops it, such as the second pair of eyes. */
  | { ok: false; reason: 'refused'; message: string }
  /** The stored data changed underneath: another item took the address, or it already closed. */
  | { ok: false; reason: 'conflict'; message: string }

/** A change that was made. `changedAt` is set when visitors see something new. */
export type Done<T = object> = { ok: true; changedAt?: Date } & T

/** The result of a publishing function. */
export type Result<T = object> = Done<T> | Refusal

/** The refusal for a missing item or revision. */
export const NOT_FOUND: Refusal = { ok: false, reason: 'not-found' }

/**
 * Whether a D1 error is a broken UNIQUE constraint: the one failure that means someone else
 * changed the data since it was read. Drizzle wraps D1's error, so the causes are searched too.
 */
export const isUniqueViolation = (err: unknown) => violates(err, 'UNIQUE constraint failed')

/**
 * Whether a D1 error is a broken FOREIGN KEY: a page's parent that no longer exists (it was
 * removed, or never existed, after the draft naming it was saved).
 */
export const isForeignKeyViolation = (err: unknown) =>
  violates(err, 'FOREIGN KEY constraint failed')

/** The error the database raises for a page put under itself (migration 0012's trigger). */
export const PAGE_UNDER_ITSELF = 'pages.parent_id: a page cannot be under itself'

/**
 * Whether a D1 error is the database refusing a page's parent that is the page or a page under
 * it: another publish moved a page since publishing checked (migration 0012).
 */
export const isParentLoop = (err: unknown) => violates(err, PAGE_UNDER_ITSELF)

const violates = (err: unknown, message: string): boolean => {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e.message.includes(message)) return true
  }
  return false
}
