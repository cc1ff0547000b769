/**
 * Every sentence the user reads, in one place: problems in inputs, progress and command-line help.
 * Problem texts say what was expected, so the fix is obvious from the message alone.
 */
import { formatNumber } from './format.ts';
import { escapeControls } from './text.ts';

const quote = (text: string, limit = 40): string => {
  const shown = text.length > limit ? `${text.slice(0, limit)}…` : text;
  // Control characters (binary garbage) would garble the terminal: shown as escapes.
  return `"${escapeControls(shown)}"`;
};
const didYouMean = (suggestion: string | undefined): string =>
  suggestion ? ` (did you mean "${suggestion}"?)` : '';

export const inputMessages = {
  undatedCurrency: (currency: string, period: string) =>
    `a figure in ${currency} is converted at the rate of its year, and ${quote(period)} is none: give a year or a fiscal year ("2024", "FY2024-25"), or the figure in US dollars`,
  headerAgain: (headerLine: number) =>
    `the header of line ${headerLine} repeats here, as where two downloads were pasted into one file: delete this line, and check the rows below it are not there twice`,
  unitSlip: (what: string, value: string, ratio: number, how: string, other: string) =>
    `${what}: ${value} is ${ratio.toLocaleString('en-US')} ${how} ${other}: a unit slip, thousand for million or million for billion? Correct the unit of the wrong one`,
  chaptersOverTotal: (what: string, chapter: string, value: string, sum: string, total: string, at: string) =>
    `${what}: HS ${chapter} holds ${value} and the chapters add up to ${sum}, against a total of ${total} (${at}): one of them is wrong, a unit slip perhaps; every share and concentration index would be too`,
  unknownFigureSector: (id: string, meant: string | undefined) =>
    `${id ? `sector ${quote(id)} is not` : 'expected'} one of the config's sector ids${meant ? ` (did you mean ${quote(meant)}?)` : ''}: a sector figure is read for the sector it names`,
  badScope: (scope: string) =>
    `scope ${quote(scope)}: expected ISO 3166 alpha-3 codes: IND-RUS (both ways), IND->RUS (one way) or RUS (one country)`,
  rangeBackwards: (low: number, high: number) =>
    `value_high ${high} is below value ${low}: a range runs from value up to value_high`,
  negativeFigure: (measure: string) =>
    `expected a value of zero or more: ${measure} is an amount of trade, and a fall is written as a percent change`,
  emptyFile: () => 'the file is empty: expected a header row and at least one data row',
  headerOnly: () => 'the file has a header but no data rows',
  notText: () => 'the file holds binary data, not CSV text (is it an Excel or zip file? export it as CSV)',
  lineTooLong: (limit: number) =>
    `a record is longer than ${Math.round(limit / 1024)} KiB: expected one CSV record per line (is a quote left open?)`,
  unclosedQuote: () => 'a quoted field is never closed: expected a closing double quote (")',
  ragged: (expected: number, got: number) => `expected ${expected} fields as in the header, found ${got}`,
  textAfterQuote: () =>
    'text follows a closing quote: expected a delimiter after a quoted field (a quote inside one is written twice: "")',
  quoteInField: () =>
    'a quote inside an unquoted field: expected the whole field in quotes, its quotes written twice',
  raggedRecord: () =>
    'a record has another number of fields than the others: expected the same on every line',
  unknownByte: (byte: number) =>
    `byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} fits no text encoding read here (UTF-8, UTF-16, Windows-1252): save the file as "CSV UTF-8"`,
  brokenUtf8: () =>
    'a byte here is not UTF-8, though the file is UTF-8 before it: save the file again as "CSV UTF-8"',
  brokenUtf16: () =>
    'a character here is not valid UTF-16 (half of a pair, or a last byte alone): save the file again as "CSV UTF-8"',
  cannotRead: (reason: string) => `cannot read the file: ${reason}`,
  permissionDenied: () => 'permission denied (give the user running tradebrief read access)',
  vanished: () => 'it is gone (moved or deleted, or a link to a file that no longer exists)',
  linkLoop: () => 'its symbolic links form a loop',
  isFolder: () => 'it is a folder',
  ioError: () => 'the disk reported an input/output error',
  unknownHeader: (header: string[], formats: string) =>
    `the header ${quote(header.join(','))} matches no supported format: expected one of ${formats}`,
  repeatedColumns: (columns: { name: string; positions: number[] }[]) =>
    `the header names ${columns.map((c) => `${quote(c.name)} in columns ${c.positions.join(' and ')}`).join(', ')}: expected each column once, as which one to read cannot be told`,
  missingColumns: (format: string, columns: string[]) =>
    `looks like ${format} but lacks the column${columns.length > 1 ? 's' : ''} ${columns.map((c) => `"${c}"`).join(', ')}`,
  notANumber: (text: string) =>
    text.trim() === '' ? 'expected a number, found an empty cell' : `expected a number, found ${quote(text)}`,
  notANumberWithComma: (text: string) =>
    `expected a number written with a decimal comma, as this file writes them ("4,5" or "1.234,5"), found ${quote(text)}`,
  roundedNumber: (text: string) =>
    `${quote(text)} is a number as a spreadsheet shows it, rounded to at most six significant digits, and the rest of it is not in the file: use the file as downloaded, or set the column's format to a number without exponent before saving it as CSV`,
  shownScaled: (text: string, format: string, scale: number) =>
    `the workbook stores ${quote(text)} in this cell but shows it ${scale < 1 ? `divided by ${formatNumber(1 / scale)}` : `multiplied by ${formatNumber(scale)}, as a percentage`} (its number format is ${quote(format)}), and which of the two the table's unit means cannot be told: take the ${scale < 1 ? 'trailing commas' : 'percent sign'} out of the cell's number format, check the unit the table states, and save the workbook again`,
  shownAsDate: (text: string, format: string) =>
    `the workbook stores the number ${quote(text)} in this cell but shows it as a date or a time (its number format is ${quote(format)}), and which of the two is meant cannot be told (a year typed as a date is stored as a count of days since 1900): set the cell's number format to General or Text, type the value as it should be read, and save the workbook again`,
  ambiguousNumber: (text: string, point: number, comma: number) =>
    `the number ${quote(text)} reads two ways: ${point} with a decimal point, ${comma} with a decimal comma, and the rest of the file does not settle which: write it without a thousands separator`,
  controlCharacter: (code: number) =>
    `the text holds the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}: expected printable text (delete it in the program that made the file)`,
  asideNote: () => 'a note or footer below the table ("Source: …", "DOC-NIC"), not a row of it',
  negativeValue: (text: string) => `expected a trade value of zero or more, found ${quote(text)}`,
  valueTooLarge: (text: string, unit: string) =>
    `the value ${quote(text)} in ${unit} is above USD 1,000 trillion, more than any trade flow (world trade is about USD 30 trillion a year): check the value and its unit`,
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
  misspeltPriority: (id: string, meant: string) =>
    `source ${quote(id)} is in no input, and ${quote(meant)} is: as written it ranks nothing, and another source's figure could win where ${quote(meant)} was meant; correct sourcePriority`,
  duplicateSource: (id: string) => `source id ${quote(id)} is defined twice: ids must be unique`,
  noInputs: (skipped: { file: string; reason: string }[]) =>
    `no CSV files found: expected trade data in a supported format${
      skipped.length === 0
        ? ''
        : `; skipped ${skipped
            .slice(0, 8)
            .map((s) => `${quote(s.file)} (${s.reason})`)
            .join(', ')}${skipped.length > 8 ? ` and ${skipped.length - 8} more` : ''}`
    }`,
  skippedNotData: () => 'not a data file',
  skippedPutAside: () => 'put aside: its name starts with "_"',
  skippedFolder: () => 'a folder, though named like a data file',
  skippedNotFile: () => 'a pipe or device, not a file: never opened',
  skippedInput: (file: string, reason: string) => `skipped ${quote(file)}: ${reason}`,
  unknownHeaderOutside: (formats: string) =>
    `the first line, in a file linked from outside the inputs folder, matches no supported format: expected one of ${formats}`,
  noTradeForPair: (reporter: string, partner: string, aside?: { rows: number; most: string }) =>
    `no trade rows between ${reporter} and ${partner} in any input${[reporter, partner].includes('TWN') ? ' (Taiwan is also looked for as UN Comtrade\'s and BACI\'s "Other Asia, nes", code 490 or S19)' : ''}${aside ? ` (${aside.rows} rows of the inputs were set aside, most as ${quote(aside.most, 80)}; tradebrief validate lists them)` : ''}: add a downloaded trade file (tradebrief init writes a README listing them) or check --reporter/--partner`,
  onlyPartnerReports: (reporter: string, partner: string) =>
    `the inputs hold the trade between ${reporter} and ${partner} only as ${partner} reports it, and the briefing is written from the reporter's side with its own figures (a partner's mirror figures differ by freight, insurance, timing and valuation): run with --reporter ${partner} --partner ${reporter}, or add ${reporter}'s own reports of this trade`,
  missingInputsDir: () => 'the inputs folder does not exist',
  moreProblems: (count: number) => `and ${count} more problem${count > 1 ? 's' : ''} like these`,
  spreadsheetFile: () =>
    'an OpenDocument spreadsheet cannot be read: open it and save the sheet as .xlsx or "CSV UTF-8" in the inputs folder',
  oldExcelFile: () =>
    'an Excel 97-2003 workbook (binary .xls) cannot be read: open it and save it as .xlsx or "CSV UTF-8"',
  archiveFile: () => 'this kind of archive cannot be read: extract its files into the inputs folder',
  noTableInPage: () => 'the page holds no table: expected the downloaded table of figures',
  serviceError: (detail: string) =>
    `not data but the message a download service sent instead (${quote(detail)}): the download failed; download it again (for UN Comtrade, ask for fewer years, reporters or products at a time, or check the key)`,
  tradeMapByMarket: (title: string) =>
    `a Trade Map table by market (${quote(title)}), one row per country for one product: download the table by product instead ("List of products exported by India to Russian Federation", or imported by), as .txt or .xls`,
  damagedWorkbook: () =>
    'the workbook is damaged or incomplete (was the download cut short?): download it again, or save it as "CSV UTF-8"',
  damagedArchive: () =>
    'the archive is damaged or incomplete (was the download cut short?): download it again',
  encryptedMember: () =>
    'the archive member is encrypted: extract it with its password into the inputs folder',
  zipMethod: (method: number) =>
    `the archive member is compressed with method ${method}, not deflate: extract it into the inputs folder`,
  zipRatio: (ratio: number) =>
    `the archive member expands to ${ratio} times its compressed size, more than any table does: refused as a decompression bomb`,
  zipTooLarge: (limit: number) =>
    `the archive member expands to more than ${formatNumber(limit / 2 ** 20)} MiB: extract the files the briefing needs`,
  nestedArchive: () => 'an archive inside an archive: extract the inner archive into the inputs folder',
  emptyArchive: (skipped: string[]) =>
    `the archive holds no table files (.csv, .tsv, .xls, .xlsx, .html): ${skipped.length === 0 ? 'it is empty' : `found only ${skipped.slice(0, 5).map(quote).join(', ')}${skipped.length > 5 ? ` and ${skipped.length - 5} more` : ''}`}`,
  unsavedFormulas: (cells: string[]) =>
    `cell${cells.length > 1 ? 's' : ''} ${cells.slice(0, 5).join(', ')}${cells.length > 5 ? ' …' : ''} hold${cells.length > 1 ? '' : 's'} a formula whose value was never saved: open the workbook in a spreadsheet and save it`,
  missingOneOf: (columns: string[]) =>
    `lacks a column: expected one of ${columns.map((c) => `"${c}"`).join(', ')}`,
  areaCodesDisagree: (code: string, codeIso3: string, isoColumn: string, iso: string) =>
    `the numeric code ${quote(code)} is ${codeIso3}, but ${isoColumn} says ${quote(iso)}: which country the row is about cannot be told`,
  unknownCurrency: (text: string) => `unknown currency ${quote(text)}: expected INR`,
  badRate: (text: string) =>
    `expected an exchange rate above zero (currency units per US dollar), found ${quote(text)}`,
  implausibleRate: (text: string, min: number, max: number) =>
    `${quote(text)} rupees per US dollar is outside ${min}–${max}, where the rupee has always been (4.76 from 1949 to 1966, past 80 since 2022): check the direction (rupees per dollar, not dollars per rupee) and the scale (rupees, not paise)`,
  duplicateRate: (line: number, value: string, file?: string) =>
    `same period and currency as ${file ? `${file} ` : ''}line ${line}, but a different rate (${value} there): keep one`,
  duplicateCountryCode: (code: string, iso3: string, line: number, file?: string) =>
    `country code ${code} stands for ${iso3} in ${file ? `${file} ` : ''}line ${line}, and for another country here: keep one`,
  badBaciCountry: (text: string) =>
    `malformed country code ${quote(text)}: expected BACI's numeric code, such as 699`,
  badHs6: (text: string) =>
    `malformed product code ${quote(text)}: expected an HS code of 6 digits (or 5 without its leading zero)`,
  negativeQuantity: (text: string) => `expected a quantity of zero or more, found ${quote(text)}`,
  badBaciQuantity: (text: string) =>
    `malformed quantity ${quote(text)}: expected metric tons as a number of zero or more, or NA where there is none`,
  duplicateBaciRow: (line: number, value: string) =>
    `same year, exporter, importer and product as line ${line}, but a different value (${value} there): keep one`,
  ungroupedBaciPair: (year: number, exporter: number, importer: number, endedAt: number) =>
    `rows of exporter ${exporter} and importer ${importer} for ${year} start again here, after other pairs (their first rows end at line ${endedAt}): repeated rows can only be found when each pair's rows are together, as in CEPII's files; sort the file by t, i, j, k`,
  missingTableFacts: (format: string, missing: string[], example: string) =>
    `cannot tell the ${missing.length > 1 ? `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}` : missing[0]} of this ${format} table: keep the title lines of the download above the header, or say it in the file name, e.g. "${example}"`,
  tableFactsDisagree: (fact: string, said: string[]) =>
    `cannot tell the ${fact} of this table: ${said.join(', ')}; keep the title lines of the download and name the file to match them`,
  unreadableUnitLine: (line: string) =>
    `the title line ${quote(line, 60)} states a unit that cannot be read: expected US dollars or rupees with a scale, as Trade Map writes them ("Unit : US Dollar thousand"); values in other currencies or in quantities are not read`,
  noYearColumns: (example: string) => `no year columns found: expected columns such as ${example}`,
  expectedHsCodeOrTotal: (label: string) =>
    `expected an HS code, or a "Total" row, found ${label === '' ? 'an empty row label' : quote(label)}`,
  notHsClassification: (name: string, code: string) =>
    `the file is in ${name} (classification ${quote(code)}), not the Harmonized System, and its codes would be misread as HS codes: download the same data in HS instead (in UN Comtrade, classification "HS" or H0 to H6)`,
  unknownClassification: (text: string) =>
    `unknown product classification ${quote(text)}: expected the Harmonized System, such as "H5" (UN Comtrade) or "HS17" (CEPII BACI)`,
  asideNotCountry: (side: 'reporter' | 'partner') =>
    `${side} is a group of areas, not a country ("Areas, nes", "EU"): counted in its World totals only`,
  asideNotGoods: (code: string) => `not trade in goods (typeCode ${code})`,
  asideNotAnnual: (code: string) => `not an annual figure (freqCode ${code}): only annual figures are used`,
  asideNotAnnualMonth: (month: string) =>
    `not an annual figure (refMonth ${quote(month)}, a month): only annual figures are used`,
  asideFlowBreakdown: (code: string) =>
    `flow ${code} is part of exports or imports: the X and M rows are used`,
  asideSecondPartner: (column: string) =>
    `broken down by second partner (${column} not 0): the total row is used`,
  asideTransport: (column: string) =>
    `broken down by mode of transport (${column} not 0): the total row is used`,
  asideSupply: () => 'broken down by mode of supply (mosCode not 0): the total row is used',
  asideCustoms: (column: string) =>
    `broken down by customs procedure (${column} not C00): the total row is used`,
  asideNotAnnualPeriod: (period: string) =>
    `not an annual figure (period ${quote(period)}): only annual figures are used`,
  asideRepeat: () => 'repeats an earlier row with the same key and value: counted once',
  asideRepeatedFile: (file: string) => `repeats ${file} row for row: counted once`,
  asideBaciArea: (code: string) =>
    `exporter ${code} is not a country with an ISO code, and the importer is not in the briefing`,
  asideCodeNotCountry: () =>
    'not a country with an ISO code (a group of areas): its trade counts in World totals only',
  asideProductNames: () => 'HS6 product names: the briefing names HS chapters from the HS chapters table',
  asidePartialPeriod: (column: string) =>
    `column ${quote(column)} covers part of a year: only whole years are used`,
  asideShareRow: () => 'a row of percentage shares, not of trade values',
  asideOtherPair: () =>
    'not used by this briefing, which reads the pair’s own flows (with each other and the world) and every country’s exports to the world',
};

