import * as z from 'zod';

// The config is parsed once per run: compiling a fast path for it (eval) costs more than it saves.
z.config({ jitless: true });

/**
 * The longest texts the briefing prints from the config, in characters: a cover title is a line or two,
 * a note a paragraph. Far longer text (a file pasted in by mistake) would not fit a page.
 */
const TEXT_LIMITS = { title: 200, subtitle: 400, name: 120, note: 3000 } as const;

const iso3 = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166 alpha-3 code in capitals, such as IND');
const chapterRange = z
  .string()
  .regex(/^\d{2}(-\d{2})?$/, 'expected an HS chapter such as "27" or a range such as "72-76"')
  .refine((text) => {
    const [from, to = from] = text.split('-').map(Number);
    return from !== undefined && to !== undefined && from >= 1 && from <= to;
  }, 'expected chapters 01 to 99, and a range from its lower chapter to its higher, such as "72-76"');

/**
 * Sector definitions at HS-chapter level. Engineering goods follow the DGCI&S/EEPC India
 * "engineering goods" group approximated by chapters: base metals and their articles (72–76, 78–83)
 * and machinery, electrical equipment and transport equipment (84–89).
 */
export const DEFAULT_SECTORS = [
  { id: 'fuels', name: 'Mineral fuels and oils', chapters: ['27'] },
  { id: 'fertilisers', name: 'Fertilisers', chapters: ['31'] },
  { id: 'precious', name: 'Pearls, precious stones and metals', chapters: ['71'] },
  { id: 'pharmaceuticals', name: 'Pharmaceuticals', chapters: ['30'] },
  { id: 'chemicals', name: 'Chemicals', chapters: ['28', '29', '38'] },
  { id: 'plastics', name: 'Plastics', chapters: ['39'] },
  {
    id: 'engineering',
    name: 'Engineering goods',
    chapters: ['72-76', '78-89'],
    basis:
      'DGCI&S / EEPC India "engineering goods" group at HS-chapter level: base metals and their articles (72–76, 78–83), machinery, electrical and transport equipment (84–89)',
  },
  { id: 'farm', name: 'Farm and food products', chapters: ['01-24'] },
];

const sector = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a lower-case id such as "pharmaceuticals"'),
  name: z.string().min(1).max(TEXT_LIMITS.name),
  chapters: z.array(chapterRange).min(1),
  basis: z
    .string()
    .optional()
    .describe('Where the chapter list comes from; printed in the methodology annex.'),
});

const scenario = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case id such as "pharma-25"'),
  name: z.string().min(1),
  sectors: z.array(z.string()).min(1),
  shareOfPartnerDemand: z.number().gt(0).lte(1),
});

const countryNames = z.strictObject({
  en: z.string().min(1),
  native: z.string().min(1).optional(),
});

/** Placeholders a subject template may use; anything else in braces is a config error. */
export const SUBJECT_FIELDS = ['title', 'pair', 'reporter', 'partner', 'vintage', 'date', 'edition'] as const;

const emailList = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case id such as "ministry"')
    .describe(
      'Names the list in the deliveries record: rename it and the list is sent the latest edition again.',
    ),
  to: z.array(z.email('expected an e-mail address such as "desk@example.org"')).min(1),
  cc: z.array(z.email('expected an e-mail address such as "desk@example.org"')).default([]),
  bcc: z.array(z.email('expected an e-mail address such as "desk@example.org"')).default([]),
  pairs: z
    .array(z.string().regex(/^[A-Z]{3}-[A-Z]{3}$/, 'expected a pair such as "IND-RUS"'))
    .min(1, 'expected at least one pair such as "IND-RUS", or no "pairs" for every pair')
    .optional()
    .describe("Only these pairs' editions are sent to the list; default every pair in the archive."),
});

