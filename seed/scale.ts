// The scale seed: ten years of an agency's content on top of the normal seed, to measure the
// site at that size (`npm run seed:scale`). Each kind of row is made by one INSERT … SELECT over
// a recursive counting CTE, so the whole load is a few statements, not a hundred thousand.
import { SEARCH_INDEX_REBUILD } from '../src/db/search-index.ts'
import { originalRevisionStatements } from './sql.ts'

/** How many rows of each kind the scale seed adds. */
export type ScaleCounts = {
  /** Pages under each page, level by level: the product of the first n is level n's count. */
  pageWidths: [number, number, number, number]
  news: number
  vacancies: number
  /** Of the vacancies, how many are still open (the rest closed in the past). */
  openVacancies: number
  submissions: number
}

/**
 * The counts at a scale factor: 1 is 10,000 pages four levels deep (10 sections, 9 years, 10
 * topics, 10 cases), 20,000 news articles, 500 vacancies and 100,000 submissions; a smaller
 * factor shrinks each in proportion (the page tree by its fourth root on every level).
 */
export const scaleCounts = (factor: number): ScaleCounts => {
  const width = (full: number) => Math.max(2, Math.round(full * factor ** 0.25))
  const vacancies = Math.max(2, Math.round(500 * factor))
  return {
    pageWidths: [width(10), width(9), width(10), width(10)],
    news: Math.max(1, Math.round(20_000 * factor)),
    vacancies,
    openVacancies: Math.max(1, Math.round(vacancies / 20)),
    submissions: Math.max(1, Math.round(100_000 * factor)),
  }
}

const SECTIONS = [
  ['operations', 'Operations'],
  ['publications', 'Publications'],
  ['partnerships', 'Partnerships'],
  ['regional-offices', 'Regional offices'],
  ['case-studies', 'Case studies'],
  ['guidance', 'Guidance for businesses'],
  ['statistics', 'Statistics'],
  ['corporate-information', 'Corporate information'],
  ['international', 'International work'],
  ['research', 'Research and analysis'],
]
const YEARS = ['2005', '2006', '2007', '2008', '2009', '2010', '2011', '2012', '2013', '2014']
const TOPICS = [
  ['class-a-drugs', 'Class A drugs'],
  ['people-smuggling', 'People smuggling'],
  ['human-trafficking', 'Human trafficking'],
  ['gun-crime', 'Gun crime'],
  ['fraud', 'Fraud'],
  ['computer-crime', 'Computer crime'],
  ['money-laundering', 'Money laundering'],
  ['counterfeit-currency', 'Counterfeit currency'],
  ['kidnap-and-extortion', 'Kidnap and extortion'],
  ['organised-immigration-crime', 'Organised immigration crime'],
]
const CODEWORDS = [
  'Kestrel',
  'Harrier',
  'Lantern',
  'Granite',
  'Meridian',
  'Bramble',
  'Saltire',
  'Osprey',
  'Trident',
  'Juniper',
]
const PLACES = [
  'London',
  'Liverpool',
  'Manchester',
  'Birmingham',
  'Glasgow',
  'Bristol',
  'Leeds',
  'Dover',
  'Belfast',
  'Cardiff',
  'Newcastle',
  'Felixstowe',
  'Southampton',
  'Edinburgh',
  'Sheffield',
  'Nottingham',
  'Heathrow',
  'Hull',
  'Plymouth',
  'Aberdeen',
]
const OUTCOMES = [
  'gang jailed',
  'network dismantled',
  'suspects arrested',
  'assets recovered',
  'conviction secured',
]
const FIRST_NAMES = [
  'Alex',
  'Sam',
  'Priya',
  'John',
  'Fatima',
  'Chris',
  'Mei',
  'Tom',
  'Aisha',
  'Owen',
]
const SURNAMES = [
  'Smith',
  'Patel',
  'Jones',
  'Khan',
  'Taylor',
  'Brown',
  'Wilson',
  'Evans',
  'Hughes',
  'Ali',
]
const GRADES = [
  ['Grade 3', '£42,000 to £48,000'],
  ['Grade 4', '£34,000 to £39,000'],
  ['Grade 5', '£27,000 to £31,000'],
  ['Grade 6', '£22,000 to £25,000'],
]
const ROLES = [
  'Intelligence analyst',
  'Financial investigator',
  'Digital forensics specialist',
  'Surveillance officer',
  'Interpreter',
  'Lawyer',
  'Policy adviser',
  'HR business partner',
]

