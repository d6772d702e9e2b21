import { BeatplanError, issueReason } from '@beatplan/core';
import { tryNormalizeBssid } from './internal/bssid.js';

/**
 * Reads a BSSID (an access point's MAC address) in any common spelling and returns
 * ONE canonical form: six lowercase two-digit hex octets joined by `:` (`aa:bb:cc:0d:0e:0f`).
 *
 * Accepted: `AA:BB:CC:DD:EE:FF`, `aa-bb-cc-dd-ee-ff`, `aabb.ccdd.eeff` (Cisco), `AABBCCDDEEFF`, and
 * octets without leading zero when separated (`a:b:c:d:e:f`, as some scanners print them).
 * Surrounding whitespace is ignored.
 *
 * @param text - the BSSID as reported by a scan or stored in a table.
 * @returns the canonical lowercase colon form.
 * @throws {BeatplanError} `INVALID_INPUT` when `text` is not a string or not a 48-bit MAC address.
 * @example
 * normalizeBssid('AA-BB-CC-0D-0E-0F'); // 'aa:bb:cc:0d:0e:0f'
 * normalizeBssid('aabb.cc0d.0e0f');    // 'aa:bb:cc:0d:0e:0f'
 */
export function normalizeBssid(text: string): string {
  const canonical = tryNormalizeBssid(text);
  if (canonical === undefined) {
    throw new BeatplanError('INVALID_INPUT', [{ path: ['bssid'], value: text, ...issueReason('positioning.bssid') }]);
  }
  return canonical;
}
