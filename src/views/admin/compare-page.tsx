import type { ContentSummary } from '../../db/content.ts'
import type { DiffPart } from '../../lib/diff.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { type AdminContext, AdminLayout } from './layout.tsx'
import type { KindLabels } from './types.ts'

/** Two revisions side by side: each field's lines, removed and added. */
export const ComparePage = ({
  admin,
  labels,
  item,
  from,
  to,
  diffs,
}: {
  admin: AdminContext
  labels: KindLabels
  item: ContentSummary
  from: number
  to: number
  diffs: { label: string; parts: DiffPart[] | null }[]
}) => (
  <AdminLayout
    title={`Compare revisions ${from} and ${to}`}
    admin={admin}
    breadcrumbs={[
      { href: '/admin', text: 'Staff area' },
      { href: labels.base, text: labels.plural },
      { href: `${labels.base}/${item.id}/history`, text: `History of ${item.title}` },
    ]}
  >
    <PageHeading title={`Compare revisions ${from} and ${to}`} />
    <p class="govuk-body">
      Text only in revision {from} is <del>struck through</del>; text only in revision {to} is{' '}
      <ins>underlined</ins>.
    </p>
    {diffs.map((d) => (
      <>
        <h2 class="govuk-heading-s">
          {d.label}
          {d.parts?.every((p) => p.kind === 'same') && ' (no change)'}
        </h2>
        {/* null: diffLines gave up rather than spend the Worker's CPU and memory on it. */}
        {d.parts === null ? (
          <p class="govuk-body">
            This field is too large to compare, or has too many changes to show line by line.
          </p>
        ) : (
          <div class="soca-diff">
            {d.parts.map((p) =>
              p.kind === 'added' ? (
                <ins>
                  <span class="govuk-visually-hidden">Added: </span>
                  {p.text}
                  {'\n'}
                </ins>
              ) : p.kind === 'removed' ? (
                <del>
                  <span class="govuk-visually-hidden">Removed: </span>
                  {p.text}
                  {'\n'}
                </del>
              ) : (
                <span>
                  {p.text}
                  {'\n'}
                </span>
              ),
            )}
          </div>
        )}
      </>
    ))}
  </AdminLayout>
)
