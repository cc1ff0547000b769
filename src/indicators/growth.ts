/** Growth rates, as ratios (0.176 = 17.6 %). Pure functions: no I/O, no formatting. */

export function yoy(current: number, previous: number): number | null {
  return previous > 0 ? current / previous - 1 : null;
}

/** Endpoint CAGR: (V_T / V_0)^(1/n) − 1. */
export function cagrEndpoint(first: number, last: number, years: number): number | null {
  if (years <= 0 || first <= 0 || last < 0) return null;
  return (last / first) ** (1 / years) - 1;
}

/** Log-linear trend CAGR: exp(slope of ln V on t) − 1, by ordinary least squares over all points. */
export function cagrTrend(points: { t: number; value: number }[]): number | null {
  const usable = points.filter((p) => p.value > 0);
  if (usable.length < 2) return null;
  const n = usable.length;
  const meanT = usable.reduce((s, p) => s + p.t, 0) / n;
  const meanY = usable.reduce((s, p) => s + Math.log(p.value), 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of usable) {
    sxy += (p.t - meanT) * (Math.log(p.value) - meanY);
    sxx += (p.t - meanT) ** 2;
  }
  return sxx === 0 ? null : Math.exp(sxy / sxx) - 1;
}

/**
 * A level shift: a year whose value is at least double, or at most half, the year before's
 * (|ln(V_t / V_(t−1))| ≥ ln 2). Growth measured across one says more about the shift than the trend.
 */
export const LEVEL_SHIFT = Math.log(2);

/** Indices of the points that start a new level: consecutive years only. */
export function levelShifts(points: { t: number; value: number }[]): number[] {
  const found: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const [before, after] = [points[i - 1], points[i]];
    if (!before || !after || after.t - before.t !== 1 || before.value <= 0 || after.value <= 0) continue;
    if (Math.abs(Math.log(after.value / before.value)) >= LEVEL_SHIFT - 1e-12) found.push(i);
  }
  return found;
}

/** The growth rate that takes `current` to `target` in `years`. */
export function requiredCagr(current: number, target: number, years: number): number | null {
  return cagrEndpoint(current, target, years);
}

/** V × (1 + g)^k for k = 1 … years. */
export function projectPath(start: number, growth: number, years: number): number[] {
  return Array.from({ length: years }, (_, k) => start * (1 + growth) ** (k + 1));
}
