import { eq } from 'drizzle-orm'
import type { Database } from './client.ts'
import { type SessionStage, sessions, staff } from './schema.ts'

/** A session with its staff member, as the auth middleware loads it. */
export const sessionWithStaff = (db: Database, id: string) =>
  db
    .select({ session: sessions, member: staff })
    .from(sessions)
    .innerJoin(staff, eq(staff.id, sessions.staffId))
    .where(eq(sessions.id, id))
    .get()

/** A new session row. */
export type NewSession = {
  id: string
  staffId: number
  stage: SessionStage
  csrfToken: string
  via: 'password' | 'access'
  expiresAt: Date
  pendingTotpSecret?: string | null
}

/** Query that stores a new session. */
export const insertSessionQuery = (db: Database, session: NewSession) =>
  db.insert(sessions).values(session)

/** Query that ends one session. */
export const deleteSessionQuery = (db: Database, id: string) =>
  db.delete(sessions).where(eq(sessions.id, id))

/** Records activity on a session, for the idle timeout. */
export const touchSession = (db: Database, id: string, now: Date) =>
  db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)).run()

/** Sets the TOTP key being set up on a session. */
export const setPendingTotp = (db: Database, id: string, secret: string) =>
  db.update(sessions).set({ pendingTotpSecret: secret }).where(eq(sessions.id, id)).run()
