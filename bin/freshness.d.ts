/** Whether `root`/dist/cli.cjs exists and is newer than every file of `root`/src and `root`/pipeline. */
export function bundleIsFresh(root: string): boolean;
