import { join } from 'node:path';
import { runPipeline } from '../../../pipeline/run.ts';
import { STAGES } from '../../../pipeline/stages.ts';
import { ExitCode, InputError } from '../../core/errors.ts';
import { help, cliMessages as m } from '../../core/messages.ts';
import { shownPath } from '../../core/paths.ts';
import { createContext, runOptions } from '../context.ts';
import type { Command } from '../execute.ts';
import { type InputValues, RUN_OPTIONS, type RunValues } from '../options.ts';

/** What the light start learns from `run`: it stopped where a stage would have had to run. */
export interface LightRun {
  stopped: boolean;
}

/**
 * `tradebrief run`: the pipeline, then the delivery when asked. Given `light`, the command stops
 * before anything a stage or the delivery needs (their libraries are not in the light start's bundle)
 * and says so there; a run with nothing to do is done whole.
 */
export function runCommand(light?: LightRun): Command {
  return {
    help: help.run,
    options: RUN_OPTIONS,
    run: async (anyValues, _positionals, log, io) => {
      const values = anyValues as RunValues;
      const stop = () => {
        if (light) light.stopped = true;
        return ExitCode.ok;
      };
      if (light && (values.force || values.publish)) return stop();
      const ctx = await createContext(values as InputValues, log, io.env);
      if (!values.publish && (values.site !== undefined || values['dry-run']))
        throw new InputError([{ file: 'command line', message: m.publishOnly() }]);
      const result = await runPipeline(ctx, {
        ...runOptions(values),
        stages: STAGES,
        ...(light ? { onlyIfUpToDate: true } : {}),
      });
      if (result.stopped) return stop();
      if (!result.upToDate)
        ctx.log.log('info', 'done', m.runDone(shownPath(join(ctx.outDir, 'briefing.pdf'))));
      if (!values.publish) return ExitCode.ok;
      // Also when nothing changed: a delivery that failed last time is tried again.
      const { publishOutputs } = await import('./publish.ts');
      return publishOutputs(
        { out: ctx.outDir, site: values.site, dryRun: values['dry-run'], wait: values.wait },
        ctx.config,
        ctx.configPath,
        ctx.log,
        io.env,
      );
    },
  };
}
