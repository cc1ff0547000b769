import { hsRevision } from './hs.ts';

/** How a recognised download is cited where no sources table names it. */
export interface Citation {
  id: string;
  title: string;
  publisher: string;
  url: string;
}

export interface Download {
  /** The file's path under the inputs folder. */
  file: string;
  /** The format detected from its header (adapter format id). */
  format: string;
  /** The classification the file itself states (Comtrade's "H6", "S4"), if any. */
  classification?: string;
}

const BACI_URL = 'https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37';

/**
 * The publisher, dataset, release and classification of a download, read from its detected format,
 * its name and what it states: "CEPII BACI, HS17, release 202501". Undefined for files that are not
 * a recognised publisher's download (our own canonical CSV, say).
 */
export function citeDownload({ file, format, classification }: Download): Citation | undefined {
  const name = file.split('/').pop() ?? file;
  switch (format) {
    case 'baci': {
      const revision = /_(HS\d{2})_/i.exec(name)?.[1]?.toUpperCase();
      const release = /_V(\d{6}[a-z]?)\b/i.exec(name)?.[1];
      const parts = ['CEPII BACI', revision, release && `release ${release}`].filter(Boolean);
      return {
        id: ['cepii-baci', revision, release && `v${release}`].filter(Boolean).join('-').toLowerCase(),
        title: parts.join(', '),
        publisher: 'CEPII BACI',
        url: BACI_URL,
      };
    }
    case 'comtrade-plus':
    case 'comtrade-legacy': {
      const plus = format === 'comtrade-plus';
      const dataset = plus ? 'UN Comtrade Plus' : 'UN Comtrade';
      const code = classification?.trim().toUpperCase();
      return {
        id: [plus ? 'un-comtrade-plus' : 'un-comtrade', code].filter(Boolean).join('-').toLowerCase(),
        title: `${dataset}, ${code ? `${classificationName(code)}, ` : ''}as reported`,
        publisher: dataset,
        url: 'https://comtradeplus.un.org',
      };
    }
    case 'trade-map':
      return {
        id: 'itc-trade-map',
        title: 'ITC Trade Map, trade statistics for international business development',
        publisher: 'ITC Trade Map',
        url: 'https://www.trademap.org',
      };
    case 'tradestat':
      return {
        id: 'dgcis-eidb',
        title: 'DGCI&S Export Import Data Bank (EIDB), Department of Commerce, Government of India',
        publisher: 'DGCI&S EIDB',
        url: 'https://tradestat.commerce.gov.in/eidb',
      };
    default:
      return undefined;
  }
}

/** "HS (H6)", "HS 2017 (H5)" where the revision is known, "SITC (S4)" for Comtrade's SITC codes. */
function classificationName(code: string): string {
  if (/^S\d$/.test(code)) return `SITC Rev.${code.slice(1)} (${code})`;
  if (/^BE/.test(code)) return `BEC (${code})`;
  const revision = hsRevision(code);
  return revision ? `${revision.name} (${code})` : code === 'HS' ? 'HS' : `HS (${code})`;
}
