import { toTradeNumeric, WORLD } from '../core/countries.ts';

/**
 * Comtrade numbers areas by its own table (files/v1/app/reference/Reporters.json): ISO 3166 numeric
 * except India 699, France 251, Norway 579, Switzerland 757 and the USA 842 (core/countries.ts), and
 * Taiwan, which it reports as "Other Asia, nes" (490, ISO3 "S19").
 */
const COMTRADE_ONLY: Record<string, number> = { TWN: 490 };

/** An area as the API asks for it and as the user named it. */
export interface Area {
  iso3: string;
  code: number;
}

export const WORLD_AREA: Area = { iso3: WORLD, code: 0 };

export function comtradeArea(iso3: string): Area | undefined {
  const code = COMTRADE_ONLY[iso3] ?? toTradeNumeric(iso3);
  return code === undefined ? undefined : { iso3, code };
}
