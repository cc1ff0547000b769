/** The keys of a config (as dotted paths: "names.CHN.native") whose text holds any of `characters`. */
export function keysHolding(value: unknown, characters: string[], path = ''): string[] {
  if (typeof value === 'string') return characters.some((c) => value.includes(c)) ? [path] : [];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    keysHolding(inner, characters, path ? `${path}.${key}` : key),
  );
}
