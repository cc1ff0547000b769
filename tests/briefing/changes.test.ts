import { beforeAll, describe, expect, it } from 'vitest';
import { revisionCells } from '../../src/briefing/sections/changes.ts';
import { type Changes, compareEditions } from '../../src/changes/compare.ts';
import type { IndicatorSet } from '../../src/indicators/types.ts';
import { tool } from '../helpers.ts';
import { buildBriefing, defaultSet } from './build.ts';

const EDITION = { id: 'a1b2c3d4e5f6', vintage: 'FY2025-26-provisional', dir: 'archive/IND-RUS/previous' };

describe('the changes table of the default briefing after a revision of HS 27 imports', () => {
  let set: IndicatorSet;
  let changes: Changes;
  let text: string;
  beforeAll(async () => {
    set = await defaultSet();
    // The previous edition had HS 27 imports of FY2025-26 at USD 40,000 m instead of 47,824.9 m (EIDB).
    const previous: IndicatorSet = {
      ...set,
      indicators: set.indicators.map((i) =>
        i.id === 'composition.chapter.value' &&
        i.period === 'FY2025-26' &&
        i.dims?.flow === 'import' &&
        i.dims.chapter === '27'
          ? { ...i, value: 40_000e6 }
          : i,
      ),
    };
    changes = compareEditions(previous, set, EDITION);
    text = tool('pdftotext', ['-layout', (await buildBriefing(set, undefined, changes)).file, '-']);
  }, 120_000);

  it('names the chapter of a revised row as the annex does, not by its code alone', () => {
    const revision = changes.revised.find((r) => r.id === 'composition.chapter.value');
    expect(revision?.dims).toMatchObject({ flow: 'import', chapter: '27' });
    const cells = revision ? revisionCells(revision, set) : [];
    // (47,824.9 − 40,000) / 40,000 = +19.6 %.
    expect(cells).toEqual([
      'HS 27 Mineral fuels, mineral oils',
      'FY2025-26',
      'USD 40 bn',
      'USD 47.8 bn',
      '+19.6 %',
    ]);
    expect(text).toMatch(/Changes since the last edition/);
    expect(text).toMatch(
      /HS 27 Mineral fuels, mineral oils\s+FY2025-26\s+USD 40 bn\s+USD 47\.8 bn\s+\+19\.6 %/,
    );
  });

  it('keeps a row without a chapter as it was', () => {
    const total = changes.revised.find((r) => r.id === 'trade.imports');
    expect(total ? revisionCells(total, set)[0] : undefined).toBe(total?.label);
  });
});
