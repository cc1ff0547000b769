import type { Stage } from '../src/core/stage.ts';
import { ingestStage } from './1-ingest.ts';
import { normaliseStage } from './2-normalise.ts';
import { indicatorsStage } from './3-indicators.ts';
import { chartsStage } from './4-charts.ts';
import { briefingStage } from './5-briefing.ts';

/** The path of the data, in order: each stage reads only what the ones before it wrote. */
export const STAGES: readonly Stage[] = [
  ingestStage,
  normaliseStage,
  indicatorsStage,
  chartsStage,
  briefingStage,
];

export function findStage(name: string): Stage | undefined {
  return STAGES.find((s) => s.name === name);
}
