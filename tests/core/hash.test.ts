import { createHash } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownSha256, sha256File } from '../../src/core/hash.ts';
import { tempDir } from '../helpers.ts';

describe('sha256File', () => {
  // Empty, small, exactly one read's worth, several reads with a short last one, and a file large enough
  // to be read asynchronously.
  it.each([0, 5, 1 << 20, (5 << 19) + 7, (9 << 20) + 3])(
    'gives the SHA-256 of all %i bytes of a file',
    async (size) => {
      const bytes = Buffer.alloc(size);
      for (let i = 0; i < size; i++) bytes[i] = (i * 131 + (i >> 12)) & 0xff;
      const file = join(tempDir(), 'data.bin');
      writeFileSync(file, bytes);
      expect(await sha256File(file)).toBe(createHash('sha256').update(bytes).digest('hex'));
    },
  );

  it('knows the empty file by its published digest', async () => {
    const file = join(tempDir(), 'empty');
    writeFileSync(file, '');
    expect(await sha256File(file)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('a large file hashed again in the same process', () => {
  const large = (seed: number) => Buffer.alloc(9 << 20, seed);
  const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  it('is not read again while it is the file that was read, long settled', async () => {
    const dir = tempDir();
    const file = join(dir, 'year.csv');
    writeFileSync(file, large(1));
    // Just written: its times could still show the same after another write in the same tick.
    expect(await sha256File(file)).toBe(digest(large(1)));
    expect(knownSha256(file)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await sha256File(file)).toBe(digest(large(1)));
    expect(knownSha256(file)).toBe(digest(large(1)));
    // Rewritten in place to the same size, or replaced: read again.
    writeFileSync(file, large(2));
    expect(knownSha256(file)).toBeUndefined();
    expect(await sha256File(file)).toBe(digest(large(2)));
    writeFileSync(join(dir, 'next.csv'), large(3));
    renameSync(join(dir, 'next.csv'), file);
    expect(knownSha256(file)).toBeUndefined();
    expect(await sha256File(file)).toBe(digest(large(3)));
  }, 20_000);
});