const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;

export const configMessages = {
  unreadable: () => 'cannot read the config file',
  unknownKey: (key: string, suggestion: string | undefined) =>
    `unknown key "${key}"${didYouMean(suggestion)}`,
  invalid: (detail: string) => detail,
  sameCountry: () => 'reporter and partner must differ',
  logoMissing: (path: string) =>
    `the logo "${path}" does not exist: give a PNG or JPEG path relative to the config file`,
  logoNotAFile: (path: string, what: string) =>
    `the logo "${path}" is ${what}: give a PNG or JPEG file, relative to the config file`,
  logoUnreadable: (path: string) => `the logo "${path}" cannot be read: check its permissions`,
  logoNotImage: (path: string) =>
    `the logo "${path}" is not a PNG or JPEG image (its first bytes are not an image signature)`,
  logoTooLarge: (path: string, bytes: number, limit: number) =>
    `the logo "${path}" has ${megabytes(bytes)}, more than the ${megabytes(limit)} a logo may have: save it at about 600 pixels wide (the cover prints it 120 pt wide) and point organisation.logo at that file`,
  logoTooManyPixels: (path: string, width: number, height: number, side: number, megapixels: number) =>
    `the logo "${path}" is ${width} × ${height} pixels, more than ${side} a side or ${megapixels} million in all: save it at about 600 pixels wide (the cover prints it 120 pt wide) and point organisation.logo at that file`,
  logoUndrawable: (path: string) =>
    `the logo "${path}" has an image signature but its pixels cannot be read (a damaged or cut-short file): save it again as PNG or JPEG`,
  notAFile: (what: string) => `the config is ${what}: expected a JSON file`,
  tooLarge: (bytes: number) => `the config has ${megabytes(bytes)}: a config is a small JSON file`,
  notUtf8: () => 'the config is not UTF-8 text: save it as UTF-8 (with or without a byte-order mark)',
  jsonMistake: (expected: string, found: string) => `not valid JSON: expected ${expected}, found ${found}`,
  badCharacter: (code: string) =>
    `contains the character ${code}, which cannot be printed or written to the PDF's metadata: remove it (text in the config is one line, without control characters)`,
  reservedKey: (key: string) => `"${key}" is not a setting and is refused as a key`,
  unknownCountry: (code: string) =>
    `unknown country code "${code}": expected an ISO 3166 alpha-3 code such as IND`,
  unknownSector: (id: string, suggestion: string | undefined) =>
    `unknown sector "${id}"${didYouMean(suggestion)}: scenarios name sectors defined under "sectors"`,
  chapterInTwoSectors: (chapter: string, a: string, b: string) =>
    `chapter ${chapter} is in both sectors "${a}" and "${b}": a chapter belongs to one sector at most`,
  duplicateSector: (id: string) =>
    `the sector id "${id}" is used twice: each sector needs its own id (its indicators are named by it)`,
  duplicateList: (id: string) =>
    `the e-mail list id "${id}" is used twice: each list needs its own id (deliveries are recorded by it)`,
};

export const normaliseMessages = {
  missingRate: (currency: string, period: string) =>
    `no ${currency} per USD exchange rate for ${period}: add it to a rates CSV (period,currency,per_usd,source)`,
  undecidedConflict: (what: string, here: string, there: string, thereRef: string, sources: string[]) =>
    `${what}: ${here} here but ${there} in ${thereRef}, from another source, and "sourcePriority" in the config names neither: list the source to use first (${sources.map((s) => `"${s}"`).join(' or ')}), or remove the other file`,
  convertedTooLarge: (value: string, period: string, perUsd: number) =>
    `${value} at ${perUsd} per USD (the ${period} rate) is above USD 1,000 trillion, more than any trade flow: check the value, its unit and the rate`,
};

