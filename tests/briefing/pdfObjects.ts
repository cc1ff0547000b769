import { tool } from '../helpers.ts';

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

/** A PDF's objects as qpdf reads them (JSON v2): references are "N 0 R", names "/Name", text "u:…". */
export class PdfObjects {
  private readonly objects: Record<string, { value?: Value; stream?: { dict: Value } }>;

  constructor(file: string) {
    const json = JSON.parse(tool('qpdf', ['--json=2', '--json-key=qpdf', file])) as {
      qpdf: [unknown, Record<string, { value?: Value; stream?: { dict: Value } }>];
    };
    this.objects = json.qpdf[1];
  }

  /** The value of a reference, or the value itself when it is not one. */
  resolve(value: Value | undefined): Value | undefined {
    if (typeof value === 'string' && /^\d+ \d+ R$/.test(value)) {
      const object = this.objects[`obj:${value}`];
      return object?.value ?? object?.stream?.dict;
    }
    return value;
  }

  dict(value: Value | undefined): Record<string, Value> {
    const resolved = this.resolve(value);
    return resolved && typeof resolved === 'object' && !Array.isArray(resolved) ? resolved : {};
  }

  get catalog(): Record<string, Value> {
    return this.dict(this.dict(this.objects.trailer?.value)['/Root']);
  }
}

/** Text of a PDF string as qpdf writes it: "u:…" for text strings. */
export function text(value: Value | undefined): string {
  return typeof value === 'string' ? value.replace(/^u:/, '') : '';
}

export interface StructNode {
  type: string;
  title: string;
  alt: string;
  attributes: Record<string, Value>;
  children: StructNode[];
}

/** The structure tree under StructTreeRoot, in reading order; marked content leaves are dropped. */
export function structTree(pdf: PdfObjects): StructNode[] {
  const walk = (value: Value | undefined): StructNode[] => {
    const resolved = pdf.resolve(value);
    if (Array.isArray(resolved)) return resolved.flatMap((v) => walk(v));
    const dict = pdf.dict(value);
    if (typeof dict['/S'] !== 'string') return [];
    return [
      {
        type: String(dict['/S']).replace(/^\//, ''),
        title: text(dict['/T']),
        alt: text(dict['/Alt']),
        attributes: pdf.dict(dict['/A']),
        children: walk(dict['/K']),
      },
    ];
  };
  return walk(pdf.dict(pdf.catalog['/StructTreeRoot'])['/K']);
}

/** Every node of a tree, depth first (reading order). */
export function flatten(nodes: StructNode[]): StructNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

/** Outline titles depth first, each with its depth: the bookmarks as a reader's panel lists them. */
export function outline(pdf: PdfObjects): { title: string; depth: number }[] {
  const items: { title: string; depth: number }[] = [];
  const walk = (first: Value | undefined, depth: number) => {
    for (let item = pdf.dict(first); Object.keys(item).length > 0; item = pdf.dict(item['/Next'])) {
      items.push({ title: text(item['/Title']), depth });
      walk(item['/First'], depth + 1);
    }
  };
  walk(pdf.dict(pdf.catalog['/Outlines'])['/First'], 0);
  return items;
}
