/**
 * Turning bytes into text: UTF-8 only, a BOM is accepted and dropped, CRLF and CR become LF
 * (line and column numbers are unchanged by that), and binary content is recognised.
 */
export type DecodeResult =
  { ok: true; text: string } | { ok: false; reason: 'invalid-utf8' | 'binary'; line: number; column: number };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Position (1-based line and column) of a byte offset, counting lines in the valid prefix. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: [...prefix].length + 1 };
}

/** Offset of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

export function decodeSource(input: Uint8Array | string): DecodeResult {
  let text: string;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    try {
      text = decoder.decode(input); // drops a leading BOM
    } catch {
      const at = firstInvalidUtf8(input);
      return { ok: false, reason: 'invalid-utf8', ...positionOfByte(input, Math.max(at, 0)) };
    }
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const before = text.slice(0, nul);
    const line = before.split('\n').length;
    const column = nul - before.lastIndexOf('\n');
    return { ok: false, reason: 'binary', line, column };
  }
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return { ok: true, text };
}
