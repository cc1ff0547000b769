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
  levelShift: {
    name: 'Level shift',
    expression:
      'V_t / V_(t−1) − 1 for a year with |ln(V_t / V_(t−1))| at least ln 2 (the value doubles, or halves)',
    citation: 'a structural break in the level of the series',
    variant: 'growth then given as endpoint CAGR before the latest shift and from it to the latest year',
  },
  share: { name: 'Share', expression: 'V_part / V_whole', citation: 'standard composition share' },
  shareOther: {
    name: 'Share of chapters not itemised',
    expression: '(V_total − Σ V_chapters given) / V_total',
    citation: 'residual of a top-chapter table against the flow’s total',
    variant:
      'V_total = the flow’s total as printed: the preferred source’s where two publish one (a top-chapter table’s own total may differ by rounding), so shares and totals add up',
  },
  gap: {
    name: 'Supply gap',
    expression: 'partner import demand − reporter exports to the partner (same sector)',
    citation: 'figures as published; periods may differ (see notes)',
    variant:
      'a demand range is read at one end for every figure of a sector: the middle where exports are exact, the top where they are a lower bound, so gap and untapped are upper bounds and P − A = U as printed',
  },
  marketShareOfDemand: {
    name: 'Share of the partner’s import demand',
    expression: 'reporter exports to the partner / partner imports from the world (same sector)',
    citation: 'ITC Trade Map market-share definition',
  },
  hhi: {
    name: 'Herfindahl–Hirschman concentration index (raw)',
    expression: 'Σ s_k², s_k = chapter k’s share of the flow',
    citation:
      'Hirschman, A. O. (1945), National Power and the Structure of Foreign Trade; Herfindahl, O. C. (1950)',
    variant:
      'raw, 1/N to 1, over HS chapters; where part of the flow is not itemised, a range: that part spread evenly over the chapters not itemised (low), or packed into as few of them as it can, none larger than the smallest chapter itemised (high)',
  },
  hhiNormalised: {
    name: 'Concentration index (normalised)',
    expression:
      '(sqrt(Σ s_k²) − sqrt(1/N)) / (1 − sqrt(1/N)), N = the HS product chapters (not 77, 98, 99), plus any other chapter the flow itemises',
    citation: 'UNCTAD, Handbook of Statistics: product concentration index',
    variant:
      'normalised, 0 to 1, over HS chapters (UNCTAD uses SITC 3-digit groups); a range as for the raw index',
  },
  worldExports: {
    name: 'Exports of “the world”',
    expression: 'X_w = Σ_i X_i over the reporters with exports to the world by HS chapter in the inputs',
    citation: 'sum of the reporters’ own reports',
    variant:
      'the reporters present, not every exporter; chapters that are not products (HS 77, 98, 99) left out',
  },
  worldShare: {
    name: 'Share of “world” exports',
    expression: 'X_i / X_w (or x_is / x_ws for the chapters of sector s)',
    citation: 'ITC Trade Map market-share definition',
    variant:
      'world = every reporter with exports to the world by HS chapter in the inputs for that year, not every exporter; chapters that are not products (HS 77, 98, 99) left out. By HS4 heading (heading.worldShare): world = the exporters summed in a bulk file (BACI), else every reporter with exports to the world by HS4 or HS6 in the inputs, counted in the figure',
  },
  rca: {
    name: 'Revealed comparative advantage (Balassa)',
    expression: '(x_ij / X_i) / (x_wj / X_w), i = country, j = HS chapter or sector, w = world',
    citation:
      'Balassa, B. (1965), Trade liberalisation and “revealed” comparative advantage, The Manchester School 33(2)',
    variant:
      'exports to the world by HS chapter; world = every reporter with such exports in the inputs for that year, the country included; chapters that are not products (HS 77, 98, 99) left out of every total; above 1 = specialised',
  },
  marketShare: {
    name: 'Market share in the importer’s imports',
    expression: 'M_ji / M_j: j’s imports from i over j’s imports from the world',
    citation: 'ITC Trade Map market-share definition',
    variant:
      'j’s own report, else i’s report of its exports to j (in BACI the same flow); HS 77, 98, 99 out of both totals where both reports are itemised in full, else in both',
  },
  intensity: {
    name: 'Trade intensity index',
    expression: '(x_ij / X_i) / (x_wj / X_w) = (M_ji / M_j) / (X_i / X_w)',
    citation:
      'Brown, A. J. (1949); Kojima, K. (1964), The pattern of international trade among advanced countries; WITS',
    variant:
      'i’s share of j’s imports over its share of world exports, both on the market share’s basis; at least, where the world is the reporters present; exact from one matrix (BACI); above 1 = more trade than j’s weight predicts',
  },
  complementarity: {
    name: 'Trade complementarity index (Michaely)',
    expression:
      '100 · (1 − Σ_k |m_jk − x_ik| / 2), m_jk = chapter k’s share of j’s imports, x_ik = its share of i’s exports',
    citation:
      'Michaely, M. (1996), Trade preferential agreements in Latin America: an ex-ante assessment, World Bank Policy Research Working Paper 1583',
    variant:
      'HS product chapters (77, 98, 99 out); i’s exports to and j’s imports from the world, same year, both fully itemised',
  },
  grubelLloyd: {
    name: 'Intra-industry trade (Grubel–Lloyd)',
    expression: '1 − |X_k − M_k| / (X_k + M_k), for HS chapter k',
    citation:
      'Grubel, H. G. and Lloyd, P. J. (1971), The empirical measurement of intra-industry trade, Economic Record 47(4)',
  },
  grubelLloydAggregate: {
    name: 'Intra-industry trade, all chapters (Grubel–Lloyd)',
    expression: '1 − Σ_k |X_k − M_k| / Σ_k (X_k + M_k) = 2 · Σ_k min(X_k, M_k) / (X + M)',
    citation:
      'Grubel, H. G. and Lloyd, P. J. (1971), The empirical measurement of intra-industry trade, Economic Record 47(4)',
    variant:
      'where chapters are not itemised, a range: chapters known on both sides (low); plus the import rest met by the chapters itemised in exports only, the export rest by those in imports only, the remainder by chapters on neither side, none above the smallest itemised (high)',
  },
  mirror: {
    name: 'Mirror discrepancy',
    expression:
      '(X_ij − M_ji) / (X_ij + M_ji): i’s exports to j as i reports them, j’s imports from i as j reports them',
    citation: 'UN Comtrade and OECD bilateral trade asymmetries (mirror statistics)',
    variant:
      'imports are valued c.i.f. and exports f.o.b., so a value a few per cent below zero is expected; timing, partner attribution and confidential lines explain the rest',
  },
  demandScope: {
    name: 'Scope of a published demand figure',
    expression:
      '(A_s / D_s) / w_s: the reporter’s share of the published demand over its share of world exports of s',
    citation: 'consistency check of a published figure against the trade data',
    variant: '10 or more: the demand figure likely covers less than the sector’s HS chapters, and is flagged',
  },
  potential: {
    name: 'Export potential (“lite”)',
    expression:
      'P_s = D_s × w_s, D_s = partner’s import demand in sector (or HS chapter) s, w_s = reporter’s share of world exports in s',
    citation:
      'after ITC’s export potential indicator: Decreux, Y. and Spies, J. (2016), Export Potential Assessments, International Trade Centre',
    variant:
      '“lite”: one year; demand × supply: by HS chapter, HS4 heading and sector from the partner’s imports from the world where the inputs hold them, else by sector from published demand figures; a sector’s is D_s × w_s, not the sum of its chapters’; no projection of supply or demand, no ease-of-trade term (the reporter wins the same share of the partner’s market as of the world’s), no tariff or distance adjustment',
  },
  potentialDemand: {
    name: 'Export potential: demand part',
    expression: 'D_s × W, W = reporter’s share of world exports, all products',
    citation: 'decomposition of P_s = D_s × W + D_s × (w_s − W)',
    variant: 'what the partner’s demand would bring at the reporter’s average share of world exports',
  },
  potentialSupply: {
    name: 'Export potential: supply part',
    expression: 'D_s × (w_s − W) = D_s × W × (RCA_s − 1)',
    citation: 'decomposition of P_s = D_s × W + D_s × (w_s − W)',
    variant: 'what the reporter’s specialisation in the sector adds to (or takes from) the demand part',
  },
  importDemand: {
    name: 'Import demand of the partner (from the data)',
    expression:
      'D_k = partner’s imports from the world in HS chapter (or HS4 heading) k; a sector’s D_s sums its chapters, a heading its HS6 lines where the inputs give no HS4 row',
    citation: 'the partner’s own report (BACI: reconciled flows)',
    variant: 'one year; HS 77, 98, 99 left out',
  },
  marketShareGap: {
    name: 'Market-share gap',
    expression:
      'G_k = (w_k − m_k) × D_k, w_k = X_rw,k / X_ww,k (reporter’s share of world exports), m_k = X_rp,k / M_p,k (its share of the partner’s imports)',
    citation:
      'the reporter’s share of the partner’s imports against its world share: ITC Trade Map market-share definitions',
    variant:
      'equals the untapped potential D_k × w_k − A_k where the partner’s imports from the reporter equal the reporter’s exports to it (as in BACI); c.i.f./f.o.b. and reporting differences make them differ elsewhere',
  },
  untapped: {
    name: 'Untapped export potential (“lite”)',
    expression: 'U_s = P_s − A_s, A_s = reporter’s exports to the partner in sector s',
    citation:
      'after ITC’s export potential indicator: Decreux, Y. and Spies, J. (2016), Export Potential Assessments, International Trade Centre',
    variant:
      'below zero where exports already exceed the potential; sectors, chapters and HS4 headings ranked from the largest; a heading absent from the reporter’s exports to the partner counts as none only where its chapter is itemised in full by heading',
  },
  scenarioExports: {
    name: 'Exports in a rebalancing scenario',
    expression: 'X′ = X + Σ_s max(0, c · D_s − A_s)',
    citation: 'static scenario on the published demand figures',
    variant:
      'capturing c of the partner’s import demand D_s in sector s: exports to the partner in s become c · D_s, or stay as they are if already higher; imports, other sectors and demand unchanged',
  },
  requiredCagr: {
    name: 'Growth needed to reach a target',
    expression: '(Target / V_base)^(1/n) − 1, n = years from the base year to the target year',
    citation: 'endpoint CAGR solved for the target',
    variant:
      'fiscal series: Y read as the fiscal year ending in Y (strictest); also calendar Y (n + 0.75) and the fiscal year starting in Y (n + 1), and from the latest final year',
  },
  projection: {
    name: 'Path at a constant growth rate',
    expression: 'V_latest × (1 + g)^k for k = 1 … n',
    citation: 'compound growth',
  },
  changeSince: {
    name: 'Change over the period',
    expression: 'V_t / V_s − 1, s = an earlier year',
    citation: 'standard growth rate',
  },
  valueChange: {
    name: 'Change in value',
    expression: 'ΔV = V1 − V0',
    citation: 'standard difference',
  },
  unitValue: {
    name: 'Unit value',
    expression: 'UV = Σ v_i / Σ q_i over the lines i with a quantity in one unit (USD per ton, or per unit)',
    citation: 'CEPII BACI and UN Comtrade unit values (value over quantity)',
    variant:
      'never across quantity units; lines without a quantity left out, and the share of value they hold said',
  },
  volumeEffect: {
    name: 'Volume effect of a change in value (Bennet)',
    expression: 'Σ_i (q1_i − q0_i) · (p0_i + p1_i) / 2, p_i = v_i / q_i',
    citation:
      'Bennet, T. L. (1920), The theory of measurement of changes in cost of living, Journal of the Royal Statistical Society 83(3); Balk, B. M. (2008), Price and Quantity Index Numbers, Cambridge University Press',
    variant:
      'over the HS6 lines with a quantity in one unit in both years; volume + price = Σ_i (v1_i − v0_i) exactly (Marshall–Edgeworth weights)',
  },
  priceEffect: {
    name: 'Price effect of a change in value (Bennet)',
    expression: 'Σ_i (p1_i − p0_i) · (q0_i + q1_i) / 2, p_i = v_i / q_i',
    citation:
      'Bennet, T. L. (1920), The theory of measurement of changes in cost of living, Journal of the Royal Statistical Society 83(3); Balk, B. M. (2008), Price and Quantity Index Numbers, Cambridge University Press',
    variant: 'over the same lines as the volume effect; the two add up to their change in value',
  },
  priceVolumeCoverage: {
    name: 'Value covered by the price/volume split',
    expression: '(V0_c + V1_c) / (V0 + V1), c = lines with a quantity in one unit in both years',
    citation: 'share of the two years’ value the split is computed on',
  },
} as const;

export type FormulaId = keyof typeof FORMULAS;
