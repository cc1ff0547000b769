/**
 * Every formula behind a number in the briefing, stated once: the methodology annex prints this table.
 * X = reporter's exports to the partner, M = reporter's imports from the partner.
 */
export const FORMULAS = {
  reported: {
    name: 'Reported value',
    expression: 'as published by the source, converted to USD',
    citation: 'source as cited',
  },
  total: {
    name: 'Total trade',
    expression: 'X + M',
    citation: 'UNCTAD Handbook of Statistics, trade definitions',
  },
  balance: {
    name: 'Trade balance',
    expression: 'X − M',
    citation: 'UNCTAD Handbook of Statistics, trade definitions',
  },
  coverage: {
    name: 'Export–import coverage ratio',
    expression: 'X / M',
    citation: 'WITS/UNCTAD trade indicators',
  },
  yoy: { name: 'Change on the year', expression: 'V_t / V_(t−1) − 1', citation: 'standard growth rate' },
  cagr: {
    name: 'Compound annual growth rate (endpoint)',
    expression: '(V_T / V_0)^(1/n) − 1, n = years between the end points',
    citation: 'standard endpoint CAGR',
    variant: 'endpoint: uses the first and last years only',
  },
  cagrTrend: {
    name: 'Compound annual growth rate (log-linear trend)',
    expression: 'exp(b) − 1, b = OLS slope of ln V_t on t',
    citation: 'World Bank, WDI growth-rate method (least-squares)',
    variant: 'log-linear: uses every year of the series',
  },
  share: { name: 'Share', expression: 'V_part / V_whole', citation: 'standard composition share' },
  shareOther: {
    name: 'Share of chapters not itemised',
    expression: '(V_total − Σ V_chapters given) / V_total',
    citation: 'residual of the source’s top-chapter table',
  },
  gap: {
    name: 'Supply gap',
    expression: 'partner import demand − reporter exports to the partner (same sector)',
    citation: 'figures as published; periods may differ (see notes)',
  },
  marketShareOfDemand: {
    name: 'Share of the partner’s import demand',
    expression: 'reporter exports to the partner / partner imports from the world (same sector)',
    citation: 'ITC Trade Map market-share definition',
  },
  requiredCagr: {
    name: 'Growth needed to reach a target',
    expression: '(Target / V_latest)^(1/n) − 1, n = target year − latest year',
    citation: 'endpoint CAGR solved for the target',
  },
  projection: {
    name: 'Path at a constant growth rate',
    expression: 'V_latest × (1 + g)^k for k = 1 … n',
    citation: 'compound growth',
  },
} as const;

export type FormulaId = keyof typeof FORMULAS;
