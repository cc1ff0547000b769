import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256File } from '../../src/core/hash.ts';
import { tempDir } from '../helpers.ts';

describe('sha256File', () => {
  // Empty, small, exactly one read's worth, and several reads with a short last one.
  it.each([0, 5, 1 << 20, (5 << 19) + 7])('gives the SHA-256 of all %i bytes of a file', async (size) => {
    const bytes = Buffer.alloc(size);
    for (let i = 0; i < size; i++) bytes[i] = (i * 131 + (i >> 12)) & 0xff;
    const file = join(tempDir(), 'data.bin');
    writeFileSync(file, bytes);
    expect(await sha256File(file)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('knows the empty file by its published digest', async () => {
    const file = join(tempDir(), 'empty');
    writeFileSync(file, '');
    expect(await sha256File(file)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
