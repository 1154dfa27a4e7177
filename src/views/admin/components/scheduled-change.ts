import type { ScheduledChange } from '../../../db/schedule.ts'

/** What a scheduled change does, as staff read it: "Publish revision 12", "Unpublish". */
export const describeChange = (change: Pick<ScheduledChange, 'action' | 'revisionId'>) =>
  change.action === 'unpublish'
    ? 'Unpublish'
    : change.revisionId === null
      ? 'Publish'
      : `Publish revision ${change.revisionId}`
