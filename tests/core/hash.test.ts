import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownHashes, knownSha256, sha256File } from '../../src/core/hash.ts';
import { ROOT, tempDir } from '../helpers.ts';

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

describe('hashes handed to a process the run starts (a batch to its read)', () => {
  const large = (seed: number) => Buffer.alloc(9 << 20, seed);
  const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  /** sha256File of `file` in a new process that first learns `hashes`. */
  const hashThere = (file: string, hashes: unknown) => {
    const code = `import { learnHashes, sha256File } from ${JSON.stringify(join(ROOT, 'src/core/hash.ts'))};
learnHashes(JSON.parse(process.env.HASHES));
console.log(await sha256File(${JSON.stringify(file)}));`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, HASHES: JSON.stringify(hashes) },
    });
    expect(child.stderr).toBe('');
    return child.stdout.trim();
  };

  it('are used there while the file is the one that was read, and not once it has changed', async () => {
    const file = join(tempDir(), 'year.csv');
    writeFileSync(file, large(4));
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await sha256File(file)).toBe(digest(large(4)));
    const handed = knownHashes().filter(([path]) => path === file);
    expect(handed).toHaveLength(1);
    // A stand-in digest, which the other process can only give back if it does not read the file.
    const standIn = 'f'.repeat(64);
    const marked = handed.map(([path, known]) => [path, { ...known, sha256: standIn }]);
    expect(hashThere(file, marked)).toBe(standIn);
    writeFileSync(file, large(5));
    expect(hashThere(file, marked)).toBe(digest(large(5)));
  }, 20_000);
});
