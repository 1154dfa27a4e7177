// The bench's CPU column reads the runtime's CPU time from /proc (scripts/bench/cpu.ts): the
// right fields of a stat line, and the right process of the wrangler dev it started.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cpuMs, runtimeProcess, statGroup, statTicks } from '../../scripts/bench/cpu.ts'

/** A stat line as proc(5) lays it out: utime and stime are fields 14 and 15, pgrp field 5. */
const statLine = (name: string, group: number, utime: number, stime: number) =>
  `4242 (${name}) S 1 ${group} ${group} 0 -1 4194304 1200 0 3 0 ${utime} ${stime} 0 0 20 0 3 0 99 0 0`

describe('reading a /proc stat line', () => {
  it('adds user and system time, after a command name that holds spaces and parentheses', () => {
    expect(statTicks(statLine('workerd', 7, 250, 75))).toBe(325)
    expect(statTicks(statLine('a) b (c', 7, 10, 5))).toBe(15)
    expect(statGroup(statLine('a) b (c', 31, 10, 5))).toBe(31)
  })

  it('measures the CPU this process spends', () => {
    const before = cpuMs(process.pid)
    const until = performance.now() + 300
    let spin = 0
    while (performance.now() < until) spin++
    expect(spin).toBeGreaterThan(0)
    // 300 ms of spinning, read in clock ticks of 10 ms.
    expect(cpuMs(process.pid) - before).toBeGreaterThanOrEqual(200)
  })
})

describe('finding the runtime of a wrangler dev', () => {
  const proc = mkdtempSync(join(tmpdir(), 'soca-proc-'))
  afterAll(() => rmSync(proc, { recursive: true, force: true }))
  const add = (pid: number, name: string, group: number, args: string[]) => {
    mkdirSync(join(proc, String(pid)))
    writeFileSync(join(proc, String(pid), 'stat'), statLine(name, group, 1, 1))
    writeFileSync(join(proc, String(pid), 'cmdline'), `${args.join('\0')}\0`)
  }
  const workerd = (...extra: string[]) => ['/bin/workerd', 'serve', '--binary', ...extra]
  // The bench's wrangler (group 7): its proxy on the bench's port, and its runtime.
  add(100, 'workerd', 7, workerd('--socket-addr=entry=127.0.0.1:8788'))
  add(101, 'workerd', 7, workerd('--socket-addr=entry=127.0.0.1:0', '--inspector-addr=127.0.0.1:0'))
  add(102, 'node', 7, ['node', 'wrangler', 'dev'])
  // The other seed's wrangler (group 8), beside it.
  add(200, 'workerd', 8, workerd('--socket-addr=entry=127.0.0.1:8789'))
  add(201, 'workerd', 8, workerd('--socket-addr=entry=127.0.0.1:0'))
  mkdirSync(join(proc, 'self'))

  it('is the workerd of the group that does not listen on the port', () => {
    expect(runtimeProcess(7, 8788, proc)).toBe(101)
    expect(runtimeProcess(8, 8789, proc)).toBe(201)
  })

  it('is not found when the group has none, or more than one', () => {
    expect(runtimeProcess(9, 8788, proc)).toBeUndefined()
    // Asked with the wrong port, both of group 7's workerd processes qualify.
    expect(runtimeProcess(7, 8790, proc)).toBeUndefined()
  })

  it('is not found where there is no /proc to read', () => {
    expect(runtimeProcess(7, 8788, join(proc, 'absent'))).toBeUndefined()
  })
})
