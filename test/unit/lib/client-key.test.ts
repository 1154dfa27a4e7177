import { describe, expect, it } from 'vitest'
import { UNKNOWN_CLIENT, clientKey } from '../../../src/lib/client-key.ts'

describe('clientKey', () => {
  it('keys an IPv4 address by the whole address', () => {
    expect(clientKey('192.0.2.1')).toBe('192.0.2.1')
    expect(clientKey('192.0.2.2')).toBe('192.0.2.2')
    expect(clientKey(' 203.0.113.255 ')).toBe('203.0.113.255')
  })

  it('keys every address of an IPv6 /64 the same', () => {
    const keys = [
      '2001:db8:1:2::1',
      '2001:db8:1:2::2',
      '2001:db8:1:2:ffff:ffff:ffff:ffff',
      '2001:db8:1:2:a:b:c:d',
      '2001:db8:1:2:0:0:0:0',
    ].map(clientKey)
    expect(new Set(keys)).toEqual(new Set(['2001:db8:1:2::/64']))
  })

  it('gives different /64s different keys', () => {
    expect(clientKey('2001:db8:1:2::1')).not.toBe(clientKey('2001:db8:1:3::1'))
    expect(clientKey('2001:db8::1')).not.toBe(clientKey('2001:db9::1'))
  })

  it('normalises how the address is written: ::, leading zeros, case', () => {
    const spellings = [
      '2001:DB8::1',
      '2001:0db8:0000:0000:0000:0000:0000:0001',
      '2001:db8:0:0::abcd',
      '2001:0DB8:0:0:1:2:3:4',
      '2001:db8::',
    ]
    expect(new Set(spellings.map(clientKey))).toEqual(new Set(['2001:db8:0:0::/64']))
    expect(clientKey('::1')).toBe('0:0:0:0::/64')
    expect(clientKey('::')).toBe('0:0:0:0::/64')
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64')
    expect(clientKey('1:2:3:4:5:6:7::')).toBe('1:2:3:4::/64')
  })

  it('keys an IPv4-mapped IPv6 address as the IPv4 address', () => {
    expect(clientKey('::ffff:192.0.2.1')).toBe('192.0.2.1')
    expect(clientKey('::FFFF:c000:0201')).toBe('192.0.2.1')
  })

  it('reads an IPv4 address embedded at the end of an IPv6 one', () => {
    expect(clientKey('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64')
  })

  it('keys a missing address as one unknown client, and anything malformed as itself', () => {
    expect(clientKey(undefined)).toBe(UNKNOWN_CLIENT)
    expect(clientKey(null)).toBe(UNKNOWN_CLIENT)
    expect(clientKey('  ')).toBe(UNKNOWN_CLIENT)
    for (const bad of [
      '2001:db8::1::2',
      '1:2:3:4:5:6:7:8:9',
      '1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7:8::',
      '2001:db8::g',
      '2001:db8::12345',
      '256.0.0.1',
      '1.2.3',
      '192.0.2.1:80',
      'not an address',
    ]) {
      expect(clientKey(bad), bad).toBe(bad.toLowerCase())
    }
  })
})
