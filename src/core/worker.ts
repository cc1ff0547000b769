import { type ResourceLimits, Worker } from 'node:worker_threads';

/**
 * A worker thread running the module `name` that sits beside the caller (`callerUrl`, its
 * import.meta.url). From the bundle it is plain JavaScript (each worker is an entry of
 * scripts/bundle.js, beside the others in dist/), or, given `bundleExport`, that export of the
 * command-line bundle run by bin/bundleThread.js through a code cache; from the sources it needs tsx
 * registered first.
 */
export function startWorker(
  callerUrl: string,
  name: string,
  workerData: unknown,
  resourceLimits: ResourceLimits = {},
  bundleExport?: string,
): Worker {
  const fromSources = callerUrl.endsWith('.ts');
  if (!fromSources && bundleExport)
    return new Worker(new URL('../bin/bundleThread.js', callerUrl), {
      argv: [bundleExport],
      workerData,
      resourceLimits,
    });
  const url = new URL(`./${name}${fromSources ? '.ts' : '.js'}`, callerUrl);
  if (!fromSources) return new Worker(url, { workerData, resourceLimits });
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(code, { eval: true, workerData, resourceLimits });
}
