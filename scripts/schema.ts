// Regenerates schema/config.schema.json from the zod schema (npm run schema); a test keeps it current.
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../src/config/schemaFile.ts';

writeFileSync(new URL('../schema/config.schema.json', import.meta.url), configJsonSchema());
