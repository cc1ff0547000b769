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
