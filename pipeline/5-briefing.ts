import { readFile } from 'node:fs/promises';
import type { Changes } from '../src/changes/compare.ts';
import type { RenderedChart } from '../src/charts/build.ts';
import { logoPath } from '../src/config/load.ts';
import { keysHolding } from '../src/config/textKeys.ts';
import { loadJson, outPath, type RunContext, save } from '../src/core/context.ts';
import { countryName, findCountries, WORLD } from '../src/core/countries.ts';
import { sha256File } from '../src/core/hash.ts';
import { runMessages as m } from '../src/core/messages.ts';
import { shownPath } from '../src/core/paths.ts';
import { parsePeriod, periodEnd } from '../src/core/periods.ts';
import type { Stage } from '../src/core/stage.ts';
import type { IndicatorSet } from '../src/indicators/types.ts';
import { runAlone } from './alone.ts';
import { BRIEFING, CHANGES, CHART_INDEX, INDICATORS } from './files.ts';

export const briefingStage: Stage = {
  name: 'briefing',
  summary:
    'assemble the PDF: cover and KPIs, findings, sections with charts and tables, notes, sources, methods',
  reads: [INDICATORS, CHANGES, CHART_INDEX],
  config: [],
  async extraKey(ctx) {
    const logo = logoPath(ctx.config, ctx.configPath);
    return { logo: logo ? await sha256File(logo) : null, date: ctx.sourceDateEpoch ?? null };
  },
  async run(ctx) {
    // Load.
    const set = await loadJson<IndicatorSet>(ctx, INDICATORS);
    const changes = await loadJson<Changes>(ctx, CHANGES);
    const index = await loadJson<(RenderedChart & { files?: { svg: string } })[]>(ctx, CHART_INDEX);
    const charts = await Promise.all(
      index.map(async (c) =>
        c.files ? { ...c, svg: await readFile(outPath(ctx, c.files.svg), 'utf8') } : c,
      ),
    );
    // Process: the document date is the end of the data's latest period, unless SOURCE_DATE_EPOCH says otherwise.
    const latest = parsePeriod(set.meta.vintage.period);
    const date =
      ctx.sourceDateEpoch !== undefined
        ? new Date(ctx.sourceDateEpoch * 1000)
        : latest
          ? periodEnd(latest)
          : new Date(0);
    const logo = await logoForCover(ctx);
    warnOfOtherCountries(ctx);
    const { assembleBriefing } = await import('../src/briefing/assemble.ts');
    const pdf = await assembleBriefing({
      set,
      charts,
      changes,
      date,
      ...(logo ? { logo } : {}),
      onUnprintable: (items) => {
        // Named by the config key that holds the text where there is one, else by the text itself.
        const warned = new Set<string>();
        for (const { text, characters } of items) {
          const keys = keysHolding(ctx.config, characters);
          const places = keys.length
            ? keys.map((key) => m.inConfigKey(shownPath(ctx.configPath), key))
            : [m.inBriefingText(text)];
          for (const where of places) {
            if (warned.has(where)) continue;
            warned.add(where);
            ctx.log.log('warn', 'unprintable', m.unprintable(where, characters), { stage: 'briefing' });
          }
        }
      },
    });
    // Save.
    await save(ctx, BRIEFING, pdf);
    return [BRIEFING];
  },
};

/** A title copied from another pair's config would go out on every page of this one. */
function warnOfOtherCountries(ctx: RunContext): void {
  const { title = '', subtitle = '', reporter, partner } = ctx.config;
  const others = findCountries(`${title} ${subtitle}`).filter(
    (c) => c !== reporter && c !== partner && c !== WORLD,
  );
  if (others.length > 0)
    ctx.log.log(
      'warn',
      'title-names-other-country',
      m.titleNamesOther(others.map(countryName), countryName(reporter), countryName(partner)),
      {
        stage: 'briefing',
      },
    );
}

/** The configured logo at the size the cover prints it. */
async function logoForCover(ctx: RunContext): Promise<Uint8Array | undefined> {
  // Without a logo, resvg (a native library, which may redraw one) is not loaded at all.
  if (!logoPath(ctx.config, ctx.configPath)) return undefined;
  const { readLogo } = await import('../src/briefing/logo.ts');
  return readLogo(ctx.config, ctx.configPath);
}

// Not awaited: the stage command imports this module again, which must finish evaluating first.
void runAlone(import.meta.url, briefingStage);