export const dataNotes = {
  largeJump: (what: string, value: string, ratio: number, how: string, other: string) =>
    `${what}: ${value} is ${ratio.toLocaleString('en-US')} ${how} ${other}, as the inputs give them: a large order, or a unit written wrong in one of them; check both before quoting either.`,
  hsRevisions: (names: string[]) =>
    `The inputs mix HS revisions: ${names.join('; ')}. Chapters change little between them; headings and six-digit lines more.`,
  provisional: (periods: string[], sources: string) =>
    `${periods.join(', ')} figures are provisional (${sources}) and may be revised.`,
  otherLine: (period: string, flow: string, count: number, covered: string, rest: string) =>
    `${period} ${flow}s by HS chapter are given for ${count} chapter${count === 1 ? '' : 's'}, ${covered} of the total; the remaining ${rest} is shown as "Other chapters".`,
  totalsFromChapters: () =>
    'Where a file gives trade by HS chapter without a total, the total is the sum of its chapters.',
  roundingDifferences: (count: number) =>
    `${count} figure${count > 1 ? 's differ' : ' differs'} between sources by less than 0.1 % (rounding); the preferred source is used.`,
  chaptersExceedTotal: (period: string, flow: string, excess: string) =>
    `${period} ${flow}s by chapter add up to ${excess} more than the total; the total is used.`,
  sourceConflict: (what: string, chosen: string, others: string) => `${what}: ${chosen} is used; ${others}.`,
  taiwanAsOtherAsia: () =>
    'UN Comtrade and CEPII BACI list Taiwan\'s trade under "Other Asia, not elsewhere specified" (code 490, S19); it is read as Taiwan (TWN), in the world totals and as a partner.',
  unsourcedFile: (file: string) =>
    `${file} has no entry in the sources table (its "files" column): its rows are cited by file name only.`,
};

export const progressMessages = {
  bar: (label: string, bar: string, share: number, done: number, total: number, rate: number, eta: number) =>
    `${label} [${bar}] ${Math.round(share * 100)} % ${megabytes(done)} of ${megabytes(total)}, ${megabytes(rate)}/s, ${Math.ceil(eta)} s left`,
  reading: (file: string) => `reading ${file}`,
};

/** How to clear a lock when no run holds it: every exit-75 message ends with it. */
const clearLockByHand = (dir: string, lockFile: string, lease: number): string =>
  `A lock whose holder stops renewing it is taken over after ${lease} s; if no run is working on ${dir}, you can clear it at once with: rm ${shellWord(lockFile)}`;
