import type { IndicatorSet } from '../../indicators/types.ts';
import { change, latestYears, pct, pick, usd } from '../facts.ts';
import { keyFindings } from '../narrative.ts';
import { COLOURS, FONTS, PAGE, TYPE } from '../style.ts';
import type { Writer } from '../writer.ts';

export interface Tile {
  label: string;
  value: string;
  before: string;
}

/** Where the logo sits: top right of the band, inside the text column, never taller than the name line. */
const LOGO = { width: 120, height: 36, top: 34 } as const;

/** Title, the pair in both languages, the data vintage, six KPI tiles and the key findings. */
export function writeCover(w: Writer, set: IndicatorSet, inputFiles: number, logo?: Uint8Array): void {
  const { doc } = w;
  const { meta } = set;
  w.newPage();
  const band = 214;
  doc.save();
  doc.markContent('Artifact', { type: 'Layout' });
  doc.rect(0, 0, PAGE.width, band).fill(meta.organisation.accent);
  // The logo repeats the organisation's name, printed beside it: decoration to a screen reader.
  if (logo) {
    doc.image(Buffer.from(logo), PAGE.width - PAGE.right - LOGO.width, LOGO.top, {
      fit: [LOGO.width, LOGO.height],
      align: 'right',
    });
  }
  doc.endMarkedContent();
  doc.restore();
  w.tagged('P', () => {
    w.write('semibold', TYPE.small + 0.5, '#ffffff', meta.organisation.name.toUpperCase(), w.left, 46, {
      width: w.width - (logo ? LOGO.width + 12 : 0),
      characterSpacing: 1.2,
    });
  });
  w.titleHeading(meta.title, () => {
    w.write('bold', 26, '#ffffff', meta.title, w.left, 72, { width: w.width });
  });
  const names = [
    [meta.reporterName, meta.reporterNative],
    [meta.partnerName, meta.partnerNative],
  ]
    .map(([en, native]) => (native ? `${en} · ${native}` : en))
    .join('   –   ');
  w.tagged('P', () => {
    w.write('regular', 12, '#ffffff', names, w.left, doc.y + 6, { width: w.width });
  });
  if (meta.subtitle) {
    w.tagged('P', () => {
      w.write('regular', 10.5, '#dde6f0', meta.subtitle, w.left, doc.y + 8, {
        width: w.width,
        lineGap: 2,
      });
    });
  }
  const vintage = `Data to ${meta.vintage.period}${meta.vintage.provisional ? ' (provisional)' : ''} · ${meta.vintage.basis === 'fiscal' ? 'fiscal years April–March' : 'calendar years'} · ${inputFiles} input file${inputFiles === 1 ? '' : 's'}, every figure with its source`;
  w.tagged('P', () => {
    w.write('regular', TYPE.small + 0.5, COLOURS.muted, vintage, w.left, band + 14, { width: w.width });
  });
  const scope = meta.partialScope;
  if (scope) {
    w.tagged('P', () => {
      w.write('semibold', TYPE.small + 0.5, COLOURS.ink, scopeLine(scope.label), w.left, doc.y + 3, {
        width: w.width,
      });
    });
  }
  doc.y = Math.max(band + 38, doc.y + 12);
  writeTiles(w, kpiTiles(set), meta.organisation.accent);
  w.subheading('Key findings');
  w.bullets(keyFindings(set));
}

/** The contents list: its heading, and a row per entry in as many columns as the room left needs. */
const CONTENTS = { heading: 16, row: 13, fewestRows: 4, mostColumns: 3 } as const;

/**
 * Reserves the rest of the cover for a contents list; the returned function draws it, at the foot of
 * the page, once the sections (and so their pages) are known. Nothing is reserved when the findings
 * have left no room for even a short list.
 */
export function reserveContents(
  w: Writer,
): ((sections: { title: string; page: number }[]) => void) | undefined {
  const bottom = PAGE.height - PAGE.bottom;
  const room = bottom - (w.y + 10);
  const fits = Math.floor((room - CONTENTS.heading) / CONTENTS.row);
  if (fits < CONTENTS.fewestRows) return undefined;
  // The label stands before the list, not inside it: a TOC holds only its entries.
  const drawLabel = w.reserve('Div');
  const draw = w.reserve('TOC');
  // The list takes the rest of the cover: the sections start on the next page, whatever their size.
  w.newPage();
  return (sections) => {
    const columns = Math.min(CONTENTS.mostColumns, Math.ceil(sections.length / fits));
    const rows = Math.ceil(sections.length / columns);
    const top = bottom - CONTENTS.heading - rows * CONTENTS.row;
    const columnWidth = w.width / columns - 12;
    drawLabel(0, [
      {
        type: 'P',
        draw: () =>
          w.write('semibold', TYPE.small + 0.5, COLOURS.muted, 'CONTENTS', w.left, top, {
            width: w.width,
            characterSpacing: 1,
          }),
      },
    ]);
    draw(
      0,
      sections.map((s, i) => ({
        type: 'TOCI',
        inner: 'P',
        draw: () => {
          const x = w.left + Math.floor(i / rows) * (w.width / columns);
          const y = top + CONTENTS.heading + (i % rows) * CONTENTS.row;
          w.write('regular', TYPE.small + 1, COLOURS.ink, s.title, x, y, {
            width: columnWidth - 24,
            lineBreak: false,
          });
          w.write('regular', TYPE.small + 1, COLOURS.muted, String(s.page + 1), x + columnWidth - 24, y, {
            width: 24,
            align: 'right',
            lineBreak: false,
          });
        },
      })),
    );
  };
}

