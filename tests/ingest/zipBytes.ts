import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntrySpec {
  name: string;
  data: string | Buffer;
  /** 0 stored, 8 deflate (default); another number is written as is, with the data stored. */
  method?: number;
  /** General purpose flags: 1 marks the entry encrypted. */
  flags?: number;
  /** The uncompressed size the headers claim, when not the real one. */
  claimedSize?: number;
}

/**
 * A zip archive as zip tools write it (local headers, data, central directory, end record), small
 * enough to build in a test: workbooks, BACI-like archives, and archives that lie about themselves.
 */
export function zipBytes(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data, 'utf8');
    const method = entry.method ?? 8;
    const body = method === 8 ? deflateRawSync(data) : data;
    const name = Buffer.from(entry.name, 'utf8');
    const size = entry.claimedSize ?? data.length;
    const crc = crc32(data);
    const flags = (entry.flags ?? 0) | 0x800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * Cells of a sheet row: a string is a shared string, a number is written as stored, `{ inline }` inline;
 * `{ number, format }` a number shown in a number format (a code, or a built-in format's id).
 */
export type SheetCell =
  | string
  | number
  | { inline: string }
  | { formula: string }
  | { number: number; format: string | number }
  | null;

/** An .xlsx workbook with one sheet per entry of `sheets` (rows numbered from `firstRow`). */
export function xlsxBytes(sheets: { name: string; rows: SheetCell[][]; firstRow?: number }[]): Buffer {
  const shared: string[] = [];
  const sharedIndex = (text: string) => {
    const found = shared.indexOf(text);
    if (found >= 0) return found;
    shared.push(text);
    return shared.length - 1;
  };
  const escapeXml = (text: string) =>
    text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
  // Style 0 is the default; each format a cell names gets a style of its own, custom ones ids from 164.
  const formats: (string | number)[] = [];
  const styleOf = (format: string | number) => {
    if (!formats.includes(format)) formats.push(format);
    return formats.indexOf(format) + 1;
  };
  const formatId = (format: string | number) =>
    typeof format === 'number' ? format : 164 + formats.filter((f) => typeof f === 'string').indexOf(format);
  const sheetXml = (rows: SheetCell[][], firstRow: number) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows
      .map((cells, i) => {
        const r = firstRow + i;
        const xml = cells
          .map((cell, c) => {
            const ref = `${String.fromCharCode(65 + c)}${r}`;
            if (cell === null) return '';
            if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
            if (typeof cell === 'string') return `<c r="${ref}" t="s"><v>${sharedIndex(cell)}</v></c>`;
            if ('number' in cell)
              return `<c r="${ref}" s="${styleOf(cell.format)}"><v>${cell.number}</v></c>`;
            if ('inline' in cell)
              return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(cell.inline)}</t></is></c>`;
            return `<c r="${ref}"><f>${escapeXml(cell.formula)}</f></c>`;
          })
          .join('');
        return `<row r="${r}">${xml}</row>`;
      })
      .join('')}</sheetData></worksheet>`;
  const sheetFiles = sheets.map((s, i) => ({
    name: `xl/worksheets/sheet${i + 1}.xml`,
    data: sheetXml(s.rows, s.firstRow ?? 1),
  }));
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  return zipBytes([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
        .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${[
        ...sheets.map((_, i) => rel(`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`)),
        rel(`rId${sheets.length + 1}`, 'sharedStrings', 'sharedStrings.xml'),
        rel(`rId${sheets.length + 2}`, 'styles', 'styles.xml'),
      ].join('')}</Relationships>`,
    },
    ...sheetFiles,
    {
      name: 'xl/styles.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts>${formats
        .filter((f) => typeof f === 'string')
        .map((f) => `<numFmt numFmtId="${formatId(f)}" formatCode="${escapeXml(f)}"/>`)
        .join(
          '',
        )}</numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="${formats.length + 1}"><xf numFmtId="0"/>${formats
        .map((f) => `<xf numFmtId="${formatId(f)}" applyNumberFormat="1"/>`)
        .join('')}</cellXfs></styleSheet>`,
    },
    {
      name: 'xl/sharedStrings.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}" uniqueCount="${shared.length}">${shared
        .map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`)
        .join('')}</sst>`,
    },
  ]);
}