/** A path as a shell command takes it, to paste as it is. */
const shellWord = (text: string): string =>
  /^[\w./-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;

export const runMessages = {
  titleNamesOther: (names: string[], reporter: string, partner: string) =>
    `the config's title or subtitle names ${names.join(', ')}, and this briefing is on ${reporter}–${partner}: check it was not copied from another pair's config`,
  garbledStageFile: () =>
    'not the JSON a stage of tradebrief writes (changed or cut short since): run the stage before it again, or "tradebrief run", which writes it anew',
  damagedEditionList: () =>
    'not the list of archived editions tradebrief writes (changed or cut short since): restore it from a backup; removed, the history of editions starts again (the edition folders stay)',
  leaseThreadStopped: (code: number) =>
    `the thread renewing the lock's lease stopped (exit code ${code}); the lease was renewed from the main thread since`,
  locked: (
    dir: string,
    lockFile: string,
    pid: number | undefined,
    host: string | undefined,
    age: number,
    lease: number,
  ) =>
    `another run (process ${pid ?? '?'} on ${host === undefined ? '?' : quote(host)}, lease renewed ${Math.round(age)} s ago) holds the lock on ${dir}: wait for it to finish, or pass --wait SECONDS. ${clearLockByHand(dir, lockFile, lease)}`,
  currentIgnored: (problem: { kind: 'outside'; target: string } | { kind: 'not-a-link' }) =>
    problem.kind === 'outside'
      ? `.current points outside the output folder's builds (to ${quote(problem.target)}): it is not followed, and this run builds afresh and replaces it`
      : '.current is not a link (was the output folder copied with cp -rL?): this run builds afresh and replaces the copied outputs; other files are left as they are',
  lockNotAFile: (shown: string, lockFile: string) =>
    `${shown} is not a lock file that a run wrote (it is a folder or a link), so no run can take the lock: remove it by hand (rm -r ${shellWord(lockFile)})`,
  staleLock: (pid: number | undefined, host: string | undefined, reason: 'gone' | 'expired' | 'malformed') =>
    reason === 'malformed'
      ? 'took over a lock that names no valid process'
      : `took over the lock of run ${pid} on ${quote(host ?? '?')}, ${reason === 'gone' ? 'which no longer exists' : 'whose lease was not renewed'}`,
  upToDate: (dir: string) => `up to date: nothing changed since the last run, ${dir} is as it was`,
  cacheSetAside: (count: number) =>
    `${count === 1 ? 'an extract' : `${count} extracts`} in the cache did not match ${count === 1 ? 'its' : 'their'} recorded hash (edited or damaged): set aside, and the file read again`,
  stageSkipped: (stage: string) => `${stage}: unchanged, skipped`,
  archived: (path: string) => `edition archived in ${path}`,
  archiveFailed: (detail: string) => `the briefing is built, but archiving the edition failed: ${detail}`,
  stageDone: (stage: string, files: number) => `${stage}: wrote ${files} file${files === 1 ? '' : 's'}`,
  wrote: (path: string) => `wrote ${path}`,
  unprintable: (where: string, characters: string[]) =>
    `${where} has characters no embedded font can print, shown as empty boxes: ${characters
      .map((c) => `${c} (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`)
      .join(', ')}`,
  inConfigKey: (file: string, key: string) => `${file}, key ${key},`,
  inBriefingText: (text: string) => `the text "${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`,
  rowsRead: (files: number, rows: number, rejected: number) =>
    `read ${rows} rows from ${files} files; ${rejected} set aside (see the coverage report)`,
};

const flowWith = (flow: string, partner: string): string =>
  flow === 'export' ? `exports to ${partner}` : `imports from ${partner}`;
/** The same for Comtrade's flow codes (X, M). */
const codedFlowWith = (code: string, partner: string): string =>
  flowWith(code === 'X' ? 'export' : 'import', partner);

/** Labels, notes and "needs" of the indicators: what the briefing prints next to each value or gap. */
export const indicatorNotes = {
  atLeast: () => 'at least: some of its chapters are not itemised',
  demandInRange: (top: boolean) => `demand at the ${top ? 'top' : 'middle'} of the published range`,

  hhiLabel: (flow: string, partner: string) =>
    `Concentration of ${flowWith(flow, partner)} by HS chapter (HHI)`,
  hhiNormalisedLabel: (flow: string, partner: string) =>
    `Concentration of ${flowWith(flow, partner)} by HS chapter (normalised HHI)`,
  hhiRange: (rest: string, free: number, capped: boolean) =>
    `${rest} of the flow is not itemised by chapter: the low end spreads it evenly over the ${free} chapters not itemised, the high end ${capped ? 'packs it into as few of them as it can, none larger than the smallest chapter itemised (the source lists the largest)' : 'puts it in one'}`,
  hhiProducts: (products: number) => `N = ${products} HS chapters`,

  worldIsReporters: (period: string, reporters: number, total: string, countries: string[]) =>
    `Revealed comparative advantage and world market shares of ${countries.join(' and ')} for ${period} compare with "the world" of the ${reporters} reporters whose ${period} exports to the world by HS chapter are in the inputs (${total} of exports), not with every exporter.`,
  worldIsReportersYears: (from: string, to: string, reporters: string, totals: string, countries: string[]) =>
    `Revealed comparative advantage and world market shares of ${countries.join(' and ')} for ${from} to ${to} compare with "the world" of the ${reporters} reporters whose exports to the world by HS chapter are in the inputs each year (${totals} of exports a year), not with every exporter.`,
  nonProductsLeftOut: (shares: string[]) =>
    `Chapters that are not products (HS 77, 98, 99) are left out of every country's total and the world's: ${shares.join(' and ')} exports.`,
  worldNote: (reporters: number, complete: boolean) =>
    `world = the ${reporters} reporters in the inputs${complete ? '' : ', some not itemising all their exports by chapter'}`,
  worldShareLabel: (country: string, reporters: number) =>
    `${country}'s share of the exports of the ${reporters} reporters in the inputs`,
  worldShareAllLabel: (country: string, reporters: number) =>
    `${country}'s share of the exports of the ${reporters} reporters in the inputs, all commodities (HS 77, 98, 99 counted)`,
  sectorWorldShareLabel: (country: string, sector: string, reporters: number) =>
    `${country}'s share of the exports of the ${reporters} reporters in the inputs: ${sector.toLowerCase()}`,
  chapterWorldShareLabel: (country: string, chapter: string, reporters: number) =>
    `${country}'s share of the exports of the ${reporters} reporters in the inputs: HS ${chapter}`,
  worldExportsLabel: (reporters: number) =>
    `Exports of the ${reporters} reporters in the inputs (the "world" of RCA and world shares)`,
  rcaLabel: (country: string) => `${country}'s revealed comparative advantage by HS chapter`,
  rcaChapterLabel: (country: string, chapter: string) =>
    `${country}: revealed comparative advantage in HS ${chapter}`,
  sectorRcaLabel: (country: string, sector: string) =>
    `${country}: revealed comparative advantage in ${sector.toLowerCase()}`,

  marketShareLabel: (exporter: string, importer: string) => `${exporter}'s share of ${importer}'s imports`,
  marketShareMirror: (exporter: string, importer: string) =>
    `${importer} does not report its imports from ${exporter} for this year: ${exporter}'s exports (f.o.b.) are set against ${importer}'s imports (c.i.f.)`,
  intensityLabel: (exporter: string, importer: string) =>
    `Trade intensity of ${exporter}'s exports to ${importer}`,
  marketShareAllCommodities: () =>
    'all commodities: the reports are not itemised in full by chapter, so non-product trade (HS 77, 98, 99) cannot be told apart and stays in both totals',
  intensityLowerBound: () =>
    'at least: the importer’s imports come from the whole world, world exports only from the reporters in the inputs',
  intensityAllCommodities: () =>
    'the world share is of all commodities too (non-product chapters counted), to match the market share',
  complementarityLabel: (exporter: string, importer: string) =>
    `Complementarity of ${exporter}'s exports with ${importer}'s imports`,

  grubelLloydChapterLabel: (chapter: string) => `Intra-industry trade in HS ${chapter} (Grubel–Lloyd)`,
  grubelLloydAggregateLabel: () => 'Intra-industry trade, all chapters (Grubel–Lloyd)',
  grubelLloydChapterRange: (hidden: string) =>
    `a range: the chapter's ${hidden} are not itemised, so from none (0) to the most the source allows (none above its smallest chapter listed)`,
  grubelLloydRange: (known: number, covered: string) =>
    `only ${known} chapter${known === 1 ? ' is' : 's are'} itemised on both sides (${covered} of the pair's trade): the low end counts them alone, the high end adds the most the chapters not itemised could match, none larger than the smallest chapter each side itemises (the source lists the largest)`,

  mirrorLabel: (flow: string, reporter: string, partner: string) =>
    flow === 'export'
      ? `${reporter}'s exports to ${partner} against ${partner}'s imports from ${reporter}`
      : `${reporter}'s imports from ${partner} against ${partner}'s exports to ${reporter}`,

  matrixPotentialLabel: (reporter: string, partner: string) =>
    `${reporter}'s export potential in ${partner} by HS chapter, from ${partner}'s imports from the world`,
  matrixDemandLabel: (partner: string, what: string) => `${partner}'s imports from the world: ${what}`,
  matrixExportsLabel: (reporter: string, partner: string, what: string) =>
    `${reporter}'s exports to ${partner}: ${what}`,
  matrixNote: (world: string) => `demand = the partner's imports from the world, from the data; ${world}`,
  noExportsNoShare: () => 'none exported in the chapter, so none of the importer’s imports',
  headingPotentialLabel: (reporter: string, partner: string) =>
    `${reporter}'s export potential in ${partner} by HS4 heading, from ${partner}'s imports from the world`,
  headingUntappedTotalLabel: (reporter: string, partner: string) =>
    `${reporter}'s untapped export potential in ${partner}, summed over the HS4 headings with some left`,
  headingWorldShareLabel: (country: string, heading: string, exporters: number) =>
    `${country}'s share of the exports of the ${exporters} exporters in the inputs: HS ${heading}`,
  headingNote: (exporters: number) =>
    `by HS4 heading; demand = the partner's imports from the world, from the data; world = the ${exporters} exporters in the inputs, not every exporter`,
  headingNotListed: () =>
    'not listed among the exports, which leave nothing of its chapter unitemised: none exported',
  shareGapLabel: (what: string) => `Market-share gap (world share − share of the partner's imports): ${what}`,
  potentialLabel: (sector: string) => `Export potential: ${sector}`,
  potentialDemandLabel: (sector: string) => `Export potential, demand part: ${sector}`,
  potentialSupplyLabel: (sector: string) => `Export potential, supply part: ${sector}`,
  untappedLabel: (sector: string) => `Untapped export potential: ${sector}`,
  potentialPeriods: (demand: string, shares: string, exports: string | undefined) =>
    `demand ${demand}, world shares ${shares}${exports ? `, exports ${exports}` : ''}`,
  potentialWorldCaveat: () =>
    'world shares are of the reporters in the inputs: if they miss part of world exports, the potential is overstated',
  untappedAtMost: () => 'at most: the exports are a lower bound',
  aboveCapacity: () => 'exports already exceed the potential',
  potentialPeriodsNote: (periods: string) =>
    `Export potential combines figures of different periods (${periods}): the partner's demand, the reporter's world shares and its exports are not measured over the same year.`,

  demandScopeLabel: (sector: string) =>
    `Published demand against the reporter's exports and world share: ${sector}`,
  demandNarrow: (multiple: number) =>
    `the reporter already holds ${multiple} times or more its world share of this demand: the published figure looks narrower than the sector's HS chapters`,
  scenarioDemandNarrow: () =>
    'the published demand figure looks narrower than the sector: the scenario adds less than the sector could take',
  scenarioExportsLabel: (scenario: string) => `${scenario}: exports`,
  scenarioBalanceLabel: (scenario: string) => `${scenario}: trade balance`,
  scenarioCoverageLabel: (scenario: string) => `${scenario}: coverage ratio`,
  scenarioAddedLabel: (sector: string) => `Exports added: ${sector}`,
  scenarioSectorNote: (share: string, demand: string, period: string) =>
    `exports in the sector rise to ${share} of the partner's import demand (demand ${demand}, exports ${period}); nothing is added where they are already there`,
  addedAtMost: () => 'at most: the sector’s exports are a lower bound',
  scenarioNote: (demand: string, period: string) =>
    `${period} exports and imports; demand ${demand}; imports, other sectors and demand unchanged`,
  scenarioAtMost: () => 'at most: some sectors’ exports are lower bounds',

  partialSector: (chapters: string, count: number) =>
    `at least: chapter${count > 1 ? 's' : ''} ${chapters} not itemised in the source`,
  sectorNotItemised: (chapters: string, count: number) =>
    `at least: ${count > 1 ? `none of its chapters (${chapters}) is` : `its chapter ${chapters} is not`} itemised in the source; the high end is the most ${count > 1 ? 'they' : 'it'} can hold`,
  gapNote: (periods: string, range: boolean, lowerBound: boolean) =>
    `${periods}${range ? `; demand at the ${lowerBound ? 'top' : 'middle'} of the published range` : ''}${lowerBound ? '; exports are a lower bound, so the gap is an upper bound' : ''}`,
  shareOfDemandNote: (periods: string, range: boolean, lowerBound: boolean) =>
    `${periods}${range ? `; demand at the ${lowerBound ? 'top' : 'middle'} of the published range` : ''}${lowerBound ? '; at least' : ''}`,
  gapPeriods: (demand: string, exports: string) => `demand ${demand}, exports ${exports}`,
  uncorroborated: (
    what: string,
    publisher: string,
    published: string,
    period: string,
    measured: string,
    measuredPeriod: string,
    corroborated: string,
  ) =>
    `${what}: ${publisher} gives ${published} (${period}), not corroborated: the trade data give ${measured} for ${measuredPeriod}${corroborated}. The briefing uses the trade data.`,
  corroboratedRange: (publishers: string[], range: string, periods: string[]) =>
    `; ${publishers.join(', ')} report${periods.length > 1 ? '' : 's'} ${range} for ${periods[0]}${periods.length > 1 ? ` to ${periods[periods.length - 1]}` : ''}`,
  basisKeptApart: (basis: string, count: number, other: string) =>
    `The ${basis}-year series is used; totals for ${count} ${other} year${count > 1 ? 's' : ''} are also in the inputs and kept apart (the two bases are not mixed in one series).`,
  needsPairFlow: (flow: string) => `needs ${flow === 'export' ? 'exports to' : 'imports from'} the partner`,
  needsPairChapters: (flow: string, partner: string) => `needs ${flowWith(flow, partner)} by HS chapter`,
  needsPairChaptersIn: (flow: string, partner: string, period: string) =>
    `needs ${flowWith(flow, partner)} by HS chapter for ${period}`,
  needsBothFlowsByChapter: (partner: string) =>
    `needs ${flowWith('export', partner)} and ${flowWith('import', partner)} by HS chapter for the same period`,
  needsWorldExportsByChapter: (country: string) => `needs ${country}'s exports to the world by HS chapter`,
  needsWorldExportsIn: (country: string, periods: string) =>
    `needs ${country}'s exports to the world by HS chapter for ${periods}`,
  needsOtherReporters: (country: string, periods: string) =>
    `needs other countries' exports to the world by HS chapter for ${periods}, to make up the world (the inputs hold only ${country}'s)`,
  needsOneYearForBoth: (countries: { name: string; periods: string[] }[]) =>
    `needs both countries' exports to the world by HS chapter for one year (${countries
      .map((c) => `${c.name}: ${c.periods.join(', ')}`)
      .join('; ')})`,
  needsPartnerDemand: (partner: string) => `needs ${partner}'s import demand by sector`,
  needsImportsFromWorld: (country: string) => `needs ${country}'s imports from the world`,
  needsWorldExportsByHeading: (country: string, period: string) =>
    `needs ${country}'s and other exporters' exports to the world by HS4 heading (or HS6) for ${period}`,
  needsImportsFromWorldByChapter: (country: string) =>
    `needs ${country}'s imports from the world by HS chapter`,
  needsSameYear: (exporter: string, importer: string) =>
    `needs ${exporter}'s exports to and ${importer}'s imports from the world, fully itemised by HS chapter, for the same year`,
  needsPartnerReport: (partner: string, reporter: string, flow: string) =>
    `needs ${partner}'s own report of its ${flow === 'import' ? `imports from ${reporter}` : `exports to ${reporter}`}`,
  needsSamePeriods: (partner: string, own: string, theirs: string) =>
    `needs both reports for the same periods (this side ${own}; ${partner} ${theirs})`,
  needsSectorDemand: (partner: string, sector: string) => `needs ${partner}'s import demand for ${sector}`,
  needsPairTotals: (period: string) => `needs total exports and imports for ${period}`,
  needsImportsAboveZero: () => 'needs imports above zero',
  needsNonZeroBase: (period: string) => `needs a value above zero in ${period} to grow from`,
};

/** What each refusal of the system means, and what to do about it. */
const SYSTEM_REFUSALS: Record<string, [string, string]> = {
  ENOSPC: ['the disk is full', 'free some space, or give --out a folder on another disk, and run again'],
  EDQUOT: [
    'the disk quota is used up',
    'free some space, or give --out a folder on another disk, and run again',
  ],
  EROFS: ['the file system is read-only', 'give --out a folder on a writable disk'],
  EACCES: ['permission denied', 'check the owner and permissions of that file or folder'],
  EPERM: [
    'operation not permitted',
    "check the folder's owner and permissions, or give --out another folder",
  ],
  EIO: ['the disk reported an input/output error', 'check the disk (dmesg), then run again'],
  EMFILE: ['too many files are open', 'raise the limit (ulimit -n) or close other programs, then run again'],
  ENFILE: ['too many files are open on this system', 'close other programs, then run again'],
};

/** The products section and its indicators: HS4 headings, HS6 lines, unit values, price and volume. */
export const productText = {
  needs: () => 'HS4 or HS6 trade of the pair, e.g. a CEPII BACI folder or a UN Comtrade HS6 download',
  notAvailable: () =>
    'Products (top HS4 headings, unit values, the price/volume split of each flow’s change): not available, as the inputs give the trade by HS chapter only; they need HS4 or HS6 trade of the pair, with quantities for unit values, e.g. a CEPII BACI folder or a UN Comtrade HS6 download.',
  headingLabel: (code: string, name: string) => `HS ${code} ${name}`,
  lineLabel: (code: string) => `HS ${code}`,
  shareLabel: (code: string, flow: string, partner: string) =>
    `HS ${code}: share of ${flowWith(flow, partner)}`,
  unitValueLabel: (code: string, unit: string) => `HS ${code}: unit value, USD per ${unit}`,
  unitValueCovers: (share: string, unit: string) =>
    `over the lines with a quantity in ${unit}, ${share} of the value`,
  mirror: (partner: string) => `as ${partner} reports it: the reporter's own report has no product detail`,
  volumeLabel: (flow: string, partner: string) => `Volume effect in the change of ${flowWith(flow, partner)}`,
  priceLabel: (flow: string, partner: string) => `Price effect in the change of ${flowWith(flow, partner)}`,
  changeLabel: (flow: string, partner: string) => `Change in value of ${flowWith(flow, partner)}`,
  chartTitle: (reporter: string, partner: string) => `Top products traded between ${reporter} and ${partner}`,
  chartSubtitle: (unit: string) => `${unit} and share of the flow, by HS4 heading`,
  panelTitle: (flow: string, reporter: string, partner: string, period: string) =>
    flow === 'export'
      ? `${reporter}'s exports to ${partner}, ${period}`
      : `${reporter}'s imports from ${partner}, ${period}`,
  chartFinding: (flow: string, partner: string, period: string, heading: string, share: string) =>
    `The largest of ${flowWith(flow, partner)} in ${period} is ${heading}${share ? `, ${share} of the flow` : ''}.`,
  sectionTitle: () => 'Products',
  noName: () => '(not a heading of HS 2022)',
  ledBy: (flow: string, partner: string, period: string, items: string[]) =>
    `In ${period}, ${flowWith(flow, partner)} were led by ${items.join(', ')}.`,
  ledByItem: (heading: string, amount: string, share: string) =>
    `${heading} (${amount}${share ? `, ${share}` : ''})`,
  split: (
    flow: string,
    partner: string,
    from: string,
    to: string,
    change: string,
    volume: string,
    price: string,
    coverage: string,
  ) =>
    `From ${from} to ${to}, ${flowWith(flow, partner)} changed by ${change}: a volume effect of ${volume} and a price effect of ${price} on the HS6 lines with a quantity in the same unit in both years (${coverage} of the two years' value); the rest of the change is on lines without.`,
  splitMeaning: () =>
    "The volume effect values the change in quantities at the two years' average prices, the price effect the change in prices at their average quantities; the two add up to those lines' change in value (Bennet decomposition, see the methodology).",
  noSplit: (flow: string, partner: string) =>
    `No price/volume split for ${flowWith(flow, partner)}: it needs quantities in two years.`,
  tableCaption: (
    flow: string,
    partner: string,
    period: string,
    shown: number,
    all: number,
    allText: string,
  ) =>
    `${flow === 'export' ? 'Exports to' : 'Imports from'} ${partner}, ${period}: ${shown < all ? `the largest ${shown} of ${allText} HS4 headings` : all === 1 ? 'its one HS4 heading' : `all ${allText} HS4 headings`}`,
  fullLists: () =>
    'Every heading, with its change, unit value and price and volume effects, is in tables/products.csv; unit values of every HS6 line with a quantity in tables/product_lines.csv.',
  coverageLabel: (flow: string, partner: string) =>
    `Share of ${flowWith(flow, partner)} covered by the price/volume split`,
};

/** Standing text of the methodology section. */
export const methodologyText = {
  setAside: () =>
    'Each flow is counted once: re-exports and re-imports (Comtrade RX, RM) and breakdown rows (by second partner, transport mode or customs procedure) enter no indicator. Non-product chapters (HS 77, 98, 99) are left out of every total comparing countries or products where the reports are itemised in full.',
};

export const cliMessages = {
  unknownCommand: (name: string, suggestion: string | undefined) =>
    `unknown command "${name}"${didYouMean(suggestion)}: run "tradebrief --help" for the commands`,
  unknownStage: (name: string, stages: string[]) =>
    `unknown stage "${name}": expected one of ${stages.join(', ')}`,
  unexpectedArguments: (words: string[]) =>
    `unexpected ${words.length === 1 ? 'argument' : 'arguments'} ${words.map((w) => `"${w}"`).join(', ')}: every input of this command is an option (such as --out DIR); run it with --help for them`,
  optionValueMissing: (option: string) =>
    `--${option} needs a value after it, written --${option}=VALUE where the value starts with a dash`,
  badOption: (detail: string, suggestion: string | undefined) =>
    `${detail}${didYouMean(suggestion)}: run the command with --help for its options`,
  badEpoch: (value: string, last: number) =>
    `expected a whole number of seconds since 1970, from 0 to ${last} (the end of the year 9999), in decimal digits only, found ${quote(value)}`,
  configMissing: () => 'the config file named by --config does not exist',
  siteHoldsOut: (site: string, out: string) =>
    `--site ${site} holds the output folder ${out}: publishing removes from the site's folder whatever is not part of the site, the outputs with it; give --site a folder outside ${out}, or the default ${out}/site`,
  siteInOutputs: (site: string, out: string, part: string) =>
    `--site ${site} is inside ${part}/ of the output folder ${out}, which tradebrief writes itself: give --site a folder of its own, such as the default ${out}/site`,
  samePair: (country: string) =>
    `${country} is both the reporter and a partner: a briefing is on trade between two countries; leave it out of the partners`,
  outInsideInputs: (inputs: string) =>
    `--out is inside the inputs folder ${inputs}: the next run would read the briefing's own tables as inputs; give --out a folder outside it, or one in it whose name starts with "_" (inputs are never read from those)`,
  notAFolder: (option: string, what: string) => `${option} must be a folder, and this ${what}`,
  pairKeysDropped: (keys: string[]) =>
    `the config is written for another pair: its ${keys.join(', ')} are left out of this briefing`,
  badJobs: (value: string) => `--jobs takes a whole number of worker threads, 1 or more, not "${value}"`,
  badShard: (value: string) =>
    `--shard takes K/N, the K-th of N slices of the partner list with 1 ≤ K ≤ N (such as 2/5), not "${value}"`,
  shardEmpty: (value: string, partners: number) =>
    `shard ${value} has no partner to build: the list has only ${partners}`,
  stageNeeds: (stage: string, file: string) =>
    `stage ${stage} reads ${file}, which is not there yet: run the stages before it first (or tradebrief run)`,
  badWait: (value: string) => `--wait takes a number of seconds, not "${value}"`,
  badLogFormat: (value: string) => `--log-format must be "human" or "json", not "${value}"`,
  noConfig: (path: string) =>
    `no config at ${path}: create one with "tradebrief init", pass --config FILE, or give --reporter and --partner`,
  internal: (message: string) =>
    `internal error: ${message}. This is a fault in tradebrief, not in your inputs; run again with --verbose and report the output`,
  systemRefused: (code: string, path: string | undefined, out: string | undefined) => {
    const [reason, advice] = SYSTEM_REFUSALS[code] ?? ['the system refused', 'check the disk and run again'];
    const where = path === undefined ? '' : ` (${path})`;
    const intact = out === undefined ? '' : ` The previous outputs in ${out} are intact.`;
    return `${reason}${where}: ${advice}.${intact} This is not a fault in your inputs or in tradebrief (${code})`;
  },
  problems: (count: number) => `${count} problem${count === 1 ? '' : 's'}; nothing was written`,
  validated: (files: number, rows: number) => `inputs are valid: ${files} files, ${rows} trade rows`,
  runDone: (out: string) => `briefing written to ${out}`,
  publishOnly: () => '--site and --dry-run go with --publish: add --publish, or run "tradebrief publish"',
  initNeedsCountry: (option: string, value: string) =>
    `${option} needs an ISO 3166 alpha-3 country code such as BRA${value ? `, not "${value}"` : ''}`,
  initNotEmpty: (files: number) =>
    `the folder already holds ${files} file${files === 1 ? '' : 's'}: choose another --dir, or pass --force to write over them`,
  initDone: (dir: string) =>
    `scaffolded ${dir}: read ${dir}/README.md for the files to download, then run "tradebrief run --inputs ${dir}"`,
  badPartners: (value: string, invalid: string[]) =>
    invalid.length
      ? `--partners has codes that are not ISO 3166 alpha-3: ${invalid.join(', ')}`
      : `--partners needs a comma-separated list of ISO3 codes, such as CHN,USA,ARE (got "${value}")`,
  batchPartnerDone: (reporter: string, partner: string, upToDate: boolean) =>
    `${reporter}-${partner}: ${upToDate ? 'up to date' : 'briefing built'}`,
  batchNotRun: () => 'not run: the worker threads stopped before reaching it',
  batchWorkerStopped: (code: number) => `the worker thread building it stopped (exit code ${code})`,
  batchWorkerFailed: (message: string) => `a worker thread failed before building any partner: ${message}`,
  batchRead: 'the read of the inputs for the batch',
  childStopped: (task: string, code: number | null, signal: string | null) =>
    `${task} stopped before it finished (${signal ? `signal ${signal}` : `exit code ${code}`})`,
  childEntryMissing: (file: string) =>
    `${file} is missing: the installation is incomplete; run "npm ci" (or "node scripts/bundle.js") again`,
  childKilled: (task: string, signal: string) =>
    `${task} was stopped from outside by ${signal}${
      signal === 'SIGKILL' ? ', which often means the system ran out of memory' : ''
    }; the previous outputs are intact`,
  batchPartnerFailed: (reporter: string, partner: string, code: number) =>
    `${reporter}-${partner}: failed (exit code ${code})`,
  batchDone: (done: number, failed: string[]) =>
    failed.length
      ? `${done} briefing${done === 1 ? '' : 's'} built or up to date; failed: ${failed.join(', ')}`
      : `${done} briefing${done === 1 ? '' : 's'} built or up to date`,
};

/** What `tradebrief fetch` says: which endpoint, each query, what changed, and why a call failed. */
const seconds = (s: number): string => `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
const yearList = (years: number[]): string =>
  years.length > 2 && years.at(-1) === (years[0] ?? 0) + years.length - 1
    ? `${years[0]}–${years.at(-1)}`
    : years.join(', ');

export const fetchMessages = {
  usingKey: () =>
    'using the subscription key in COMTRADE_API_KEY: the keyed endpoints (data/v1/get), several years a call',
  usingPreview: () =>
    'COMTRADE_API_KEY is not set: using the keyless preview (public/v1/preview), at most 500 rows and one year a call',
  queryShown: (reporter: string, years: string, partners: string[], flows: string[], commodities: string[]) =>
    `${reporter} ${years} with ${partners.join(', ')}, flows ${flows.join(', ')}, ${commodities.join(', ')}`,
  queried: (call: number, query: string, rows: number) => `[call ${call}] ${query}: ${rows} rows`,
  truncated: (query: string, rows: number, count: number, cap: number) =>
    `${query}: ${rows >= cap ? `${rows} rows reach the cap of ${cap} a call, so the answer` : `the answer holds ${rows} of the ${count} rows its count gives, so it`} may be cut short: asking again in two parts`,
  cannotSplit: (query: string, cap: number) =>
    `${query} still reaches the cap of ${cap} rows after splitting it as far as it goes: raise --max-records`,
  countDisagrees: (query: string, rows: number, count: number) =>
    `${query}: the answer holds ${rows} of the ${count} rows its count gives, for a query that cannot be split further`,
  datasetStatus: (reporter: string, year: number, status: string) =>
    `${reporter} ${year}: ${
      {
        new: 'new',
        revised: 'revised since the last fetch (new release stamp)',
        rescoped: 'asked for other partners than last time',
        altered: 'the file is missing or was edited since the last fetch',
      }[status] ?? status
    }; downloading`,
  notPublished: (reporter: string, years: number[], latest: number, uncovered: number[]) =>
    `${reporter} has not published ${yearList(years)} in Comtrade (its latest year is ${latest}): ${
      years.every((y) => y > latest) ? 'not released yet' : 'not reported'
    }; ${
      uncovered.length === 0
        ? "the other side's report covers the pair"
        : `no side has published ${yearList(uncovered)}, so the briefing has no figures for ${uncovered.length > 1 ? 'those years' : 'that year'}${uncovered.length < years.length ? ", and the other side's report covers the rest" : ''}`
    }`,
  noReleases: (reporter: string, code: number) =>
    `Comtrade lists no data at all for ${reporter} (area code ${code}): a code Comtrade does not use for it, or an empty answer under load (fetch again later to tell); its side is skipped`,
  releasesVanished: (reporter: string, code: number, files: number) =>
    `Comtrade lists no data at all for ${reporter} (area code ${code}), for which the last fetch wrote ${files} file${files === 1 ? '' : 's'}: most likely an empty answer under load`,
  nothingPublished: (reporters: string[]) =>
    `Comtrade lists no data for ${reporters.join(' or ')}: expected countries that report to UN Comtrade (check the ISO3 codes)`,
  nothingNew: (folder: string) =>
    `nothing new: every dataset in ${folder} matches Comtrade's latest release; no file was changed`,
  fetched: (files: number, folder: string, calls: number) =>
    `wrote ${files} file${files === 1 ? '' : 's'} into ${folder} (${calls} call${calls === 1 ? '' : 's'} to the API); run "tradebrief run" to build the new edition`,
  retrying: (reason: string, wait: number) => `${reason}: trying again in ${seconds(wait)}`,
  staleLock: (pid: number | undefined, host: string | undefined, reason: 'gone' | 'expired' | 'malformed') =>
    reason === 'malformed'
      ? 'took over a fetch lock that names no valid process'
      : `took over the lock of fetch ${pid} on ${quote(host ?? '?')}, ${reason === 'gone' ? 'which no longer exists' : 'whose lease was not renewed'}`,
  manifestUnreadable: () =>
    'the fetch manifest cannot be read: every dataset is fetched again and the manifest rewritten',
  comtradeSource: (folder: string) => [
    'un-comtrade-api',
    'UN Comtrade API, final annual goods trade by HS chapter and total (HS as reported), fetched by tradebrief fetch',
    'United Nations Statistics Division',
    'https://comtradeapi.un.org',
    `${folder}/*.csv`,
    `release stamps and queries in ${folder}/fetch-manifest.json`,
  ],
  noComtradeCode: (iso3: string) =>
    `"${iso3}" has no UN Comtrade area code: expected an ISO 3166 alpha-3 country code such as IND`,
  badYears: (text: string) =>
    `--years takes a year or a range of years from 1962, such as 2019 or 2015-2024, not ${quote(text)}`,
  badBaseUrl: (text: string) =>
    `--base-url takes an http or https address such as https://comtradeapi.un.org, not ${quote(text, 80)}`,
  needsPair: () =>
    'fetch needs a pair: --reporter and --partner (or --partners A,B,C), or a config in the inputs folder',
  badNumber: (option: string, value: string, what: string) => `${option} takes ${what}, not ${quote(value)}`,
  temporary: (detail: string) =>
    `${detail}. Nothing was written; the inputs are as they were: try again later (exit code 75)`,
  // Why a call failed; the API's own message, when it gives one, is quoted.
  callCap: (max: number) =>
    `the run reached its cap of ${max} calls to the API before finishing (--max-calls)`,
  gaveUp: (query: string, reason: string, tries: number) => `${query}: ${reason}, ${tries} tries`,
  waitTooLong: (query: string, reason: string, wait: number) =>
    `${query}: ${reason}, and the server asks to wait ${wait} s, longer than this run waits`,
  unreachable: (host: string, reason: string) => `cannot reach ${host} (${reason})`,
  timedOut: () => 'no whole answer within the time limit (--timeout)',
  networkCode: (code: string) => `network error ${code}`,
  networkOther: () => 'network error',
  htmlPage: (status: number) =>
    `the API answered with a web page (HTTP ${status}) instead of data: the service is probably down`,
  notJson: (status: number) => `the API's answer (HTTP ${status}) is not JSON`,
  notEnvelope: () => "the API's answer lacks the expected count and data fields",
  answerError: (text: string) => `the API reported an error: ${quote(text, 160)}`,
  availabilityRowWrong: (reporter: string) =>
    `the data-availability answer for ${reporter} holds rows for another reporter or without a period or release date`,
  emptyButPublished: (query: string) =>
    `${query}: no rows, although Comtrade lists the year as published (the API sometimes answers empty under load)`,
  strayRows: (query: string) => `${query}: the answer holds rows that were not asked for`,
  yearMissing: (query: string, year: number) =>
    `${query}: no rows for ${year}, although Comtrade lists the year as published (the API sometimes answers part of a query under load)`,
  totalMissing: (query: string, partner: string, flow: string, year: number) =>
    `${query}: the answer holds chapters of ${codedFlowWith(flow, partner)} in ${year} without their total, so it is incomplete`,
  breakdownWithoutTotal: (query: string, partner: string, flow: string, year: number) =>
    `${query}: the answer holds rows of ${codedFlowWith(flow, partner)} in ${year} broken down (by second partner, transport, customs procedure or month) without the annual total asked for, so it is incomplete`,
  flowWith: (flow: string, partner: string) => codedFlowWith(flow, partner),
  revisionLoses: (reporter: string, year: number, lost: string[], file: string) =>
    `${reporter} ${year}: Comtrade's new release lacks the total${lost.length > 1 ? 's' : ''} of ${lost.join(', ')} that the file it would replace holds, most likely part of an answer under load; the file is kept. If Comtrade has withdrawn these figures, delete ${file} and fetch again`,
  worldTotalMissing: (query: string, flow: string, year: number) =>
    `${query}: the answer holds no total of ${codedFlowWith(flow, 'the World')} in ${year}, which every published year has, so it is incomplete`,
  partMissing: (query: string, partner: string, year: number) =>
    `${query}: no rows for ${partner} in ${year}, although the answer cut short before this part held some`,
  notAValue: (query: string, value: string) =>
    `${query}: a row's primaryValue is ${value}, not a trade value of zero or more`,
  rateLimited: () => 'the API limits the rate of calls (HTTP 429)',
  serverError: (status: number, message: string) =>
    `the API failed (HTTP ${status}${message ? `: ${quote(message, 160)}` : ''})`,
  keyRefused: (status: number, message: string) =>
    status === 401 && /missing/i.test(message)
      ? `the API asks for a subscription key (HTTP 401): set COMTRADE_API_KEY, or leave it unset for the keyless preview`
      : `the API refused the subscription key (HTTP ${status}${message ? `: ${quote(message, 160)}` : ''}): check COMTRADE_API_KEY (a key of the comtrade-v1 product at comtradedeveloper.un.org)`,
  quotaSpent: (message: string) => {
    const when = /replenished in (\d+(?::\d+)*)/i.exec(message)?.[1];
    return `the quota of calls to the API is used up${when ? `; Comtrade replenishes it in ${when}` : ''} (HTTP 403)`;
  },
  noEndpoint: (query: string) =>
    `the API has no endpoint ${query.split('?')[0]} (HTTP 404): expected the address of the UN Comtrade API, such as https://comtradeapi.un.org`,
  redirected: (status: number, location: string | null) =>
    `the API redirects (HTTP ${status})${location ? ` to ${quote(location, 120)}` : ''}, and a redirect is not followed, as it would carry the key elsewhere: give the address it should be as --base-url`,
  emptyPart: (query: string) =>
    `${query}: no rows; Comtrade lists the year, so the pair may not have traded, or the reporter uses another code for the partner`,
  queryRefused: (status: number, message: string) =>
    `the API refused the query (HTTP ${status}${message ? `: ${quote(message, 160)}` : ''})`,
};

/** What `tradebrief publish` reports: the site, the archive it reads and each e-mail delivery. */
export const publishMessages = {
  notJson: () =>
    'not valid JSON: tradebrief wrote this file, so it was changed or cut short since; restore it from a backup or remove it',
  notEditionList: () => 'expected the list of archived editions that tradebrief run writes',
  notDeliveryRecord: () =>
    'expected the record of deliveries that tradebrief publish writes: it was changed since; restore it from a backup, or remove it, and every list is sent the latest edition of each pair again',
  editionMissing: (dir: string) =>
    `the archived edition ${dir} lacks its briefing.pdf or indicators.json: left out of the site and of the e-mails`,
  pairTwice: (pair: string, dir: string) =>
    `${pair} is archived twice: ${dir} is left out (publish one output folder per pair)`,
  notASite: (dir: string) =>
    `${dir} is not empty and is not a site tradebrief wrote: give --site an empty or new folder, as publishing replaces what it holds`,
  siteWritten: (dir: string, pairs: number, editions: number, changed: number) =>
    `archive site in ${dir}: ${pairs} pair${pairs === 1 ? '' : 's'}, ${editions} edition${editions === 1 ? '' : 's'}${changed === 0 ? ', unchanged' : `, ${changed} file${changed === 1 ? '' : 's'} written`}`,
  cannotWrite: (code: string) =>
    `cannot write here (${code}: ${
      {
        EACCES: 'permission denied',
        EPERM: 'not permitted',
        EROFS: 'read-only file system',
        ENOSPC: 'no space left on the disk',
        EDQUOT: 'disk quota used up',
      }[code] ?? 'a file stands where a folder should, or the other way round'
    }): a fault of the disk or its permissions, not of tradebrief; choose a folder you can write to, or free space`,
  nothingArchived: (dir: string) =>
    `no archived editions in ${dir}: build a briefing with "tradebrief run" first`,
  noLists: () => 'no e-mail lists in the config (publish.email): nothing to send',
  upToDate: () => 'e-mail: every list has the latest edition of each pair, nothing to send',
  superseded: (list: string, edition: string) =>
    `e-mail to ${list}: ${edition} was never delivered and is superseded by a newer edition, which is sent instead`,
  sent: (list: string, pair: string, vintage: string, accepted: number) =>
    `e-mail to ${list}: ${pair} ${vintage} sent to ${accepted} recipient${accepted === 1 ? '' : 's'}`,
  partlyRejected: (list: string, rejected: string[]) =>
    `e-mail to ${list}: the SMTP server refused ${rejected.length} recipient${rejected.length === 1 ? '' : 's'} (${rejected.join(', ')}); the others have it, and it is not sent again`,
  siteUnlocked: (dir: string, code: string) =>
    `${dir} cannot hold a lock (${code}: its file system has no hard links), so the site is written without one: do not publish two output folders into it at once`,
  stoppedBySignal: (signal: string) =>
    `stopped by ${signal} once the message in flight, if any, was through and recorded: the next publish sends the others`,
  pairsNotArchived: (list: string, pairs: string[]) =>
    `e-mail to ${list}: its pairs ${pairs.join(', ')} have no archived edition in this output folder, so nothing of them is sent; check the list's "pairs" or --out`,
  partlyDeferred: (list: string, deferred: string[]) =>
    `e-mail to ${list}: the SMTP server asked to try ${deferred.length} recipient${deferred.length === 1 ? '' : 's'} again later (${deferred.join(', ')}); the others have it, and the next publish sends it to ${deferred.length === 1 ? 'this one' : 'these'} alone`,
  drafted: (file: string) => `dry run: message written to ${file}, nothing sent`,
  tooLarge: (list: string, size: string, limit: string) =>
    `e-mail to ${list}: the PDF would take ${size} in the message, over the ${limit} limit (publish.email.attachmentLimitMB): a link is sent instead`,
  failed: (list: string, pair: string, vintage: string, why: string) =>
    `e-mail to ${list}: ${pair} ${vintage} not delivered: ${why}; it is tried again on the next run`,
  failedCount: (count: number) =>
    `${count} e-mail deliver${count === 1 ? 'y' : 'ies'} failed; they are tried again on the next run (exit code 69)`,
  noHost: () =>
    'SMTP_HOST is not set: name the mail server in the environment (and SMTP_PORT, SMTP_USER, SMTP_PASSWORD), or pass --dry-run',
  badPort: (value: string) => `expected a port number from 1 to 65535, found "${value}"`,
  badTls: (value: string) => `expected starttls, required, implicit or none, found "${value}"`,
  loginHalf: (missing: string) => `${missing} is not set: give both SMTP_USER and SMTP_PASSWORD, or neither`,
  why: {
    unreachable: (host: string, port: number, code: string) =>
      `could not reach the SMTP server ${host}:${port} (${code})`,
    connectionLost: (host: string, port: number, code: string) =>
      `the connection to the SMTP server ${host}:${port} failed, was closed or fell silent before the message was through (${code})`,
    tls: (host: string) =>
      `the TLS handshake with ${host} failed (a self-signed or expired certificate?): have the server's certificate fixed; only for a mail server on this machine, set SMTP_TLS=none`,
    requireTls: (host: string) => `${host} does not offer STARTTLS, and SMTP_TLS=required asks for it`,
    upgradeRefused: (host: string, answer: string) =>
      `${host} refused the STARTTLS upgrade (it answered ${answer}): the message was not sent in plain text; ask the server's administrator, or check SMTP_HOST and SMTP_PORT`,
    senderRefused: (answer: string) =>
      `the SMTP server refused the sender (it answered ${answer}): check publish.email.from, an address SMTP_USER may send as`,
    login: () => 'the SMTP server refused the login: check SMTP_USER and SMTP_PASSWORD',
    noLogin: () => 'the SMTP server asks for a login: set SMTP_USER and SMTP_PASSWORD',
    allRejected: () => 'the SMTP server refused every recipient',
    tooLarge: () =>
      'the SMTP server refused the message as too large: lower publish.email.attachmentLimitMB so a link is sent instead',
    answered: (code: string) => `the SMTP server answered ${code}`,
  },
};

/** The words of the e-mail that carries a new edition. */
export const emailText = {
  dataTo: (vintage: string, date: string) => `Data to ${vintage}, dated ${date}.`,
  figuresHeading: () => 'Headline figures',
  findingsHeading: () => 'Key findings',
  changesHeading: () => 'Changes since the last edition',
  revisionLine: (label: string, period: string, before: string, now: string, change: string) =>
    `  ${label}, ${period}: ${before} → ${now} (${change})`,
  moreRevisions: (count: number) =>
    `  … and ${count} more revised value${count === 1 ? '' : 's'} in changes.json.`,
  attached: (file: string, bytes: number) =>
    `The briefing is attached: ${file} (${(bytes / 1e6).toFixed(1)} MB).`,
  linked: (bytes: number, url: string) =>
    `The briefing (${(bytes / 1e6).toFixed(1)} MB) is too large to attach; read it at ${url}`,
  keptAt: (bytes: number, path: string) =>
    `The briefing (${(bytes / 1e6).toFixed(1)} MB) is too large to attach; it is kept in the archive as ${path}.`,
  archivePage: (url: string) => `Every edition, with what changed: ${url}`,
};

/** The archive site's words: headings, labels and links. */
export const siteText = {
  siteTitle: (organisation: string) => `${organisation}: trade briefings`,
  siteLede: (pairs: number) =>
    `Every edition of ${pairs === 1 ? 'the briefing' : `the ${pairs} briefings`}, the latest first, with what changed from one to the next.`,
  empty: () => 'No edition has been archived yet.',
  pairMeta: (pair: string, editions: number, vintage: string) =>
    `${pair} · ${editions} edition${editions === 1 ? '' : 's'} · latest data to ${vintage}`,
  pairLede: (pair: string, vintage: string, date: string) =>
    `${pair}: every edition of the briefing. Latest data to ${vintage}, dated ${date}.`,
  latestHeading: (vintage: string) => `Latest edition: data to ${vintage}`,
  latestFigures: (vintage: string) => `Headline figures, data to ${vintage}`,
  findingsHeading: () => 'Key findings',
  editionsHeading: (count: number) => `All editions (${count})`,
  editionHeading: (vintage: string) => `Data to ${vintage}`,
  editionMeta: (date: string, edition: string) =>
    `Dated ${date} (the end of its latest period) · edition ${edition}`,
  provisional: () => '* Provisional figures, subject to revision by the source.',
  whatChanged: () => 'What changed:',
  firstEdition: () => 'the first edition in the archive.',
  nothingChanged: () => 'no figure changed since the previous edition.',
  filesOf: (vintage: string) => `Files of the edition with data to ${vintage}`,
  pdfLink: (bytes: number) => `Briefing (PDF, ${(bytes / 1e6).toFixed(1)} MB)`,
  revisionsCaption: () => 'Largest revisions, by relative change',
  moreRevisions: (count: number) => `(and ${count} more in changes.json)`,
  feedTitle: (organisation: string) => `${organisation}: trade briefings (Atom feed)`,
  feedLink: () => 'Atom feed of new editions',
  skip: () => 'Skip to the editions',
  backToIndex: () => '← All briefings',
  footer: () =>
    'Built by tradebrief from its archive of editions; every figure is in the edition’s indicators.json with its source.',
  feedEntryTitle: (title: string, vintage: string, edition: string) =>
    `${title}: data to ${vintage} (edition ${edition})`,
};

const COMMON_OPTIONS = `Options:
  --inputs DIR        folder of input CSVs in any supported format (default: inputs)
  --out DIR           output folder (default: outputs)
  --config FILE       briefing config (default: DIR/tradebrief.config.json of --inputs)
  --reporter ISO3     reporting country, overrides the config (e.g. IND)
  --partner ISO3      partner country, overrides the config (e.g. RUS)
  --force             rebuild every stage even if its inputs did not change
  --wait SECONDS      wait up to SECONDS for another run on --out to finish (default 0: exit 75)
  --png               also draw each chart as a PNG (charts/*.png), for slides and e-mail
  --log-format FMT    human (default) or json: one JSON object per line on stderr
  -q, --quiet         only warnings and errors
  -v, --verbose       more detail, and stack traces on internal errors
  -h, --help          this help`;

const EXIT_CODES = `Exit codes:
  0   done (also: up to date, nothing to do)
  1   internal error (a fault in tradebrief)
  2   the inputs or the config are wrong: the message names the file, line, column or key
  69  publish: an e-mail delivery failed; the next publish tries it again
  74  the system refused a read or write (disk full, read-only, permission): outputs intact
  75  another run holds the lock on the output folder: try again later`;

export const help = {
  main: `tradebrief: bilateral trade CSVs in, an auditable PDF briefing out.

Usage: tradebrief <command> [options]

Commands:
  run        build the briefing: ingest → normalise → indicators → charts → briefing
  validate   check the inputs and the config, write nothing
  stage      run one stage on the outputs of the stages before it
  batch      one briefing per partner from a single read of the inputs
  init       scaffold an inputs folder for a new pair
  fetch      download new and revised data from the UN Comtrade API into the inputs
  publish    the archive site and feed, and e-mail of new editions to the configured lists

Run "tradebrief <command> --help" for a command's options and examples.

${EXIT_CODES}
`,
  run: `Usage: tradebrief run [options]

Builds the briefing from the CSVs in --inputs into --out: briefing.pdf, indicators.json,
manifest.json, charts/*.svg with charts/*.vl.json (and charts/*.png with --png), tables/*.csv.

${COMMON_OPTIONS}
  --publish           then publish --out, as "tradebrief publish" does (also when up to date)
  --site DIR          with --publish: the archive site's folder (default: OUT/site)
  --dry-run           with --publish: write the e-mails as .eml files in OUT/outbox, send nothing

Examples:
  tradebrief run
  tradebrief run --inputs downloads/comtrade --reporter BRA --partner CHN --out briefs/bra-chn
  tradebrief run --publish --log-format json        (for cron: build, then send what is new)

${EXIT_CODES}
`,
  validate: `Usage: tradebrief validate [options]

Checks every input file and the config and reports all problems at once, with a coverage summary
(rows read, used and set aside by reason; years, flows and chapters present). Writes nothing.

${COMMON_OPTIONS}

Examples:
  tradebrief validate
  tradebrief validate --inputs downloads --reporter IND --partner RUS

${EXIT_CODES}
`,
  batch: `Usage: tradebrief batch --reporter ISO3 --partners A,B,C [options]

Reads the inputs once and builds one briefing per partner, each in OUT/<REPORTER>-<PARTNER>/ with
its own lock, cache and archive, on worker threads (one per core by default). A partner that fails
is reported at the end; the others are still built. Exit code: 0 when all were built, else that of
the failures (1 if any was internal).

${COMMON_OPTIONS}
  --partners LIST     comma-separated ISO3 partner codes (required)
  --jobs N            worker threads (default: the number of cores)
  --shard K/N         build only the K-th of N slices of the partner list (every N-th partner from
                      the K-th on), so N machines share the work; shards that share --out read the
                      inputs once (they wait up to 30 minutes for the shard that reads; see --wait)

Examples:
  tradebrief batch --inputs downloads/baci --reporter IND --partners RUS,CHN,USA,ARE --out briefs
  tradebrief batch --inputs downloads/baci --reporter IND --partners RUS,CHN,USA,ARE --shard 2/2

${EXIT_CODES}
  128+N  the read of the inputs (a process of its own) was killed by signal N: 137 is SIGKILL,
         often the system out of memory; the previous outputs are intact
`,
  publish: `Usage: tradebrief publish [--out DIR] [--config FILE] [--site DIR] [--dry-run]

Publishes the editions archived in --out (every pair, batch folders included):
  - the archive site in --site: index.html listing every pair and edition (vintage, date, headline
    figures, what changed, links to the PDF, indicators.json and tables), a page per pair, feed.xml
    (Atom) and the files themselves; plain HTML and CSS, fonts copied locally, rebuilt byte for byte;
  - an e-mail to each list of publish.email in the config with the latest edition of each pair it has
    not received: headline figures, key findings, changes since the last edition, the PDF attached
    (or a link when over publish.email.attachmentLimitMB). Deliveries are recorded in
    archive/<PAIR>/deliveries.json: an edition is never sent to a list twice; a failed one is tried
    again on the next run.
The SMTP server comes from the environment, never the config: SMTP_HOST, SMTP_PORT (default 587,
or 465 with SMTP_TLS=implicit), SMTP_USER and SMTP_PASSWORD (both or neither), SMTP_TLS = starttls
(default), required, implicit, or none (for a mail server on this machine).

Options:
  --out DIR           output folder whose archive is published (default: outputs)
  --config FILE       config with the publish and organisation keys (default: inputs/tradebrief.config.json;
                      without one, the site is built and nothing is sent)
  --site DIR          the site's folder (default: OUT/site); it must be new, empty or a site tradebrief wrote
  --dry-run           write the e-mails as .eml files in OUT/outbox instead of sending them
  --wait SECONDS      wait up to SECONDS for a run on --out to finish (default 0: exit 75)
  --log-format FMT    human (default) or json: one JSON object per line on stderr
  -q, --quiet, -v, --verbose, -h, --help

Examples:
  tradebrief publish
  tradebrief publish --site /var/www/briefings --dry-run
  tradebrief run && tradebrief publish --log-format json      (or: tradebrief run --publish)

${EXIT_CODES}
`,
  init: `Usage: tradebrief init --reporter ISO3 --partner ISO3 [--dir DIR]

Scaffolds an inputs folder for a new pair: tradebrief.config.json (every default written out),
sources.csv with entries for the usual downloads, the HS chapter and section names, templates of the
canonical and published-figures CSVs in _templates/, and a README saying which files to download.

Options:
  --reporter ISO3     reporting country (required)
  --partner ISO3      partner country (required)
  --dir DIR           folder to create (default: inputs-<reporter>-<partner>)
  --force             write into a folder that is not empty
  -q, --quiet, -v, --verbose, --log-format FMT, -h, --help

Examples:
  tradebrief init --reporter BRA --partner CHN --dir inputs-bra-chn

${EXIT_CODES}
`,
  fetch: `Usage: tradebrief fetch [--inputs DIR] [--reporter ISO3 --partner ISO3 | --partners LIST] [--years Y|Y1-Y2]

Downloads from the UN Comtrade API what the briefing needs: the pair both ways and each side's trade
with the World, by HS chapter and total (partner2Code=0, motCode=0, customsCode=C00, so nothing is
counted twice), one Comtrade Plus CSV per reporter and year in DIR/comtrade-api/, with
fetch-manifest.json (queries, row counts, Comtrade's release stamps, the fetch time). It asks Comtrade
first which reporter-years are published and when each was last released, and downloads only those new
or revised since the last fetch: when nothing is new it changes nothing, and "tradebrief run" is then
up to date. Files are written only once every download has succeeded, each whole or not at all.

The subscription key is read from the environment variable COMTRADE_API_KEY and sent as a header,
never in an address, a log line or a file. Without it, the keyless preview is used (at most 500 rows and
one year a call); the log says which.

Options:
  --inputs DIR        inputs folder to write into (default: inputs)
  --config FILE       the config naming the pair (default: DIR/tradebrief.config.json)
  --reporter ISO3     reporting country, overrides the config (e.g. IND)
  --partner ISO3      partner country, overrides the config (e.g. RUS)
  --partners LIST     several partners, comma-separated (e.g. RUS,CHN,ARE)
  --years Y|Y1-Y2     a year or a range (default: the latest 10 years either side has published)
  --base-url URL      the API's address (default: https://comtradeapi.un.org), e.g. a mirror or proxy
  --max-calls N       most calls to the API in this run, retries included (default: 100)
  --max-records N     rows a call may return before it counts as cut short and is split
                      (default and most: 100000 with a key, 500 without)
  --retries N         further tries of a call after a passing failure (default: 3)
  --backoff SECONDS   first wait before a retry, doubled for each further one (default: 2);
                      a Retry-After from the server takes precedence
  --pause SECONDS     pause between calls (default: 1.5 with a key, 3.5 without)
  --timeout SECONDS   longest wait for one answer (default: 120)
  --wait SECONDS      wait up to SECONDS for another fetch into DIR to finish (default 0: exit 75)
  --log-format FMT    human (default) or json: one JSON object per line on stderr
  -q, --quiet, -v, --verbose, -h, --help

Examples:
  tradebrief fetch && tradebrief run
  COMTRADE_API_KEY=... tradebrief fetch --reporter IND --partners RUS,CHN --years 2015-2024

Exit codes:
  0   done, or nothing new (no file changed)
  1   internal error (a fault in tradebrief)
  2   a wrong option, query or key: the message says which; nothing was written
  75  a passing failure (rate limit, used-up quota, outage, another fetch holding the folder):
      nothing was written, try again later
`,
  stage: `Usage: tradebrief stage <name> [options]

Runs one stage, reading what the stages before it wrote in --out. Stages, in order:
  ingest       detect formats, parse and validate inputs       → stages/ingest.json
  normalise    USD, fiscal/calendar labels, HS chapters         → stages/normalised.json
  indicators   every indicator with unit, period and sources    → indicators.json, tables/*.csv
  charts       vega-lite specs rendered to SVG (PNG with --png) → charts/
  briefing     the PDF                                          → briefing.pdf

${COMMON_OPTIONS}

Examples:
  tradebrief stage indicators
  npx tsx pipeline/4-charts.ts --out outputs      (the same, from the stage script)

${EXIT_CODES}
`,
};

/** The coverage summary `tradebrief validate` prints: what was read, used and set aside. */
const rows = (n: number): string => `${formatNumber(n)} row${n === 1 ? '' : 's'}`;

const ENCODING_NAMES: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with BOM',
  'utf-16le': 'UTF-16LE',
  'utf-16le-bom': 'UTF-16LE with BOM',
  'utf-16be': 'UTF-16BE',
  'utf-16be-bom': 'UTF-16BE with BOM',
  'windows-1252': 'Windows-1252',
};

