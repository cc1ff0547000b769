import { compareText } from '../core/text.ts';
import { hsRevision } from '../reference/hs.ts';
import type { FileReport } from './records.ts';

/** Formats whose file names state the HS revision (CEPII BACI). */
const BACI = 'baci';
const BACI_PRODUCT_CODES = 'baci-product-codes';

/**
 * The product nomenclature a trade file is in. tradebrief reads the Harmonized System (HS) only: SITC,
 * BEC and EBOPS codes look like HS codes ("76" is telecom equipment in SITC, aluminium in HS), so a
 * file in one of them is refused, never read as HS.
 */
export interface Classification {
  /** As the file writes it: "H5" (UN Comtrade), "HS17" (CEPII BACI), "HS" (revision not stated). */
  code: string;
  /** "HS 2017", "HS (revision not stated)", "SITC Rev. 4", … */
  name: string;
  hs: boolean;
}

const OTHERS: Record<string, string> = {
  S1: 'SITC Rev. 1',
  S2: 'SITC Rev. 2',
  S3: 'SITC Rev. 3',
  S4: 'SITC Rev. 4',
  ST: 'SITC',
  SITC: 'SITC',
  B4: 'BEC Rev. 4',
  B5: 'BEC Rev. 5',
  BE: 'BEC',
  BEC: 'BEC',
  EB: 'EBOPS (services)',
  EB02: 'EBOPS 2002 (services)',
  EB10: 'EBOPS 2010 (services)',
  EB10S: 'EBOPS 2010 (services)',
  EBOPS: 'EBOPS (services)',
};

/** What a file that states no classification is taken to be in. */
export const UNSTATED_HS: Classification = { code: 'HS', name: 'HS (revision not stated)', hs: true };

/**
 * A classification as a trade file states it: an HS revision in any spelling (`hsRevision`: H5, HS17,
 * HS 2017), UN Comtrade's other codes (S1 … S4, ST, B4, B5, BEC, EB…); an empty cell or "HS" is HS,
 * revision not stated. Undefined for anything else.
 */
export function parseClassification(text: string): Classification | undefined {
  const code = text.trim().toUpperCase();
  if (code === '' || code === 'HS') return UNSTATED_HS;
  const revision = hsRevision(code);
  if (revision) return { code, name: revision.name, hs: true };
  const other = OTHERS[code];
  return other === undefined || !Object.hasOwn(OTHERS, code) ? undefined : { code, name: other, hs: false };
}

/** The HS revision in a BACI file's name ("BACI_HS17_Y2022_V202401.csv", "product_codes_HS17_V202401.csv"). */
export function classificationInFileName(file: string): Classification | undefined {
  const name = file.split('/').pop() ?? file;
  const match = /(?:^|_)(HS\d{2})(?:_|\.|$)/i.exec(name);
  return match ? parseClassification(match[1] as string) : undefined;
}

/**
 * The classifications of all files, by name; a BACI file whose name states no revision takes the one
 * its product-codes file states (CEPII ships both with the same revision).
 */
export function summariseClassifications(
  files: FileReport[],
): { name: string; codes: string[]; files: string[] }[] {
  const codeFiles = files.filter((f) => f.format === BACI_PRODUCT_CODES);
  const revisions = new Set(codeFiles.flatMap((f) => f.classifications.map((c) => c.code)));
  const [revision] = revisions;
  for (const file of files) {
    const unstated = file.classifications.length === 1 && file.classifications[0]?.code === UNSTATED_HS.code;
    if (file.format === BACI && unstated && revisions.size === 1 && revision)
      file.classifications = codeFiles[0]?.classifications ?? file.classifications;
  }
  const byName = new Map<string, { name: string; codes: string[]; files: string[] }>();
  for (const file of files) {
    for (const { code, name } of file.classifications) {
      const entry = byName.get(name) ?? { name, codes: [], files: [] };
      if (!entry.codes.includes(code)) entry.codes.push(code);
      if (!entry.files.includes(file.file)) entry.files.push(file.file);
      byName.set(name, entry);
    }
  }
  return [...byName.values()].sort((a, b) => compareText(a.name, b.name));
}