/** Quotes a string as an SQLite literal. */
const text = (value: string) => `'${value.replaceAll("'", "''")}'`

/** `list[index]` in SQL, for a list written into the statement as a JSON array. */
const pick = (list: string[], index: string) =>
  `json_extract(${text(JSON.stringify(list))}, '$[' || (${index}) || ']')`

/** A recursive CTE `n(i)` counting 0 … count - 1. */
const counter = (count: number) =>
  `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${count - 1})`

/** 1 January 2006 (UTC), before which nothing of the scale seed is published. */
const START = Date.UTC(2006, 0, 1)
const DAY = 24 * 60 * 60 * 1000

/** The page statements: each level in one INSERT, its parents found by path. */
const pageStatements = (widths: ScaleCounts['pageWidths']): string[] => {
  const section = (i: string) =>
    pick(
      SECTIONS.map(([s]) => s ?? ''),
      i,
    )
  const sectionTitle = (i: string) =>
    pick(
      SECTIONS.map(([, t]) => t ?? ''),
      i,
    )
  const topic = (i: string) =>
    pick(
      TOPICS.map(([s]) => s ?? ''),
      i,
    )
  const topicTitle = (i: string) =>
    pick(
      TOPICS.map(([, t]) => t ?? ''),
      i,
    )
  const year = (i: string) => pick(YEARS, i)
  const codeword = (i: string) => pick(CODEWORDS, i)
  // Level by level: the columns d0 … d3 are the page's position on each level.
  const levels = [1, 2, 3, 4].map((level) => {
    const used = widths.slice(0, level)
    const count = used.reduce((a, b) => a * b, 1)
    const digit = (at: number) => {
      const below = used.slice(at + 1).reduce((a, b) => a * b, 1)
      return `(i / ${below}) % ${used[at]}`
    }
    const segments = [
      section('d0'),
      year('d1'),
      topic('d2'),
      `'operation-' || lower(${codeword('d3')}) || '-' || (i % 1000)`,
    ].slice(0, level)
    const path = `'/' || ${segments.join(" || '/' || ")}`
    const parent = level === 1 ? 'NULL' : `'/' || ${segments.slice(0, -1).join(" || '/' || ")}`
    const title = [
      sectionTitle('d0'),
      `${sectionTitle('d0')} || ' in ' || ${year('d1')}`,
      `${topicTitle('d2')} || ': ' || lower(${sectionTitle('d0')}) || ', ' || ${year('d1')}`,
      `'Operation ' || ${codeword('d3')} || ' (' || lower(${topicTitle('d2')}) || ', ' || ${year('d1')} || ')'`,
    ][level - 1]
    const digits = used.map((_, at) => `${digit(at)} AS d${at}`).join(', ')
    // Level 1 stays out of the header menu (no navigation order); below, pages are numbered.
    const navOrder = level === 1 ? 'NULL' : `d${level - 1} + 1`
    const published = `${START} + i * ${DAY}`
    return `${counter(count)}, r AS (SELECT i, ${digits} FROM n), x AS (SELECT i, ${path} AS path, ${parent} AS parent, ${title} AS title, ${navOrder} AS nav_order FROM r)
INSERT INTO pages (path, parent_id, title, summary, body, nav_order, status, published_at, created_at, updated_at)
SELECT path, (SELECT p.id FROM pages p WHERE p.path = x.parent), title,
  'What the agency did and published: ' || title || '.',
  '## Background' || char(10) || char(10) || 'This page records ' || title || ', part of the work of the Serious Organised Crime Agency to reduce the harm that organised crime causes to the UK. ' ||
  'It sets out what was done, with which partners, and what it achieved.' || char(10) || char(10) || '## What happened' || char(10) || char(10) ||
  'Officers worked with police forces, HM Revenue and Customs and partners overseas to gather intelligence, disrupt criminal networks and recover criminal assets. ' ||
  'Reference ' || (i + 1) || ' of this series.',
  nav_order, 'published', ${published}, ${published}, ${published}
FROM x WHERE true ON CONFLICT (path) DO NOTHING;`
  })
  return levels
}

