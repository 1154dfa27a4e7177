import { and, asc, eq, lte, ne, sql } from 'drizzle-orm'
import type { Database } from './client.ts'
import { type StaffRole, recoveryCodes, sessions, signInFailures, staff } from './schema.ts'

/** A staff member as the admin area uses them. */
export type StaffMember = typeof staff.$inferSelect

/** The staff member with this email address (compared lower-cased). */
export const staffByEmail = (db: Database, email: string) =>
  db.select().from(staff).where(eq(staff.email, email.trim().toLowerCase())).get()

/** The staff member with this id. */
export const staffById = (db: Database, id: number) =>
  db.select().from(staff).where(eq(staff.id, id)).get()

/** Every staff member, by name. */
export const listStaff = (db: Database) =>
  db
    .select({
      id: staff.id,
      name: staff.name,
      email: staff.email,
      role: staff.role,
      active: staff.active,
      hasPassword: sql<boolean>`${staff.passwordHash} is not null`,
      hasTotp: sql<boolean>`${staff.totpSecret} is not null`,
      lastSignInAt: staff.lastSignInAt,
      lockedUntil: staff.lockedUntil,
      mustChangePassword: staff.mustChangePassword,
    })
    .from(staff)
    .orderBy(asc(staff.name))

/**
 * Adds a staff member. `mustChangePassword`: the password was chosen by someone else, so they
 * must replace it at first sign-in.
 */
export const insertStaffQuery = (
  db: Database,
  member: {
    email: string
    name: string
    role: StaffRole
    passwordHash: string | null
    mustChangePassword: boolean
  },
) => db.insert(staff).values({ ...member, email: member.email.trim().toLowerCase() })

/**
 * How sign-in failures lock an account or hold back a client (the design is explained in
 * routes/admin/sign-in.tsx, which sets the numbers).
 */
export type LockoutRules = {
  /** Counted failures, from two or more clients, that lock the account. */
  lockAfter: number
  /** Counted failures, from any clients (even a single one), that lock the account. */
  lockAfterFromAny: number
  /** How long a lock lasts. */
  lockMs: number
  /** Failures one client may have against one account within `clientWindowMs`. */
  clientLimit: number
  clientWindowMs: number
}

/** Why a sign-in attempt was refused before anything was checked. */
export type AttemptRefusal = 'account locked' | 'too many failures from this client'

/** A reserved attempt (its failure row's id), or why there was none. */
export type Attempt = { reserved: true; id: number } | { reserved: false; reason: AttemptRefusal }

/** 1 when the account's counted failures have reached a lock, else 0 (an SQL expression). */
const lockReached = (staffId: number, rules: LockoutRules) => sql`(
  select (count(*) >= ${rules.lockAfter} and count(distinct client_key) >= 2)
    or count(*) >= ${rules.lockAfterFromAny}
  from sign_in_failures where staff_id = ${staffId} and counted = 1)`

/** Query that copies the count of failures towards a lock into staff.failed_sign_ins. */
const mirrorFailuresQuery = (db: Database, staffId: number) =>
  db
    .update(staff)
    .set({
      failedSignIns: sql`(select count(*) from sign_in_failures where staff_id = ${staffId} and counted = 1)`,
    })
    .where(eq(staff.id, staffId))

/**
 * Reserves one sign-in attempt, counting it as a failure until it turns out right, unless the
 * account is locked or this client has used up its failures against it. The check and the count
 * are one INSERT … SELECT (D1 runs one statement at a time), so concurrent attempts cannot all
 * pass the check before any is counted: at most the allowed number of them get a slot.
 */
export const reserveSignInAttempt = async (
  db: Database,
  staffId: number,
  clientKey: string,
  now: Date,
  rules: LockoutRules,
): Promise<Attempt> => {
  const at = now.getTime()
  const [inserted, , state] = await db.batch([
    db
      .insert(signInFailures)
      .select(
        // Insert … select names every column of the table, in order.
        db
          .select({
            id: sql<number>`null`.as('id'),
            staffId: staff.id,
            clientKey: sql<string>`${clientKey}`.as('client_key'),
            at: sql<Date>`${at}`.as('at'),
            counted: sql<boolean>`1`.as('counted'),
          })
          .from(staff)
          .where(
            and(
              eq(staff.id, staffId),
              sql`(${staff.lockedUntil} is null or ${staff.lockedUntil} <= ${at})`,
              sql`not ${lockReached(staffId, rules)}`,
              sql`(select count(*) from sign_in_failures
                where staff_id = ${staffId} and client_key = ${clientKey}
                  and at > ${at - rules.clientWindowMs}) < ${rules.clientLimit}`,
            ),
          ),
      )
      .returning({ id: signInFailures.id }),
    mirrorFailuresQuery(db, staffId),
    // Read in the same transaction, only to say why an attempt was refused.
    db
      .select({
        locked: sql<number>`(${staff.lockedUntil} is not null and ${staff.lockedUntil} > ${at})
          or ${lockReached(staffId, rules)}`,
      })
      .from(staff)
      .where(eq(staff.id, staffId)),
  ])
  const row = inserted[0]
  if (row) return { reserved: true, id: row.id }
  return {
    reserved: false,
    reason: state[0]?.locked ? 'account locked' : 'too many failures from this client',
  }
}

