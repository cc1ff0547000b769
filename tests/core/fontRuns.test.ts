import { describe, expect, it } from 'vitest';
import { fontRuns, unprintable } from '../../src/core/fontRuns.ts';

const runs = (text: string) =>
  fontRuns(text, 'regular').map((r) => `${r.font}${r.rtl ? '/rtl' : ''}:${r.text}`);

describe('text split into runs by the font that prints them', () => {
  it('keeps Latin, Cyrillic and Devanagari in Noto Sans, marks and all', () => {
    expect(runs('India · भारत – Russia · Россия')).toEqual(['main:India · भारत – Russia · Россия']);
  });

  it('gives Han characters to Noto Sans SC and Hangul to Noto Sans KR', () => {
    expect(runs('China · 中国 and Korea · 한국')).toEqual([
      'main:China · ',
      'sc:中国 ',
      'main:and Korea · ',
      'kr:한국',
    ]);
  });

  it('keeps an Arabic phrase in one right-to-left run, its digits and trailing space in Noto Sans', () => {
    expect(runs('UAE · الإمارات العربية المتحدة 2024')).toEqual([
      'main:UAE · ',
      'arabic/rtl:الإمارات العربية المتحدة',
      'main: 2024',
    ]);
    expect(runs('ישראל')).toEqual(['hebrew/rtl:ישראל']);
  });

  it('finds a font for the scripts of member states’ own names', () => {
    for (const [name, font] of [
      ['ประเทศไทย', 'thai'],
      ['საქართველო', 'georgian'],
      ['Հայաստան', 'armenian'],
      ['ኢትዮጵያ', 'ethiopic'],
      ['বাংলাদেশ', 'bengali'],
      ['ශ්‍රී ලංකාව', 'sinhala'],
      ['ދިވެހިރާއްޖެ', 'thaana'],
      ['မြန်မာ', 'myanmar'],
      ['កម្ពុជា', 'khmer'],
      ['ລາວ', 'lao'],
      ['日本', 'sc'],
    ] as const) {
      expect(fontRuns(name, 'bold').map((r) => r.font)).toEqual([font]);
      expect(unprintable(name, 'bold')).toEqual([]);
    }
  });

  it('names what no embedded font can print', () => {
    expect(unprintable('India 🇮🇳')).toEqual(['🇮', '🇳']);
    // Bhutan's own name is in Tibetan script, for which no packaged font is embedded; its vowel and
    // subjoined signs are marks, reported with the letters they sit on.
    expect(unprintable('འབྲུག')).toEqual(['འ', 'བ', 'ག']);
    expect(unprintable('India · भारत · ₹')).toEqual([]);
  });
});
