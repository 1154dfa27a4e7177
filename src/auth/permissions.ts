import type { StaffRole } from '../db/schema.ts'

/** Each role can do everything the roles before it can. */
const RANK: Record<StaffRole, number> = { editor: 1, publisher: 2, admin: 3 }

/** What each action needs, at least. Checked on the server for every request. */
export const PERMISSIONS = {
  /** Create and edit drafts, preview, see history and compare revisions. */
  'content:edit': 'editor',
  /** Publish, unpublish, restore live, close vacancies, change the site notice. */
  'content:publish': 'publisher',
  /** Read submissions, mark them handled, download CVs, export CSV. */
  'submissions:read': 'editor',
  /** Delete submissions and their CVs. */
  'submissions:delete': 'publisher',
  /** Read the audit log. */
  'audit:read': 'admin',
  /** Manage staff accounts and sessions, and the second-pair-of-eyes setting. */
  'staff:manage': 'admin',
} as const satisfies Record<string, StaffRole>

/** An action staff can be allowed to take. */
export type Permission = keyof typeof PERMISSIONS

/** Whether a role may take an action. */
export const can = (role: StaffRole, permission: Permission): boolean =>
  RANK[role] >= RANK[PERMISSIONS[permission]]
