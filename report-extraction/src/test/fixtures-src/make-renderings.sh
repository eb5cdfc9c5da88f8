#!/usr/bin/env bash
# Renders the five seed reports the way reports reach the pipeline in practice, for the reading tests: office scans
# and markdown made by OCR/LLM tools. Not run by the build: run it by hand after changing a seed or a fixture, then
# commit the results. The Word 97 renderings are the NNN.doc files of make-fixtures.sh (LibreOffice "MS Word 97").
#
#   apt-get install -y --no-install-recommends poppler-utils img2pdf python3-pil
#   report-extraction/src/test/fixtures-src/make-renderings.sh [SEEDS_DIR] [FIXTURES_DIR]
#   PYTHON=/usr/bin/python3 ...   # a Python that has Pillow (Debian's python3-pil)
#
# Writes under FIXTURES_DIR/renderings:
#   NNN-scan150.pdf / NNN-scan200.pdf  the LibreOffice PDF NNN.pdf rasterised with pdftoppm in grey at 150 dpi (seeds
#                                      000, 002, 004) or 200 dpi (001, 003), each page turned by a slight angle
#                                      (0.4°–0.9°, alternating), light noise, saved as JPEG quality 70 and wrapped by
#                                      img2pdf: an image-only PDF as an office scanner's grey mode makes it.
#   NNN-llm.md                         the seed as a PDF-to-markdown tool with an LLM emits it: a junk header table of
#                                      page metadata, headings as ##, every table as a pipe table with generic column
#                                      names (项目, 数据1…数据N), placeholder rows of "-", the sub-table captions of
#                                      T2 (第二十条第（一）项) as bold lines, T3's header rows dropped, and T4 split into
#                                      three small tables (行政复议, 未经复议直接起诉, 复议后起诉).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
SEEDS=$(cd "${1:-$HERE/../../../../samples/seeds}" && pwd)
FIXTURES=$(cd "${2:-$HERE/../resources/fixtures}" && pwd)
OUT="$FIXTURES/renderings"
PYTHON=${PYTHON:-python3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

# 1. Grey JPEG scans.
for n in 000 001 002 003 004; do
    case $n in 001|003) dpi=200 ;; *) dpi=150 ;; esac
    rm -f "$WORK"/page-*
    pdftoppm -r "$dpi" -gray -png "$FIXTURES/$n.pdf" "$WORK/page"
    "$PYTHON" - "$dpi" "$WORK"/page-*.png <<'PY'
import random, sys
from PIL import Image, ImageFilter
dpi = int(sys.argv[1])
random.seed(7)
for i, png in enumerate(sys.argv[2:]):
    page = Image.open(png).convert("L")
    angle = (0.4 + 0.5 * random.random()) * (1 if i % 2 == 0 else -1)
    page = page.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    noise = Image.effect_noise(page.size, 12).convert("L")
    page = Image.blend(page, noise, 0.06).filter(ImageFilter.GaussianBlur(0.3))
    page.save(png[:-4] + ".jpg", "JPEG", quality=70, dpi=(dpi, dpi))
PY
    img2pdf "$WORK"/page-*.jpg -o "$OUT/$n-scan$dpi.pdf"
done

# 2. LLM-style markdown.
"$PYTHON" - "$SEEDS" "$OUT" <<'PY'
import pathlib, re, sys
seeds, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
NUMBER = re.compile(r"^[+-]?\d[\d,.]*$|^[/—-]+$")

def is_value(cell):
    return bool(NUMBER.match(cell.strip()))

def pipe(cells):
    return "| " + " | ".join(cells) + " |"

def table(rows, placeholder):
    """rows: lists of cells. Label cells are joined into one 项目 cell, values follow; generic headers. A row that
    names a sub-table (第二十条第（一）项) becomes a bold line between small tables, as the tools print captions."""
    out, body = [], []
    def emit():
        if not body:
            return
        width = max(len(r) for r in body)
        out.append(pipe(["项目"] + ["数据%d" % i for i in range(1, width)]))
        out.append(pipe(["---"] * width))
        if placeholder:
            out.append(pipe(["-"] * width))
        for r in body:
            out.append(pipe(r + [""] * (width - len(r))))
        out.append("")
        body.clear()
    for row in rows:
        cells = [c.strip() for c in row]
        labels = [c for c in cells if c and not is_value(c)]
        values = [c for c in cells if is_value(c)]
        if not values:
            if any("第二十条" in c for c in labels):
                emit()
                out.append("**%s**" % " ".join(labels))
                out.append("")
            continue  # other header rows of the printed table: a tool keeps only its own generic header
        body.append([" ".join(labels) or "-"] + values)
    emit()
    return out

for seed in sorted(seeds.glob("*.txt")):
    number = seed.name.split("_")[0]
    lines = seed.read_text(encoding="utf-8").splitlines()
    md = ["| 索引号 | 11410000-2024-%s | 发布机构 | 政务公开办 |" % number,
          "| --- | --- | --- | --- |",
          "| 生成日期 | 2024-03-28 | 文号 | 无 |", ""]
    block, tables_seen = [], 0

    def flush():
        global tables_seen
        if not block:
            return
        rows = [l.split("\t") for l in block]
        flat = [c for r in rows for c in r]
        if any("复议后起诉" in c for c in flat):
            data = max(rows, key=lambda r: sum(1 for c in r if is_value(c)))  # the data row, not header noise
            numbers = [c.strip() for c in data if is_value(c)]
            for title, part in zip(("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"),
                                   (numbers[0:5], numbers[5:10], numbers[10:15])):
                md.append("**%s**" % title)
                md.append("")
                md.append(pipe(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]))
                md.append(pipe(["---"] * 5))
                md.append(pipe(part))
                md.append("")
        else:
            md.extend(table(rows, placeholder=tables_seen % 2 == 0))
        tables_seen += 1
        block.clear()

    for line in lines:
        if "\t" in line:
            block.append(line)
            continue
        flush()
        text = line.strip().lstrip("#").strip()
        if not text:
            continue
        if re.match(r"^[一二三四五六七八]、", text) and len(text) < 40:
            md.append("## " + text)
        else:
            md.append(text)
        md.append("")
    flush()
    (out / f"{number}-llm.md").write_text("\n".join(md) + "\n", encoding="utf-8")
PY

ls -l "$OUT"
du -sh "$OUT"
