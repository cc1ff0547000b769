// Regenerates src/reference/hs2022.json (npm run reference -- DIR) from the data folder of
// datasets/harmonized-system (ODC-PDDL, public domain): data/harmonized-system.csv and data/sections.csv.
// The output is sorted and stable, so the same source gives the same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: npm run reference -- <folder holding harmonized-system.csv and sections.csv>\n');
  process.exit(2);
}

const read = (file: string) =>
  parse(readFileSync(join(dir, file)), { bom: true, columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
// The source writes a few section names in lower case ("live animals; animal products").
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const codes = read('harmonized-system.csv');
const level = (n: string) =>
  codes
    .filter((row) => row.level === n)
    .map((row) => ({ code: row.hscode ?? '', name: row.description ?? '', section: row.section ?? '' }))
    .sort((a, b) => a.code.localeCompare(b.code));

const reference = {
  revision: 'HS 2022',
  source: 'datasets/harmonized-system (data/harmonized-system.csv, data/sections.csv), ODC-PDDL-1.0',
  sections: read('sections.csv').map((row) => ({ id: row.section ?? '', name: sentence(row.name ?? '') })),
  chapters: level('2'),
  headings: level('4').map(({ code, name }) => ({ code, name })),
};
// One entry a line: small, and a revision of the source reads as a short diff.
const lines = Object.entries(reference).map(([key, value]) =>
  Array.isArray(value)
    ? `"${key}": [\n${value.map((item) => `  ${JSON.stringify(item)}`).join(',\n')}\n]`
    : `"${key}": ${JSON.stringify(value)}`,
);
writeFileSync(new URL('../src/reference/hs2022.json', import.meta.url), `{\n${lines.join(',\n')}\n}\n`);
