import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printClientSchema, printGatewaySchema } from './index';

for (const [file, print] of [
  ['schema.graphql', printGatewaySchema],
  ['schema.client.graphql', printClientSchema],
] as const) {
  const target = fileURLToPath(new URL(`../../${file}`, import.meta.url));
  writeFileSync(target, print());
  console.log(`wrote ${target}`);
}