/** The cover's statement of a partial scope, above the KPI tiles. */
function scopeLine(label: string): string {
  return `Scope: ${label} only, as the inputs hold no total for the pair. Every figure below is for these products, not total trade.`;
}

/** The six headline figures of the cover, as the archive site and the e-mails repeat them. */
export function kpiTiles(set: IndicatorSet): Tile[] {
  const { latest, previous } = latestYears(set);
  if (!latest) return [];
  const entry = (id: string, label: string, format: (v: number | undefined) => string): Tile => {
    const now = pick(set, id, latest);
    const before = previous ? pick(set, id, previous) : undefined;
    return {
      label: `${label}, ${latest}${now?.provisional ? '*' : ''}`,
      value: format(now?.value ?? undefined),
      before: previous ? `${previous}: ${format(before?.value ?? undefined)}` : '',
    };
  };
  const { partnerName, partialScope } = set.meta;
  // A partial scope is named in every label: trade in HS 8542 alone is not the countries' trade.
  const of = partialScope ? ` of ${partialScope.short}` : '';
  return [
    entry('trade.total', partialScope ? `Trade in ${partialScope.short}` : 'Total trade', (v) =>
      usd(v, 'bn'),
    ),
    entry('growth.total.yoy', 'Change on the year', change),
    entry('trade.balance', partialScope ? `Balance in ${partialScope.short}` : 'Balance', (v) =>
      usd(v, 'bn'),
    ),
    entry('trade.exports', `Exports${of} to ${partnerName}`, (v) => usd(v)),
    entry('trade.imports', `Imports${of} from ${partnerName}`, (v) => usd(v)),
    entry('trade.coverage', 'Exports / imports', pct),
  ];
}

/** Size of a tile's value, the cover's largest figures. */
const VALUE_SIZE = 17;

/** Width of a tile label at the labels' size, measured before it is drawn. */
function labelWidth(w: Writer, label: string): number {
  return w.doc.font(FONTS.regular).fontSize(TYPE.small).widthOfString(label);
}

function writeTiles(w: Writer, list: Tile[], accent: string): void {
  const { doc } = w;
  const gap = 10;
  const columns = 3;
  const width = (w.width - gap * (columns - 1)) / columns;
  const height = 58;
  const top = doc.y;
  list.forEach((tile, i) => {
    const x = w.left + (i % columns) * (width + gap);
    const y = top + Math.floor(i / columns) * (height + gap);
    doc.save();
    doc.markContent('Artifact', { type: 'Layout' });
    doc.rect(x, y, width, height).fill(COLOURS.band);
    doc.rect(x, y, 3, height).fill(accent);
    doc.endMarkedContent();
    doc.restore();
    w.tagged('P', () => {
      // A long label (a partner's long name, a partial scope) is set smaller rather than wrapped into the value.
      const size = Math.max(
        5.5,
        Math.min(TYPE.small, (TYPE.small * (width - 16)) / labelWidth(w, tile.label)),
      );
      w.write('regular', size, COLOURS.muted, tile.label, x + 10, y + 8 + (TYPE.small - size), {
        width: width - 16,
        lineBreak: false,
      });
      // So is a long value ("USD 504 thousand"), on the same baseline.
      const wide = w.doc.font(FONTS.bold).fontSize(VALUE_SIZE).widthOfString(tile.value);
      const valueSize = Math.min(VALUE_SIZE, (VALUE_SIZE * (width - 16)) / wide);
      w.write('bold', valueSize, COLOURS.ink, tile.value, x + 10, y + 19 + (VALUE_SIZE - valueSize) * 0.8, {
        width: width - 16,
        lineBreak: false,
      });
      w.write('regular', TYPE.small, COLOURS.muted, tile.before, x + 10, y + 41, {
        width: width - 16,
        lineBreak: false,
      });
    });
  });
  const rows = Math.ceil(list.length / columns);
  doc.x = w.left;
  doc.y = top + rows * (height + gap) + 4;
  if (list.some((t) => t.label.endsWith('*'))) {
    w.paragraph('* Provisional figures, subject to revision by the source.', {
      size: TYPE.small,
      colour: COLOURS.muted,
    });
  }
}
