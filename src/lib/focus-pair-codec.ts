/**
 * A lookup set in a URL (issue #3 "reproducible from the URL alone"): pairs packed as bytes, base64url.
 * Optics device ids are 32 hex digits (16 bytes) and usually repeat across pairs, so they are listed once and
 * referenced by index; hex uids pack to 16 bytes, any other uid travels as UTF-8. 200 pairs on a handful of
 * devices come to about 4–5 kB of URL.
 *
 * Layout (version 1): version byte, varint device count, 16 bytes per device, varint pair count, then per
 * pair: varint device index, uid flag (0 = 16 packed bytes, 1 = varint length + UTF-8).
 */
const version = 1;
const hex32 = /^[0-9A-F]{32}$/;

function writeVarint(out: number[], value: number) {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
}

function writeHex(out: number[], hex: string) {
  for (let i = 0; i < 32; i += 2) out.push(Number.parseInt(hex.slice(i, i + 2), 16));
}

function toBase64Url(bytes: number[]): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Device ids must already be in the Optics form (the pair parser guarantees it). */
export function encodePairs(pairs: readonly { uid: string; device_id: string }[]): string {
  const devices = [...new Set(pairs.map((pair) => pair.device_id))];
  for (const device of devices) {
    if (!hex32.test(device)) throw new Error(`not an Optics device id: ${device}`);
  }
  const index = new Map(devices.map((device, i) => [device, i]));
  const out: number[] = [version];
  writeVarint(out, devices.length);
  for (const device of devices) writeHex(out, device);
  writeVarint(out, pairs.length);
  const encoder = new TextEncoder();
  for (const pair of pairs) {
    writeVarint(out, index.get(pair.device_id) as number);
    if (hex32.test(pair.uid)) {
      out.push(0);
      writeHex(out, pair.uid);
    } else {
      const bytes = encoder.encode(pair.uid);
      out.push(1);
      writeVarint(out, bytes.length);
      out.push(...bytes);
    }
  }
  return toBase64Url(out);
}

/** The pairs of a link, or null when the text is not a set this version wrote (hand-edited, truncated). */
export function decodePairs(text: string): { uid: string; device_id: string }[] | null {
  const bytes = fromBase64Url(text);
  if (!bytes || bytes[0] !== version) return null;
  let at = 1;
  const varint = () => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = bytes[at++];
      if (byte === undefined || scale > 2 ** 28) throw new Error('truncated');
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  };
  const hex = () => {
    if (at + 16 > bytes.length) throw new Error('truncated');
    let out = '';
    for (let i = 0; i < 16; i++) out += (bytes[at++] as number).toString(16).padStart(2, '0');
    return out.toUpperCase();
  };
  try {
    // Counts are checked against the bytes left, so a hostile link cannot make a huge array.
    const deviceCount = varint();
    if (deviceCount * 16 > bytes.length) return null;
    const devices = Array.from({ length: deviceCount }, () => hex());
    const count = varint();
    if (count > bytes.length) return null;
    const pairs: { uid: string; device_id: string }[] = [];
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (let i = 0; i < count; i++) {
      const device = devices[varint()];
      if (device === undefined) return null;
      const flag = bytes[at++];
      let uid: string;
      if (flag === 0) uid = hex();
      else if (flag === 1) {
        const length = varint();
        if (at + length > bytes.length) return null;
        uid = decoder.decode(bytes.subarray(at, at + length));
        at += length;
      } else return null;
      pairs.push({ uid, device_id: device });
    }
    return at === bytes.length ? pairs : null;
  } catch {
    return null;
  }
}