export const coverageMessages = {
  title: () => 'Coverage of the inputs',
  overall: (files: number, read: number, used: number, setAside: number, records: number) =>
    `${files} file${files === 1 ? '' : 's'}: ${rows(read)} read, ${formatNumber(used)} used, ${formatNumber(setAside)} set aside; ${formatNumber(records)} record${records === 1 ? '' : 's'}`,
  file: (file: string, format: string, read: number, used: number, setAside: number) =>
    `${file} (${format}): ${rows(read)}, ${formatNumber(used)} used, ${formatNumber(setAside)} set aside`,
  /** A format and the text encoding its file had, as the file line shows them. */
  formatIn: (format: string, encoding: string | undefined) =>
    encoding === undefined ? format : `${format}, ${ENCODING_NAMES[encoding] ?? encoding}`,
  setAside: (count: number, reason: string) => `${formatNumber(count)} set aside: ${reason}`,
  classifications: (names: string[]) => `classification: ${names.join('; ')}`,
  columnsSetAside: (count: number, reason: string) =>
    `${formatNumber(count)} column${count === 1 ? '' : 's'} set aside: ${reason}`,
  years: (groups: string[]) => `years: ${groups.join('; ')}`,
  yearGroup: (labels: string[], basis: 'fiscal' | 'calendar') =>
    `${labels.join(', ')} (${basis === 'fiscal' ? 'fiscal years, April–March' : 'calendar years'})`,
  flows: (flows: string[]) => `flows: ${flows.join(', ')}`,
  chapters: (ranges: string, count: number) =>
    `HS chapters: ${ranges} (${count} chapter${count === 1 ? '' : 's'})`,
  none: () => 'none',
};

