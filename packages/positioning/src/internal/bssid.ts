const HEX12 = /^[0-9a-f]{12}$/;
const OCTET = /^[0-9a-f]{1,2}$/;

/** {@link normalizeBssid} without throwing: `undefined` for anything that is not a MAC address. */
export function tryNormalizeBssid(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const t = text.trim().toLowerCase();
  let hex: string;
  const parts = t.split(/[:-]/);
  if (parts.length === 6 && parts.every((p) => OCTET.test(p))) hex = parts.map((p) => p.padStart(2, '0')).join('');
  else hex = t.replace(/[.:-]/g, '');
  if (!HEX12.test(hex)) return undefined;
  return hex.replace(/(..)(?!$)/g, '$1:');
}

/** The 48-bit number of a canonical BSSID (exact in a double), used as the table key. */
export function bssidToNumber(canonical: string): number {
  return Number.parseInt(canonical.replace(/:/g, ''), 16);
}
