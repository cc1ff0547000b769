import { z } from 'zod';
import { configSchema } from './schema.ts';

/** The JSON Schema of the config, for editors: generated from the zod schema, never written by hand. */
export function configJsonSchema(): string {
  const schema = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'tradebrief config' }, null, 2)}\n`;
}