/** Queries that give back a reserved attempt that turned out right: it was no failure. */
export const releaseSignInAttemptQueries = (db: Database, staffId: number, attemptId: number) =>
  [
    db.delete(signInFailures).where(eq(signInFailures.id, attemptId)),
    mirrorFailuresQuery(db, staffId),
  ] as const

/**
 * Queries run after a reserved attempt failed (its row stays, as a failure): they lock the
 * account if the counted failures have reached a lock, start the count again once it is locked,
 * and forget failures too old to hold any client back.
 */
export const failedSignInQueries = (
  db: Database,
  staffId: number,
  now: Date,
  rules: LockoutRules,
) => {
  const at = now.getTime()
  return [
    db
      .update(staff)
      .set({ lockedUntil: new Date(at + rules.lockMs) })
      .where(
        and(
          eq(staff.id, staffId),
          sql`(${staff.lockedUntil} is null or ${staff.lockedUntil} <= ${at})`,
          lockReached(staffId, rules),
        ),
      ),
    db
      .update(signInFailures)
      .set({ counted: false })
      .where(
        and(
          eq(signInFailures.staffId, staffId),
          sql`exists (select 1 from staff where id = ${staffId} and locked_until > ${at})`,
        ),
      ),
    db
      .delete(signInFailures)
      .where(
        and(
          eq(signInFailures.staffId, staffId),
          eq(signInFailures.counted, false),
          lte(signInFailures.at, new Date(at - rules.clientWindowMs)),
        ),
      ),
    mirrorFailuresQuery(db, staffId),
  ] as const
}

/**
 * Queries that record a completed sign-in: no failure counts towards a lock any more, and the
 * client that signed in is forgotten; any other client stays held back for its own failures.
 */
export const signedInQueries = (db: Database, staffId: number, clientKey: string, now: Date) =>
  [
    db
      .delete(signInFailures)
      .where(and(eq(signInFailures.staffId, staffId), eq(signInFailures.clientKey, clientKey))),
    db.update(signInFailures).set({ counted: false }).where(eq(signInFailures.staffId, staffId)),
    recordSignInQuery(db, staffId, now),
  ] as const

/** Queries that unlock an account: no lock, no failures counted, no client held back. */
export const unlockQueries = (db: Database, staffId: number) =>
  [
    db.delete(signInFailures).where(eq(signInFailures.staffId, staffId)),
    db.update(staff).set({ failedSignIns: 0, lockedUntil: null }).where(eq(staff.id, staffId)),
  ] as const

/**
 * Records a TOTP step as used unless it, or a later one, already is: true if this call did it.
 * Conditional, so of concurrent requests with the same code exactly one is accepted.
 */
export const claimTotpStep = async (db: Database, staffId: number, step: number) => {
  const result = await db
    .update(staff)
    .set({ totpLastStep: step })
    .where(
      and(
        eq(staff.id, staffId),
        sql`(${staff.totpLastStep} is null or ${staff.totpLastStep} < ${step})`,
      ),
    )
    .run()
  return result.meta.changes === 1
}

/** Query that clears failures and records a successful sign-in. */
export const recordSignInQuery = (db: Database, id: number, now: Date) =>
  db
    .update(staff)
    .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: now })
    .where(eq(staff.id, id))

/** Query that changes a staff member's fields. */
export const updateStaffQuery = (db: Database, id: number, fields: Partial<StaffMember>) =>
  db.update(staff).set(fields).where(eq(staff.id, id))

/** Query that ends every session of a staff member. */
export const endSessionsQuery = (db: Database, staffId: number) =>
  db.delete(sessions).where(eq(sessions.staffId, staffId))

/** Query that ends every session of a staff member but one. */
export const endOtherSessionsQuery = (db: Database, staffId: number, keepId: string) =>
  db.delete(sessions).where(and(eq(sessions.staffId, staffId), ne(sessions.id, keepId)))

/** Query that replaces a staff member's recovery codes with these hashes. */
export const replaceRecoveryCodesQueries = (db: Database, staffId: number, hashes: string[]) =>
  [
    db.delete(recoveryCodes).where(eq(recoveryCodes.staffId, staffId)),
    ...hashes.map((codeHash) => db.insert(recoveryCodes).values({ staffId, codeHash })),
  ] as const

/** Marks an unused recovery code used; true if it was unused. */
export const useRecoveryCode = async (
  db: Database,
  staffId: number,
  codeHash: string,
  now: Date,
) => {
  const result = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      sql`${recoveryCodes.staffId} = ${staffId} and ${recoveryCodes.codeHash} = ${codeHash} and ${recoveryCodes.usedAt} is null`,
    )
    .run()
  return result.meta.changes === 1
}
