/**
 * Orders strings by code unit, the same on every machine. localeCompare without a locale follows the
 * machine's, which would change which source wins a tie and the order of rows in the outputs.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
