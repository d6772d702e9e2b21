// Test helper shared by core's and the CLI's import tests.

/** UTF-8 text → GB18030 bytes (Node has a GB18030 decoder but no encoder): through a reverse table of the BMP. */
export function gb18030(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else out.push(...gbBytes(ch));
  }
  return new Uint8Array(out);
}

let table: Map<string, number[]> | undefined;
function gbBytes(ch: string): number[] {
  if (!table) {
    table = new Map();
    const d = new TextDecoder('gb18030');
    for (let hi = 0x81; hi <= 0xfe; hi++)
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const c = d.decode(new Uint8Array([hi, lo]));
        if (c.length === 1 && c !== '\uFFFD' && !table.has(c)) table.set(c, [hi, lo]);
      }
  }
  const b = table.get(ch);
  if (!b) throw new Error(`no two-byte GB18030 code for ${ch}`);
  return b;
}