/**
 * The SQL statements that add the scale content at `counts` to a database that already holds
 * the migrations and the normal seed. Every insert is ON CONFLICT DO NOTHING on the row's
 * natural key, so running it again adds nothing; revisions, the search index and the content
 * version follow, as the normal seed does them.
 */
export const scaleStatements = (counts: ScaleCounts, now: Date = new Date()): string[] => {
  const ms = now.getTime()
  const newsStep = Math.floor((Date.UTC(2013, 9, 1) - START) / counts.news)
  const submissionStep = Math.floor((170 * DAY) / counts.submissions)
  const closed = counts.vacancies - counts.openVacancies
  const alphabet = 'ABCDEFGHJKMNPQRSTVWXYZ23456789'
  const refChar = (power: number) => `substr('${alphabet}', (i / ${30 ** power}) % 30 + 1, 1)`
  const topicTitle = (i: string) =>
    pick(
      TOPICS.map(([, t]) => t ?? ''),
      i,
    )
  const topic = (i: string) =>
    pick(
      TOPICS.map(([s]) => s ?? ''),
      i,
    )
  const place = (i: string) => pick(PLACES, i)
  const role = (i: string) => pick(ROLES, i)
  const name = `${pick(FIRST_NAMES, 'i % 10')} || ' ' || ${pick(SURNAMES, '(i / 10) % 10')}`
  const email = `lower(${pick(FIRST_NAMES, 'i % 10')}) || '.' || lower(${pick(SURNAMES, '(i / 10) % 10')}) || (i % 1000) || '@example.com'`
  return [
    ...pageStatements(counts.pageWidths),
    `${counter(counts.news)}
INSERT INTO news_articles (slug, title, summary, body, status, published_at, created_at, updated_at)
SELECT lower(replace(${place('(i / 10) % 20')}, ' ', '-')) || '-' || ${topic('i % 10')} || '-' || (i + 1),
  ${topicTitle('i % 10')} || ': ' || ${place('(i / 10) % 20')} || ' ' || ${pick(OUTCOMES, '(i / 200) % 5')},
  'A ' || lower(${topicTitle('i % 10')}) || ' investigation led by the agency in ' || ${place('(i / 10) % 20')} || ' ended with the ' || ${pick(OUTCOMES, '(i / 200) % 5')} || '.',
  '## The investigation' || char(10) || char(10) || 'The Serious Organised Crime Agency worked with local police in ' || ${place('(i / 10) % 20')} || ' on an investigation into ' || lower(${topicTitle('i % 10')}) || '. ' ||
  'Officers gathered evidence over many months before making arrests.' || char(10) || char(10) || '## The outcome' || char(10) || char(10) ||
  'The court heard how the group operated. Assets were restrained under the Proceeds of Crime Act. Release number ' || (i + 1) || '.',
  'published', ${START} + i * ${newsStep}, ${START} + i * ${newsStep}, ${START} + i * ${newsStep}
FROM n WHERE true ON CONFLICT (slug) DO NOTHING;`,
    `${counter(counts.vacancies)}
INSERT INTO vacancies (slug, title, summary, grade, location, salary, closing_date, body, status, published_at, created_at, updated_at)
SELECT lower(replace(${role('i % 8')}, ' ', '-')) || '-' || (i + 1), ${role('i % 8')} || ' (' || ${place('i % 20')} || ')',
  'Join the agency as ' || lower(${role('i % 8')}) || ' in ' || ${place('i % 20')} || '.',
  ${pick(
    GRADES.map(([g]) => g ?? ''),
    'i % 4',
  )}, ${place('i % 20')}, ${pick(
    GRADES.map(([, s]) => s ?? ''),
    'i % 4',
  )},
  CASE WHEN i < ${closed} THEN date(${text(new Date(START).toISOString().slice(0, 10))}, '+' || (i * 7) || ' days')
    ELSE date(${text(now.toISOString().slice(0, 10))}, '+' || (14 + i - ${closed}) || ' days') END,
  '## The role' || char(10) || char(10) || 'You will work in a team tackling serious organised crime. ' ||
  'Security clearance is required.' || char(10) || char(10) || '## How to apply' || char(10) || char(10) || 'Apply online with your CV.',
  'published', ${START} + i * ${DAY}, ${START} + i * ${DAY}, ${START} + i * ${DAY}
FROM n WHERE true ON CONFLICT (slug) DO NOTHING;`,
    // Mixed kinds and states, the newest first by id, over the last 170 days (inside every
    // retention period, so the retention job keeps them). References are SOCA-ZZZZ-xxxx.
    `${counter(counts.submissions)}
INSERT INTO submissions (reference, kind, vacancy_id, fields, status, sender_name, sender_email, created_at)
SELECT 'SOCA-ZZZZ-' || ${refChar(3)} || ${refChar(2)} || ${refChar(1)} || ${refChar(0)},
  CASE WHEN i % 10 < 6 THEN 'enquiry' WHEN i % 10 < 8 THEN 'application' ELSE 'feedback' END,
  CASE WHEN i % 10 IN (6, 7) THEN (SELECT v.id FROM vacancies v WHERE v.slug = lower(replace(${role(`(i % ${counts.vacancies}) % 8`)}, ' ', '-')) || '-' || (i % ${counts.vacancies} + 1)) END,
  CASE WHEN i % 10 < 6 THEN json_object('topic', 'other', 'fullName', ${name}, 'email', ${email}, 'phone', '', 'message', 'I would like to ask about ' || lower(${topicTitle('i % 10')}) || ' in ' || ${place('i % 20')} || '.')
    WHEN i % 10 < 8 THEN json_object('fullName', ${name}, 'email', ${email}, 'phone', '020 7946 ' || printf('%04d', i % 10000), 'rightToWork', 'yes', 'statement', 'I have worked in investigation for ' || (i % 20 + 1) || ' years.', 'declaration', 'confirmed')
    ELSE json_object('path', '/threats/fraud', 'whatDoing', 'Reading about fraud', 'whatWrong', 'A link did not work') END,
  CASE i % 20 WHEN 0 THEN 'spam' WHEN 1 THEN 'in_progress' WHEN 2 THEN 'in_progress' ELSE CASE WHEN i < ${Math.floor(counts.submissions * 0.9)} THEN 'handled' ELSE 'new' END END,
  CASE WHEN i % 10 < 8 THEN ${name} ELSE '' END,
  CASE WHEN i % 10 < 8 THEN ${email} ELSE '' END,
  ${ms} - ${counts.submissions - 1} * ${submissionStep} + i * ${submissionStep}
FROM n WHERE true ON CONFLICT (reference) DO NOTHING;`,
    ...originalRevisionStatements(),
    ...SEARCH_INDEX_REBUILD.map((statement) => `${statement};`),
    `INSERT INTO settings (key, value, updated_at) VALUES ('content_version', '${ms}', ${ms}) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;`,
  ]
}
