import type { Indicator } from './types.ts';

/** A list's indicators by id, in list order; rebuilt if the list has grown since. */
const byId = new WeakMap<readonly Indicator[], { length: number; ids: Map<string, Indicator[]> }>();

export function withId(list: readonly Indicator[], id: string): readonly Indicator[] {
  let index = byId.get(list);
  if (index?.length !== list.length) {
    const ids = new Map<string, Indicator[]>();
    for (const i of list) {
      const same = ids.get(i.id);
      if (same) same.push(i);
      else ids.set(i.id, [i]);
    }
    index = { length: list.length, ids };
    byId.set(list, index);
  }
  return index.ids.get(id) ?? [];
}
