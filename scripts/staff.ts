// Adds a staff account to D1: npm run staff -- add --email E --name N --role admin [--remote]
// The password is read from standard input when it is not a terminal, and prompted for (twice,
// not echoed) when it is. There are no default accounts or passwords anywhere. The member must
// replace the password at first sign-in: whoever ran this chose it.
import { execFileSync } from 'node:child_process'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { MIN_PASSWORD, hashPassword } from '../src/auth/password.ts'
import { addStaffSql } from './lib/staff-account.ts'

const ROLES = ['editor', 'publisher', 'admin']

const fail = (message: string): never => {
  console.error(`staff: ${message}`)
  process.exit(2)
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    remote: { type: 'boolean', default: false },
  },
})

if (positionals[0] !== 'add')
  fail('usage: npm run staff -- add --email E --name N --role editor|publisher|admin [--remote]')
const email = values.email?.trim().toLowerCase() ?? ''
const name = values.name?.trim() ?? ''
const role = values.role ?? ''
if (!/^[^\s@]+@[^\s@]+\.[^\s@.]+$/.test(email)) fail('--email must be an email address')
if (!name) fail('--name is required')
if (!ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(', ')}`)

/** Reads one line from a terminal without echoing it. */
const promptHidden = (question: string) =>
  new Promise<string>((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true })
    const output = rl as unknown as { _writeToOutput: (s: string) => void }
    process.stdout.write(question)
    output._writeToOutput = () => {}
    rl.question('', (answer) => {
      rl.close()
      process.stdout.write('\n')
      resolve(answer)
    })
  })

const readStdin = async () => {
  let text = ''
  for await (const chunk of process.stdin) text += chunk
  return text.replace(/\r?\n$/, '')
}

let password: string
if (process.stdin.isTTY) {
  password = await promptHidden('Password: ')
  if ((await promptHidden('Password again: ')) !== password) fail('the passwords do not match')
} else {
  password = await readStdin()
}
if (password.length < MIN_PASSWORD) fail(`the password must be at least ${MIN_PASSWORD} characters`)

const sql = addStaffSql({ email, name, role, passwordHash: hashPassword(password) })
try {
  execFileSync(
    'wrangler',
    ['d1', 'execute', 'DB', values.remote ? '--remote' : '--local', '--command', sql, '--yes'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
} catch {
  fail(
    `could not add ${email}: is there already an account with that address, and are the migrations applied?`,
  )
}
console.log(
  `Added ${email} (${role}). At first sign-in they create their own password and set up their authenticator app.`,
)
