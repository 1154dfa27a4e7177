import { and, asc, eq, ne, sql } from 'drizzle-orm'
import type { Database } from './client.ts'
import { type StaffRole, recoveryCodes, sessions, staff } from './schema.ts'

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
    })
    .from(staff)
    .orderBy(asc(staff.name))

/** Adds a staff member. */
export const insertStaffQuery = (
  db: Database,
  member: { email: string; name: string; role: StaffRole; passwordHash: string | null },
) => db.insert(staff).values({ ...member, email: member.email.trim().toLowerCase() })

/** Query that records a failed sign-in, locking the account once `lockAfter` is reached. */
export const recordFailedSignInQuery = (
  db: Database,
  id: number,
  lockAfter: number,
  lockUntil: Date,
) =>
  db
    .update(staff)
    .set({
      failedSignIns: sql`case when ${staff.failedSignIns} + 1 >= ${lockAfter} then 0 else ${staff.failedSignIns} + 1 end`,
      lockedUntil: sql`case when ${staff.failedSignIns} + 1 >= ${lockAfter} then ${lockUntil.getTime()} else ${staff.lockedUntil} end`,
    })
    .where(eq(staff.id, id))

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
