const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * A strict decimal: "1234.5", "1,234.5" (thousands grouped by three), "1.2e3".
 * Rejects what spreadsheets and typos produce: "12,3x4", "NaN", "Infinity", "1e400", "".
 */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!PLAIN.test(trimmed) && !GROUPED.test(trimmed)) return undefined;
  const value = Number(trimmed.replaceAll(',', ''));
  return Number.isFinite(value) ? value : undefined;
}