const publish = z.strictObject({
  siteUrl: z
    .url({
      protocol: /^https?$/,
      error: 'expected the address the site is served at, such as "https://example.org/briefings/"',
    })
    .refine(
      (url) => !/[?#]/.test(url),
      'expected the address the site is served at, without a query (?) or fragment (#): the pages are named after it',
    )
    .optional()
    .describe('Where the archive site is served: makes the feed and the e-mail links absolute.'),
  email: z
    .strictObject({
      from: z.string().regex(
        // One address: a comma or semicolon outside quotes would make the name a second sender.
        /^((?:"[^"]*"\s*|[^<>",;@]*)<[^<>@\s",;]+@[^<>@\s",;]+>|[^<>@\s",;]+@[^<>@\s",;]+)$/,
        'expected one sender such as "Trade desk <briefings@example.org>" (a name with a comma in double quotes)',
      ),
      subject: z
        .string()
        .min(1)
        .default('{pair} trade briefing: data to {vintage}')
        .refine(
          (text) =>
            [...text.matchAll(/\{([^{}]*)\}/g)].every((m) =>
              (SUBJECT_FIELDS as readonly string[]).includes(m[1] ?? ''),
            ),
          `expected placeholders among ${SUBJECT_FIELDS.map((f) => `{${f}}`).join(', ')}`,
        ),
      attachmentLimitMB: z
        .number()
        .gt(0)
        .default(10)
        .describe(
          'Largest attachment, as encoded in the message (base64, 1.37 × the PDF): above it, a link instead.',
        ),
      lists: z.array(emailList).min(1),
    })
    .optional()
    .describe(
      'Who receives each new edition by e-mail; the SMTP server and login come from SMTP_* environment variables.',
    ),
});

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  reporter: iso3.describe('The reporting country (ISO3): the briefing is written from its side.'),
  partner: iso3.describe('The partner country (ISO3).'),
  title: z
    .string()
    .min(1)
    .max(TEXT_LIMITS.title)
    .optional()
    .describe('Cover title; default "<Reporter>–<Partner> trade briefing".'),
  subtitle: z.string().max(TEXT_LIMITS.subtitle).optional(),
  organisation: z
    .strictObject({
      name: z.string().min(1).max(TEXT_LIMITS.name).default('tradebrief'),
      accent: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour such as "#0b4f8a"')
        .default('#0b4f8a'),
      logo: z
        .string()
        .regex(/\.(png|jpe?g)$/i, 'expected the path of a PNG or JPEG file, such as "logo.png"')
        .optional()
        .describe('Logo for the cover (PNG or JPEG), as a path relative to this config file.'),
    })
    .default({ name: 'tradebrief', accent: '#0b4f8a' }),
  names: z
    .record(iso3, countryNames)
    .default({})
    .describe('Country names for the cover, in English and in the country’s own language.'),
  sourcePriority: z
    .array(z.string())
    .default([])
    .describe('Source ids in order of preference where two sources give the same figure.'),
  sectors: z.array(sector).default(DEFAULT_SECTORS),
  scenarios: z.array(scenario).default([]),
  notes: z
    .array(
      z.strictObject({
        text: z.string().min(1).max(TEXT_LIMITS.note),
        sources: z.array(z.string()).default([]),
      }),
    )
    .default([])
    .describe('Notes of your own for the data notes: known gaps, caveats; each may cite source ids.'),
  tables: z
    .strictObject({
      bom: z
        .boolean()
        .default(false)
        .describe(
          'Start tables/*.csv with a UTF-8 byte-order mark, which older Excel needs to read accents.',
        ),
    })
    .default({ bom: false }),
  publish: publish
    .optional()
    .describe(
      'The archive site, feed and e-mail deliveries of "tradebrief publish"; not part of the briefing.',
    ),
});

export type Config = z.infer<typeof configSchema>;
export type Sector = Config['sectors'][number];
export type Scenario = Config['scenarios'][number];
export type PublishConfig = NonNullable<Config['publish']>;
export type EmailConfig = NonNullable<PublishConfig['email']>;
