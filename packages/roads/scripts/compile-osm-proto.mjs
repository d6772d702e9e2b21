// Compiles proto/osm-pbf.proto with the `pbf` compiler into src/generated/osm-pbf.js (+ .d.ts):
// the reader and writer of the OSM PBF messages. Run by this package's build (npm run build).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRaw } from 'pbf/compile';
import { resolve } from 'pbf/resolve';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = resolve(join(pkg, 'proto', 'osm-pbf.proto'));
const out = join(pkg, 'src', 'generated');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'osm-pbf.js'), compileRaw(schema));
writeFileSync(join(out, 'osm-pbf.d.ts'), compileRaw(schema, { dts: true }));
console.log(`compiled ${join(out, 'osm-pbf.js')}`);
