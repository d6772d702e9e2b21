/** Query parameters whose values are credentials by their name (AMap `key`, GraphHopper `key`, Stadia `api_key`, ...). */
const SECRET_PARAM = /^(key|api[-_]?key|apikey|ak|sk|token|access[-_]?token|secret|sig|signature|password|auth)$/i;
const MASK = '***';
const URL_SHOWN = 160;

/**
 * Removes secrets from a text: every occurrence of a given secret (and its URL-encoded form) becomes `***`.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s.length === 0) continue;
    out = out.split(s).join(MASK);
    const encoded = encodeURIComponent(s);
    if (encoded !== s) out = out.split(encoded).join(MASK);
  }
  return out;
}

/**
 * A URL fit for an error message or a log: credential-like query values masked, given secrets removed,
 * shortened to 160 characters (`…` and the length when cut).
 */
export function redactUrl(url: string, secrets: readonly string[]): string {
  let shown = url;
  try {
    const u = new URL(url);
    if (u.username || u.password) {
      u.username = '';
      u.password = '';
    }
    for (const name of [...u.searchParams.keys()]) if (SECRET_PARAM.test(name)) u.searchParams.set(name, MASK);
    shown = u.toString();
    try {
      shown = decodeURIComponent(shown);
    } catch {
      // keep the encoded form
    }
  } catch {
    // not a URL: only the secrets are removed
  }
  shown = redactText(shown, secrets);
  return shown.length > URL_SHOWN ? `${shown.slice(0, URL_SHOWN - 1)}… (${shown.length} characters)` : shown;
}

/**
 * Reads a `Retry-After` header (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.
 *
 * @returns the wait in ms (≥ 0), or undefined when absent or unreadable.
 */
export function parseRetryAfterMs(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** The first 200 characters of a response body on one line, secrets removed (for error messages). */
export function bodyExcerpt(text: string, secrets: readonly string[]): string {
  const one = redactText(text, secrets).replace(/\s+/g, ' ').trim();
  return one.length > 200 ? `${one.slice(0, 199)}…` : one;
}
