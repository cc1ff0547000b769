/**
 * Every sentence the user reads, in one place: problems in inputs, progress and command-line help.
 * Problem texts say what was expected, so the fix is obvious from the message alone.
 */
const quote = (text: string): string => {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  // Control characters (binary garbage) would garble the terminal: show them as "?".
  return `"${[...shown].map((c) => (c.charCodeAt(0) < 32 ? '?' : c)).join('')}"`;
};
const didYouMean = (suggestion: string | undefined): string =>
  suggestion ? ` (did you mean "${suggestion}"?)` : '';

export const inputMessages = {
  emptyFile: () => 'the file is empty: expected a header row and at least one data row',
  headerOnly: () => 'the file has a header but no data rows',
  notText: () => 'the file holds binary data, not CSV text (is it an Excel or zip file? export it as CSV)',
  notUtf8: () => 'the file is not UTF-8 text: save it as "CSV UTF-8"',
  lineTooLong: (limit: number) =>
    `a record is longer than ${Math.round(limit / 1024)} KiB: expected one CSV record per line (is a quote left open?)`,
  unclosedQuote: () => 'a quoted field is never closed: expected a closing double quote (")',
  ragged: (expected: number, got: number) => `expected ${expected} fields as in the header, found ${got}`,
  csvSyntax: (detail: string) => `not valid CSV: ${detail}`,
  unknownHeader: (header: string[], formats: string) =>
    `the header ${quote(header.join(','))} matches no supported format: expected one of ${formats}`,
  missingColumns: (format: string, columns: string[]) =>
    `looks like ${format} but lacks the column${columns.length > 1 ? 's' : ''} ${columns.map((c) => `"${c}"`).join(', ')}`,
  notANumber: (text: string) =>
    text.trim() === '' ? 'expected a number, found an empty cell' : `expected a number, found ${quote(text)}`,
  negativeValue: (text: string) => `expected a trade value of zero or more, found ${quote(text)}`,
  unknownFlow: (text: string, allowed: string) => `unknown flow ${quote(text)}: expected ${allowed}`,
  malformedPeriod: (text: string, expected: string) =>
    `malformed period ${quote(text)}: expected ${expected}`,
  unknownCountry: (text: string) =>
    `unknown country code ${quote(text)}: expected an ISO 3166 code such as IND`,
  badHsCode: (text: string) =>
    `malformed product code ${quote(text)}: expected TOTAL or an HS code of 2 to 6 digits`,
  unknownUnit: (text: string) =>
    `unknown unit ${quote(text)}: expected a money unit such as "USD", "USD thousand", "USD mn", "USD bn", "INR crore"`,
  missingValue: (what: string) => `expected ${what}, found an empty cell`,
  unknownChoice: (text: string, allowed: readonly string[]) =>
    `unexpected value ${quote(text)}: expected one of ${allowed.join(', ')}`,
  duplicateKey: (line: number, value: string, file?: string) =>
    `same period, reporter, partner, flow, product and source as ${file ? `${file} ` : ''}line ${line}, but a different value (${value} there): keep one`,
  unknownSource: (id: string, suggestion: string | undefined) =>
    `source ${quote(id)} is not in the sources table${didYouMean(suggestion)}: add it to a sources CSV`,
  duplicateSource: (id: string) => `source id ${quote(id)} is defined twice: ids must be unique`,
  noInputs: () => 'no CSV files found: expected trade data in a supported format',
  noTradeForPair: (reporter: string, partner: string) =>
    `no trade rows between ${reporter} and ${partner} in any input: check --reporter/--partner or the files`,
  missingInputsDir: () => 'the inputs folder does not exist',
};

export const configMessages = {
  unreadable: () => 'cannot read the config file',
  notJson: (detail: string) => `not valid JSON: ${detail}`,
  unknownKey: (key: string, suggestion: string | undefined) =>
    `unknown key "${key}"${didYouMean(suggestion)}`,
  invalid: (detail: string) => detail,
  sameCountry: () => 'reporter and partner must differ',
  unknownCountry: (code: string) =>
    `unknown country code "${code}": expected an ISO 3166 alpha-3 code such as IND`,
  unknownSector: (id: string, suggestion: string | undefined) =>
    `unknown sector "${id}"${didYouMean(suggestion)}: scenarios name sectors defined under "sectors"`,
  chapterInTwoSectors: (chapter: string, a: string, b: string) =>
    `chapter ${chapter} is in both sectors "${a}" and "${b}": a chapter belongs to one sector at most`,
};

export const normaliseMessages = {
  missingRate: (currency: string, period: string) =>
    `no ${currency} per USD exchange rate for ${period}: add it to a rates CSV (period,currency,per_usd,source)`,
};

export const dataNotes = {
  provisional: (periods: string[], sources: string) =>
    `${periods.join(', ')} figures are provisional (${sources}) and may be revised.`,
  otherLine: (period: string, flow: string, count: number, covered: string, rest: string) =>
    `${period} ${flow}s by HS chapter are given for ${count} chapters, ${covered} of the total; the remaining ${rest} is shown as "Other chapters".`,
  totalsFromChapters: () =>
    'Where a file gives trade by HS chapter without a total, the total is the sum of its chapters.',
  roundingDifferences: (count: number) =>
    `${count} figure${count > 1 ? 's differ' : ' differs'} between sources by less than 0.1 % (rounding); the preferred source is used.`,
  chaptersExceedTotal: (period: string, flow: string, excess: string) =>
    `${period} ${flow}s by chapter add up to ${excess} more than the total; the total is used.`,
  sourceConflict: (what: string, chosen: string, others: string) => `${what}: ${chosen} is used; ${others}.`,
  unsourcedFile: (file: string) =>
    `${file} has no entry in the sources table (its "files" column): its rows are cited by file name only.`,
};

export const runMessages = {
  stageDone: (stage: string) => `${stage} done`,
  wrote: (path: string) => `wrote ${path}`,
  rowsRead: (files: number, rows: number, rejected: number) =>
    `read ${rows} rows from ${files} files; ${rejected} set aside (see the coverage report)`,
};
