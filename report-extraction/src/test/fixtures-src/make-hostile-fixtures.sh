#!/usr/bin/env bash
# Writes the hostile files: each name starts with the reason code extraction must end with
# (<REASON>-<description>.<ext>), so tests, including the Kafka integration test, can iterate over them.
# Not run by the build. Needs libreoffice-writer, python3 and a JDK; run from anywhere:
#   report-extraction/src/test/fixtures-src/make-hostile-fixtures.sh
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
FIXTURES=$(cd "$HERE/../resources/fixtures" && pwd)
OUT=$(mkdir -p "$HERE/../resources/hostile" && cd "$HERE/../resources/hostile" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export HOME=$WORK/home
mkdir -p "$HOME"

# Password-protected PDF (LibreOffice's PDF export with an open password).
cp "$FIXTURES/004.html" "$WORK/password.html"
soffice --headless --infilter="HTML (StarWriter)" --convert-to \
    'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}' \
    --outdir "$WORK" "$WORK/password.html" >/dev/null 2>&1 || true  # soffice may exit non-zero on harmless javaldx warnings
cp "$WORK/password.pdf" "$OUT/ENCRYPTED-password.pdf"

# Password-protected DOCX (Office agile encryption, written with Apache POI from the module's test classpath).
if [ -n "${TEST_CLASSPATH:-}" ]; then
    java -cp "$TEST_CLASSPATH" "$HERE/EncryptDocx.java" "$FIXTURES/004.docx" "$OUT/ENCRYPTED-password.docx" secret
else
    echo "TEST_CLASSPATH not set: skipping ENCRYPTED-password.docx" >&2
fi

# Truncated and malformed files.
head -c 4000 "$FIXTURES/001.pdf" > "$OUT/CORRUPT-truncated.pdf"
head -c 6000 "$FIXTURES/001.docx" > "$OUT/CORRUPT-truncated.docx"
{ printf '%%PDF-1.7\n'; head -c 20000 /dev/urandom; } > "$OUT/CORRUPT-garbage.pdf"

python3 - "$FIXTURES" "$OUT" <<'PY'
import sys, zipfile, pathlib, zlib
fixtures, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])

# A DOCX zip bomb: document.xml padded with 200 MB of spaces, which deflate to ~200 KB.
with zipfile.ZipFile(fixtures / "004.docx") as src, \
        zipfile.ZipFile(out / "TOO_LARGE-zipbomb.docx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
    for item in src.infolist():
        data = src.read(item.filename)
        if item.filename == "word/document.xml":
            head, sep, rest = data.partition(b"?>")
            dst.writestr(item, head + sep + b" " * (200 << 20) + rest)
        else:
            dst.writestr(item, data)

# A PDF over the page cap (600 pages > 500), every page sharing one tiny content stream.
def pdf(pages, content=b"BT /F1 12 Tf 72 720 Td (page) Tj ET", compress=False):
    stream = zlib.compress(content, 9) if compress else content
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Length %d%s >>\nstream\n" % (len(stream), b" /Filter /FlateDecode" if compress else b"")
               + stream + b"\nendstream"]
    kids = []
    for _ in range(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % pages
    body, offsets = b"%PDF-1.4\n", []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return body

(out / "TOO_LARGE-600-pages.pdf").write_bytes(pdf(600))
# A valid PDF that takes far longer to read than a test budget of a few seconds: 120 pages (under the page cap)
# sharing one compressed content stream of 96,000 tiny glyphs (800 lines of 120), 11.5 million glyphs in all, in a
# 20 KB file (about a minute of PDFBox on a loaded machine). Tests that use it set a low document budget.
lines = b"".join(b"1 0 0 1 5 %d Tm " % (r + 1) + b"(0123456789ABCDEFGHIJ) Tj " * 6 for r in range(800))
(out / "TIMEOUT-11-million-glyphs.pdf").write_bytes(pdf(120, content=b"BT /F1 1 Tf " + lines + b" ET", compress=True))
# A PDF whose only page is blank: nothing to read and nothing to OCR.
(out / "NO_TEXT-blank-page.pdf").write_bytes(pdf(1, content=b""))

# HTML nested 30,000 elements deep.
(out / "TOO_LARGE-nested.html").write_bytes(
    b"<html><body>" + b"<b>" * 30000 + "政府信息公开".encode() + b"</b>" * 30000 + b"</body></html>")
# HTML with markup and no text.
(out / "NO_TEXT-empty-body.html").write_text(
    '<html><head><meta charset="utf-8"><title></title></head><body><div><p> </p><table><tr><td></td></tr>'
    '</table></div></body></html>', encoding="utf-8")

# A zip archive is not a report format.
with zipfile.ZipFile(out / "UNSUPPORTED_TYPE-archive.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("report.txt", "政府信息公开工作年度报告")
PY
ls -l "$OUT"
