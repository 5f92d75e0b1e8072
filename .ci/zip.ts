// A minimal ZIP writer (store or deflate, no ZIP64) so packaging needs no new dependency and no `zip` CLI.
// Format: PKWARE APPNOTE.TXT 6.3.10 §4.3 (local headers, central directory, end of central directory).
import { deflateRawSync } from 'node:zlib';
import * as zlib from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, forward slashes, no leading slash. */
  name: string;
  data: Buffer;
}

// APPNOTE §4.4.6: 1980-01-01 00:00, the earliest DOS date. A fixed time makes the archive reproducible,
// so a store reviewer who rebuilds from the source archive gets the same bytes.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800; // APPNOTE §4.4.4 bit 11: names are UTF-8
const VERSION = 20; // 2.0: deflate

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (APPNOTE §4.4.7); zlib.crc32 exists only from Node 20.15 / 22.2, engines allow any Node 20. */
function crc32(data: Buffer): number {
  const native = (zlib as { crc32?: (d: Buffer) => number }).crc32;
  if (native) return native(data) >>> 0;
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Written {
  name: Buffer;
  method: number;
  crc: number;
  size: number;
  packed: number;
  offset: number;
}

function localHeader(w: Written): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(VERSION, 4);
  h.writeUInt16LE(UTF8_NAMES, 6);
  h.writeUInt16LE(w.method, 8);
  h.writeUInt16LE(DOS_TIME, 10);
  h.writeUInt16LE(DOS_DATE, 12);
  h.writeUInt32LE(w.crc, 14);
  h.writeUInt32LE(w.packed, 18);
  h.writeUInt32LE(w.size, 22);
  h.writeUInt16LE(w.name.length, 26);
  return Buffer.concat([h, w.name]);
}

function centralHeader(w: Written): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE((3 << 8) | VERSION, 4); // made by: Unix, so the attributes below mean rw-r--r--
  h.writeUInt16LE(VERSION, 6);
  h.writeUInt16LE(UTF8_NAMES, 8);
  h.writeUInt16LE(w.method, 10);
  h.writeUInt16LE(DOS_TIME, 12);
  h.writeUInt16LE(DOS_DATE, 14);
  h.writeUInt32LE(w.crc, 16);
  h.writeUInt32LE(w.packed, 20);
  h.writeUInt32LE(w.size, 24);
  h.writeUInt16LE(w.name.length, 28);
  h.writeUInt32LE((0o100644 << 16) >>> 0, 38);
  h.writeUInt32LE(w.offset, 42);
  return Buffer.concat([h, w.name]);
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const h = Buffer.alloc(22);
  h.writeUInt32LE(0x06054b50, 0);
  h.writeUInt16LE(count, 8);
  h.writeUInt16LE(count, 10);
  h.writeUInt32LE(size, 12);
  h.writeUInt32LE(offset, 16);
  return h;
}

/** Builds a ZIP archive in memory; entries are written in the order given (sort them for reproducibility). */
export function zip(entries: readonly ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const written: Written[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (entry.name.startsWith('/') || entry.name.includes('\\'))
      throw new Error(`bad zip path: ${entry.name}`);
    const deflated = deflateRawSync(entry.data, { level: 9 });
    // APPNOTE §4.4.5: method 8 = deflate, 0 = stored (kept when deflate does not shrink, e.g. PNG).
    const store = deflated.length >= entry.data.length;
    const body = store ? entry.data : deflated;
    const w: Written = {
      name: Buffer.from(entry.name, 'utf8'),
      method: store ? 0 : 8,
      crc: crc32(entry.data),
      size: entry.data.length,
      packed: body.length,
      offset,
    };
    const header = localHeader(w);
    parts.push(header, body);
    written.push(w);
    offset += header.length + body.length;
  }
  if (written.length > 0xffff || offset > 0xffffffff) throw new Error('archive needs ZIP64, not supported');
  const central = Buffer.concat(written.map(centralHeader));
  return Buffer.concat([...parts, central, endOfCentralDirectory(written.length, central.length, offset)]);
}
