import type { SubmissionAlert } from '../../../db/inbox.ts'
import { formatDateTime } from '../../../lib/dates.ts'

const attemptsText = (n: number) => `${n} ${n === 1 ? 'attempt' : 'attempts'}`

/**
 * Where a submission's email alert is, in words: sent when, waiting for its next try (and why
 * the last failed), given up on, or never made because no alert address was set.
 */
export const alertText = (alert: SubmissionAlert): string => {
  if (!alert) return 'None (no alert address set)'
  const lastError = alert.lastError ? `; last error: ${alert.lastError}` : ''
  switch (alert.status) {
    case 'sent':
      return alert.sentAt ? `Sent ${formatDateTime(alert.sentAt)}` : 'Sent'
    case 'pending':
      return alert.attempts === 0
        ? `Not sent yet: will try at ${formatDateTime(alert.nextAttemptAt)}`
        : `Not sent yet: will try again at ${formatDateTime(alert.nextAttemptAt)} (${attemptsText(alert.attempts)}${lastError})`
    case 'failed':
      return `Failed after ${attemptsText(alert.attempts)}${alert.lastError ? `: ${alert.lastError}` : ''}`
  }
}
