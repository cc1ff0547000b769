/** SYNTHETIC PNG images for the logo tests, written byte by byte to the PNG format. */
import { deflateSync } from 'node:zlib';

/** CRC-32 of a PNG chunk's type and data (ISO 3309), as the PNG format requires. */
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/**
 * A `size` × `size` RGB PNG written from its pixels: diagonal bands of three colours and, in one corner
 * in eight, seeded noise, so it neither compresses to nothing nor stays small once redrawn.
 */
export function bigPng(size: number, allNoise = false): Buffer {
  const row = 1 + size * 3;
  const raw = Buffer.alloc(row * size);
  let state = 3;
  for (let y = 0; y < size; y++) {
    raw[y * row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const at = y * row + 1 + x * 3;
      const band = Math.floor((x + y) / 200) % 3;
      const noisy = allNoise || (x < size / 4 && y < size / 2);
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      raw[at] = noisy ? state & 0xff : ([200, 20, 20][band] as number);
      raw[at + 1] = noisy ? (state >> 8) & 0xff : ([20, 120, 20][band] as number);
      raw[at + 2] = noisy ? (state >> 16) & 0xff : ([20, 20, 180][band] as number);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
