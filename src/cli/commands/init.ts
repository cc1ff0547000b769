import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { DEFAULT_SECTORS } from '../../config/schema.ts';
import { writeFileAtomic } from '../../core/atomic.ts';
import { toJson } from '../../core/context.ts';
import { countryName, isIso3 } from '../../core/countries.ts';
import { ExitCode, InputError } from '../../core/errors.ts';
import type { Logger } from '../../core/log.ts';
import { initText, cliMessages as m } from '../../core/messages.ts';
import { makeFolder, shownPath } from '../../core/paths.ts';
import { PROJECT_ROOT } from '../../core/root.ts';
import { toCsv } from '../../tables/csv.ts';
import { CONFIG_FILE } from '../context.ts';
import type { INIT_OPTIONS, Values } from '../options.ts';

/** Files and folders starting with "_" are not read as inputs: the templates wait there until used. */
const TEMPLATES = '_templates';
const HS_FILES = ['hs_chapters.csv', 'hs_sections.csv'];

/**
 * Scaffolds a folder for a new pair: a config with every default written out, the sources table with
 * entries for the usual downloads, the HS nomenclature, empty templates and a README of what to fetch.
 */
export async function initCommand(values: Values<typeof INIT_OPTIONS>, log: Logger): Promise<number> {
  const reporter = values.reporter?.toUpperCase() ?? '';
  const partner = values.partner?.toUpperCase() ?? '';
  const problems = [
    ...(isIso3(reporter) && reporter !== 'WLD'
      ? []
      : [{ file: 'command line', message: m.initNeedsCountry('--reporter', reporter) }]),
    ...(isIso3(partner) && partner !== 'WLD'
      ? []
      : [{ file: 'command line', message: m.initNeedsCountry('--partner', partner) }]),
    ...(reporter === partner && isIso3(reporter)
      ? [{ file: 'command line', message: m.samePair(reporter) }]
      : []),
  ];
  if (problems.length) throw new InputError(problems);
  const dir = resolve(values.dir ?? `inputs-${reporter.toLowerCase()}-${partner.toLowerCase()}`);
  await makeFolder(dir);
  const existing = (await readdir(dir)).filter((f) => !f.startsWith('.'));
  if (existing.length > 0 && !values.force)
    throw new InputError([{ file: dir, message: m.initNotEmpty(existing.length) }]);

  const names = { [reporter]: { en: countryName(reporter) }, [partner]: { en: countryName(partner) } };
  const config = {
    $schema: relative(dir, join(PROJECT_ROOT, 'schema', 'config.schema.json'))
      .split('\\')
      .join('/'),
    reporter,
    partner,
    title: `${countryName(reporter)}–${countryName(partner)} trade briefing`,
    subtitle: '',
    organisation: { name: 'tradebrief', accent: '#0b4f8a' },
    names,
    sourcePriority: [],
    sectors: DEFAULT_SECTORS,
    scenarios: [],
  };
  await writeFileAtomic(join(dir, CONFIG_FILE), toJson(config));
  await writeFileAtomic(
    join(dir, 'sources.csv'),
    toCsv(['id', 'title', 'publisher', 'url', 'files', 'note'], initText.sources),
  );
  for (const file of HS_FILES) await copyFile(join(PROJECT_ROOT, 'inputs', file), join(dir, file));
  await mkdir(join(dir, TEMPLATES), { recursive: true });
  await writeFileAtomic(
    join(dir, TEMPLATES, 'trade.csv'),
    toCsv(['period', 'reporter', 'partner', 'flow', 'product', 'value', 'unit', 'source', 'status'], []),
  );
  await writeFileAtomic(
    join(dir, TEMPLATES, 'figures.csv'),
    toCsv(
      [
        'topic',
        'measure',
        'sector',
        'scope',
        'period',
        'value',
        'value_high',
        'unit',
        'qualifier',
        'source',
        'confidence',
        'note',
      ],
      [],
    ),
  );
  await writeFileAtomic(join(dir, 'README.md'), initText.readme(reporter, partner, shownPath(dir)));
  log.log('info', 'init', m.initDone(shownPath(dir)));
  return ExitCode.ok;
}
