import { groupBy } from '../core/group.ts';
import type { Indicator } from './types.ts';

interface Index {
  length: number;
  ids: Map<string, Indicator[]>;
  /** By id and the names of the dims asked for: the indicators under their values of those dims. */
  byDims: Map<string, Map<string, Indicator[]>>;
}

/** A list's indicators by id, in list order; rebuilt if the list has grown since. */
const indexes = new WeakMap<readonly Indicator[], Index>();

function indexOf(list: readonly Indicator[]): Index {
  let index = indexes.get(list);
  if (index?.length !== list.length) {
    index = { length: list.length, ids: groupBy(list, (i) => i.id), byDims: new Map() };
    indexes.set(list, index);
  }
  return index;
}

export function withId(list: readonly Indicator[], id: string): readonly Indicator[] {
  return indexOf(list).ids.get(id) ?? [];
}

/** The indicators with this id whose dims include all of `dims`, in list order. */
export function withDims(
  list: readonly Indicator[],
  id: string,
  dims: Record<string, string>,
): readonly Indicator[] {
  const names = Object.keys(dims);
  if (names.length === 0) return withId(list, id);
  const index = indexOf(list);
  const signature = JSON.stringify([id, names]);
  let byValues = index.byDims.get(signature);
  if (!byValues) {
    // JSON keeps a missing dim (null) and a number apart from any string asked for.
    byValues = groupBy(index.ids.get(id) ?? [], (i) => JSON.stringify(names.map((name) => i.dims?.[name])));
    index.byDims.set(signature, byValues);
  }
  return byValues.get(JSON.stringify(names.map((name) => dims[name]))) ?? [];
}
