// Measures the CPU one password check costs (argon2id, 19 MiB, 2 passes), which every built-in
// sign-in attempt pays, known account or not. Usage: npm run bench:password
import { DUMMY_HASH, verifyPassword } from '../src/auth/password.ts'

const runs = 15
const times: number[] = []
for (let i = 0; i < runs; i++) {
  const start = process.cpuUsage()
  verifyPassword('a wrong password', DUMMY_HASH)
  const used = process.cpuUsage(start)
  times.push((used.user + used.system) / 1000)
}
times.sort((a, b) => a - b)
const pick = (q: number) =>
  times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(0)
console.log(
  `argon2id verify, CPU ms over ${runs} runs: median ${pick(0.5)}, p90 ${pick(0.9)}, min ${pick(0)}`,
)
