import { isIso3, toIso3, WORLD } from '../../core/countries.ts';
import { normaliseHsCode } from '../../core/hs.ts';
import { inputMessages as m } from '../../core/messages.ts';
import { type Adapter, RowReader } from '../adapter.ts';
import { classificationInFileName } from '../classification.ts';
import type { CountryCodeRecord } from '../records.ts';

/**
 * BACI's country table: its numeric codes are not all ISO 3166 numeric (699 is India), so the
 * ISO3 column is what ties a BACI code to a country. Two layouts are in use.
 */
function countryCodesAdapter(iso3Column: string, nameColumn: string, layout: string): Adapter {
  return {
    format: 'baci-country-codes',
    label: `BACI country codes (${layout})`,
    cues: ['country_code', iso3Column],
    required: ['country_code', iso3Column],
    readFirst: true,
    read(table, ctx) {
      const r = new RowReader(table, ctx);
      const countryCodes: CountryCodeRecord[] = [];
      for (const row of table.rows) {
        const code = r.required(row, 'country_code', 'a numeric country code');
        if (!code) continue;
        if (!/^\d{1,4}$/.test(code)) {
          ctx.problem(row.line, 'country_code', m.badBaciCountry(code));
          continue;
        }
        // "Other Asia, nes" (S19) is Taiwan; other groups carry made-up codes and count only in totals.
        const iso3 = toIso3(r.text(row, iso3Column)) ?? '';
        if (!isIso3(iso3) || iso3 === WORLD) {
          ctx.reject(row.line, m.asideCodeNotCountry());
          continue;
        }
        const name = r.text(row, nameColumn);
        countryCodes.push({ code: String(Number(code)), iso3, name, file: table.file, line: row.line });
      }
      return { countryCodes };
    },
  };
}

export const baciCountryCodes = countryCodesAdapter(
  'country_iso3',
  'country_name',
  'country_code,country_name,country_iso2,country_iso3',
);

export const baciCountryCodesLegacy = countryCodesAdapter(
  'iso_3digit_alpha',
  'country_name_abbreviation',
  'country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha',
);

/** BACI's HS6 product names: read and checked, but the briefing names chapters from the HS tables. */
export const baciProductCodes: Adapter = {
  format: 'baci-product-codes',
  label: 'BACI product codes (code,description)',
  cues: ['code', 'description'],
  required: ['code', 'description'],
  read(table, ctx) {
    const r = new RowReader(table, ctx);
    const revision = classificationInFileName(table.file);
    if (revision) ctx.classify(table.headerLine, undefined, revision.code);
    for (const row of table.rows) {
      const text = r.text(row, 'code');
      if (normaliseHsCode(text)?.length === 6) ctx.reject(row.line, m.asideProductNames());
      else ctx.problem(row.line, 'code', m.badHs6(text));
    }
    return {};
  },
};
