#!/usr/bin/env bash
# Renders the shared seed reports into the formats agencies publish, with Debian's real tools.
# Not run by the build: run it by hand after changing a seed, then commit the results.
#
#   apt-get install -y --no-install-recommends libreoffice-writer fonts-noto-cjk poppler-utils img2pdf python3 \
#       python3-pil
#   report-extraction/src/test/fixtures-src/make-fixtures.sh [SEEDS_DIR] [OUT_DIR]
#   SCANS_ONLY=1 make-fixtures.sh   # re-make only the scans from the committed NNN.pdf
#   PYTHON=/usr/bin/python3 ...      # a Python that has Pillow (Debian's python3-pil), for the CCITT step
#
# For every seed NNN_*.txt it writes, under OUT_DIR:
#   NNN.html (UTF-8, charset declared), NNN.docx, NNN.doc, NNN.pdf (LibreOffice Writer),
#   and for the seeds listed in SCANNED, NNN-scanned.pdf (pages rasterised with pdftoppm, wrapped by img2pdf).
# For seed 000 it also writes the encodings agencies use: HTML in GBK / GB2312 / GB18030 with a charset,
# HTML in GBK without one, text in UTF-8 / GB18030 / UTF-16 with BOM, and Markdown.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
SEEDS=$(cd "${1:-$HERE/../../../../samples/seeds}" && pwd)
OUT=$(mkdir -p "${2:-$HERE/../resources/fixtures}" && cd "${2:-$HERE/../resources/fixtures}" && pwd)
SCANNED=${SCANNED:-"000 003"}
PYTHON=${PYTHON:-python3}
SCAN_DPI=${SCAN_DPI:-300}
SCAN_THRESHOLD=${SCAN_THRESHOLD:-160}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export HOME=$WORK/home
mkdir -p "$HOME" "$OUT" "$WORK/html"

if [ -z "${SCANS_ONLY:-}" ]; then
# 1. Seed text to HTML: markdown headings become <hN>, runs of tab-separated lines become one bordered table.
python3 - "$SEEDS" "$WORK/html" <<'PY'
import html, pathlib, re, sys
seeds, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for seed in sorted(seeds.glob("*.txt")):
    number = seed.name.split("_")[0]
    body, table = [], []
    def flush():
        if table:
            body.append('<table border="1" cellspacing="0">')
            for row in table:
                body.append("<tr>" + "".join(f"<td>{html.escape(c.strip())}</td>" for c in row) + "</tr>")
            body.append("</table>")
            table.clear()
    for line in seed.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            table.append(line.rstrip("\n").split("\t"))
            continue
        flush()
        m = re.match(r"^(#{1,6})\s*(.*)$", line)
        if m:
            level = len(m.group(1))
            body.append(f"<h{level}>{html.escape(m.group(2))}</h{level}>")
        elif line.strip():
            body.append(f"<p>{html.escape(line.strip())}</p>")
    flush()
    page = ('<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
            f'<title>{number}</title></head><body>\n' + "\n".join(body) + "\n</body></html>\n")
    (out / f"{number}.html").write_text(page, encoding="utf-8")
PY

cd "$WORK/html"
cp ./*.html "$OUT/"
# 2. LibreOffice Writer renders DOCX, DOC and PDF (fonts-noto-cjk embedded as subsets).
soffice --headless --infilter="HTML (StarWriter)" --convert-to docx:"MS Word 2007 XML" --outdir "$OUT" ./*.html >/dev/null
soffice --headless --infilter="HTML (StarWriter)" --convert-to doc:"MS Word 97" --outdir "$OUT" ./*.html >/dev/null
soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$OUT" ./*.html >/dev/null

fi

# 3. Scans, as an office scanner makes them in black-and-white mode: 300 dpi grey, thresholded (not dithered, so the
#    grey table borders LibreOffice draws become solid lines, not dot patterns), each page a CCITT G4 image (about
#    90 KB a page) wrapped by img2pdf into an image-only PDF (no fonts, no text layer). 300 dpi is what OCR needs for
#    the 9 pt text of table cells; at 150 dpi Tesseract misreads most T3 labels.
scan_pages() { # PDF FIRST LAST OUT_PREFIX EXTENSION(tif|png)
    pdftoppm -r "$SCAN_DPI" -gray -png -f "$2" -l "$3" "$1" "$4"
    "$PYTHON" - "$SCAN_DPI" "$5" "$SCAN_THRESHOLD" "$4"-*.png <<'PY'
import sys
from PIL import Image
dpi, extension, threshold = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
for png in sys.argv[4:]:
    page = Image.open(png).convert("L").point(lambda v: 255 if v >= threshold else 0).convert("1", dither=Image.NONE)
    if extension == "tif":
        page.save(png[:-4] + ".tif", compression="group4", dpi=(dpi, dpi))
    else:
        page.save(png[:-4] + ".bw.png", optimize=True, dpi=(dpi, dpi))
PY
}
for n in $SCANNED; do
    rm -f "$WORK"/page-*
    scan_pages "$OUT/$n.pdf" 1 9999 "$WORK/page" tif
    img2pdf "$WORK"/page-*.tif -o "$OUT/$n-scanned.pdf"
done
# One page as a bare image, the way some agencies upload a photographed table: page 2 of 000 (the T3 table) as a
# 1-bit PNG, named NNN-pageP.png.
rm -f "$WORK"/page-*
scan_pages "$OUT/000.pdf" 2 2 "$WORK/page" png
cp "$WORK"/page-*.bw.png "$OUT/000-page2.png"
[ -n "${SCANS_ONLY:-}" ] && { ls -l "$OUT"/*-scanned.pdf "$OUT"/*.png; exit 0; }

# 4. Encodings of seed 000.
SEED0=$(ls "$SEEDS"/000_*.txt)
sed 's/charset=utf-8/charset=gbk/' 000.html | iconv -f UTF-8 -t GBK > "$OUT/000-gbk.html"
sed 's/charset=utf-8/charset=gb2312/' 000.html | iconv -f UTF-8 -t GB18030 > "$OUT/000-gb2312.html"
sed 's/charset=utf-8/charset=gb18030/' 000.html | iconv -f UTF-8 -t GB18030 > "$OUT/000-gb18030.html"
sed 's/<meta http-equiv="Content-Type" content="text\/html; charset=utf-8">//' 000.html | iconv -f UTF-8 -t GBK \
    > "$OUT/000-gbk-undeclared.html"
cp "$SEED0" "$OUT/000-utf8.txt"
iconv -f UTF-8 -t GB18030 "$SEED0" > "$OUT/000-gb18030.txt"
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$SEED0"; } > "$OUT/000-utf16bom.txt"
cp "$(ls "$SEEDS"/003_*.txt)" "$OUT/003.md"

# 5. The blank official 2021 template (merged cells everywhere) as Word 97, for the DOC table reader.
TEMPLATES=$(mkdir -p "$OUT/../templates" && cd "$OUT/../templates" && pwd)
cp "$SEEDS/../real/政务公开年报模版.docx" "$WORK/template-2021.docx"
soffice --headless --convert-to doc:"MS Word 97" --outdir "$TEMPLATES" "$WORK/template-2021.docx" >/dev/null || true

ls -l "$OUT" "$TEMPLATES"
