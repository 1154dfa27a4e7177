// The CPU time the local runtime spends on each request: the workerd process `wrangler dev`
// starts to run the Workers, their D1 database and their static assets, all on one thread
// here. Throughput and latency also count the load generator and wrangler's proxy, which share
// this machine's two cores; this is what the site itself costs. Read from Linux's /proc;
// without it, the bench leaves the column out.
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/** The fields of a /proc/<pid>/stat line after the command name (from field 3, the state). */
const fieldsOf = (stat: string) =>
  // The name (field 2) is in parentheses and may itself hold spaces and ')'.
  stat.slice(stat.lastIndexOf(')') + 2).split(' ')

/** User plus system CPU time, in clock ticks, from a /proc/<pid>/stat line (fields 14 and 15). */
export const statTicks = (stat: string) => {
  const fields = fieldsOf(stat)
  return Number(fields[11]) + Number(fields[12])
}

/** The process group of a /proc/<pid>/stat line (field 5). */
export const statGroup = (stat: string) => Number(fieldsOf(stat)[2])

/**
 * The runtime of the `wrangler dev` whose process group is `group` (the bench starts it in a
 * group of its own) and which serves `port`: of the workerd processes in the group, the one
 * that is not the proxy listening on the port. Undefined if there is not exactly one, or no
 * /proc to read.
 */
export const runtimeProcess = (group: number, port: number, proc = '/proc') => {
  let pids: string[]
  try {
    pids = readdirSync(proc)
  } catch {
    return undefined
  }
  const found = pids.filter((pid) => {
    if (!/^\d+$/.test(pid)) return false
    try {
      const stat = readFileSync(join(proc, pid, 'stat'), 'utf8')
      if (!stat.includes('(workerd)') || statGroup(stat) !== group) return false
      const args = readFileSync(join(proc, pid, 'cmdline'), 'utf8').split('\0')
      return !args.includes(`--socket-addr=entry=127.0.0.1:${port}`)
    } catch {
      // A process that ended while the list was read.
      return false
    }
  })
  return found.length === 1 ? Number(found[0]) : undefined
}

/** Clock ticks a second (`getconf CLK_TCK`; 100 on Linux), asked once, when first needed. */
let ticksPerSecond: number | undefined
const clockTicks = () => {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100
    } catch {
      ticksPerSecond = 100
    }
  }
  return ticksPerSecond
}

/** The CPU time process `pid` has used so far, in ms. */
export const cpuMs = (pid: number) =>
  (statTicks(readFileSync(`/proc/${pid}/stat`, 'utf8')) * 1000) / clockTicks()
