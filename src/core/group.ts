/**
 * The items under their key, the keys in the order first met and each group in the items' order.
 * Groups grow in place: copying a group for each item made grouping thousands of rows quadratic.
 */
export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * The items grouped by the values of several of their text fields, in the order first met, as `groupBy`
 * with a key joined from them would give: without making a key for each item, and without two values
 * joined alike ("a|b" + "c" and "a" + "b|c") ever meeting.
 */
export function groupByFields<T, K extends keyof T>(items: Iterable<T>, fields: readonly K[]): T[][] {
  const root = new Map<unknown, unknown>();
  const groups: T[][] = [];
  const last = fields.length - 1;
  for (const item of items) {
    let level = root;
    for (let i = 0; i < last; i++) {
      const value = item[fields[i] as K];
      let next = level.get(value) as Map<unknown, unknown> | undefined;
      if (!next) {
        next = new Map();
        level.set(value, next);
      }
      level = next;
    }
    const value = item[fields[last] as K];
    const group = level.get(value) as T[] | undefined;
    if (group) group.push(item);
    else {
      const made = [item];
      level.set(value, made);
      groups.push(made);
    }
  }
  return groups;
}