/** What `tradebrief init` writes for a new pair. */
export const initText = {
  /** Sources-table rows for the usual downloads; their "files" patterns match the names the sites give. */
  sources: [
    [
      'hs-nomenclature',
      'Harmonized System 2022: chapters and sections',
      'datasets/harmonized-system (ODC-PDDL)',
      'https://github.com/datasets/harmonized-system',
      'hs_*.csv',
      'public domain',
    ],
    [
      'un-comtrade',
      'UN Comtrade Plus, bulk or API download',
      'United Nations Statistics Division',
      'https://comtradeplus.un.org',
      'TradeData*.csv comtrade*.csv',
      'edit the title to say what you downloaded and when',
    ],
    [
      'cepii-baci',
      'CEPII BACI, HS-6 bilateral trade',
      'CEPII',
      'https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37',
      'BACI_*.csv country_codes_*.csv product_codes_*.csv',
      'edit to name the HS revision and the year',
    ],
    [
      'itc-trademap',
      'ITC Trade Map, bilateral trade by product',
      'International Trade Centre',
      'https://www.trademap.org',
      'Trade_Map*.csv Trade_Map*.txt trademap*.csv',
      '',
    ],
    [
      'dgcis-eidb',
      'Export Import Data Bank, country-wise, commodity-wise',
      'DGCI&S Export Import Data Bank',
      'https://tradestat.commerce.gov.in/eidb',
      'eidb*.csv',
      'India only',
    ],
  ],
  readme: (
    reporter: string,
    partner: string,
    dir: string,
  ) => `# Inputs for the ${reporter}–${partner} briefing

Put the files you download in this folder (sub-folders are read too; names starting with "_" are not),
then build the briefing:

\`\`\`sh
npx tradebrief validate --inputs ${dir}
npx tradebrief run --inputs ${dir} --out outputs-${reporter.toLowerCase()}-${partner.toLowerCase()}
\`\`\`

Formats are recognised from the header row, whatever the file is called. Any of these will do:

- **UN Comtrade Plus** (comtradeplus.un.org, "Get data" or the bulk API): reporter ${reporter}, partners
  ${partner} and World, both flows (M, X), annual, HS, commodity codes AG2 (chapters) or TOTAL. Download
  the same for reporter ${partner} to get the mirror view and ${partner}'s imports from the world.
- **CEPII BACI** (cepii.fr): the yearly file(s) \`BACI_HS*_Y*_V*.csv\` with \`country_codes_V*.csv\` and
  \`product_codes_*.csv\` from the same archive, in this folder or a sub-folder.
- **ITC Trade Map** (trademap.org): "bilateral trade between ${reporter} and ${partner}", product level 2,
  exported as text/CSV, values in USD thousand.
- **India's TradeStat / EIDB** (tradestat.commerce.gov.in) when India is the reporter: country-wise,
  commodity-wise exports and imports, HS 2-digit, in US$ million.
- Figures you type yourself go in the canonical long format: copy \`_templates/trade.csv\` here and
  fill it in (\`period,reporter,partner,flow,product,value,unit,source,status\`); published figures
  that are not trade flows (import demand, tourism, targets) go in a copy of \`_templates/figures.csv\`.

Every file needs a source: add a row to \`sources.csv\` (its \`files\` column lists file-name patterns),
or a \`source\` column in the canonical format. Edit \`tradebrief.config.json\` for the title, branding,
sectors and rebalancing scenarios; editors that read JSON Schema check it as you type.
`,
};
