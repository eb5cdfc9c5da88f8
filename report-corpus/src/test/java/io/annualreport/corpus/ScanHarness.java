package io.annualreport.corpus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.annualreport.extraction.ExtractionLimits;
import io.annualreport.extraction.ScanOcr;
import io.annualreport.extraction.TikaTextExtractor;
import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.template.Edition;
import io.annualreport.parser.ParseHints;
import io.annualreport.parser.ReportParser;

/**
 * Development harness, not a test: scans one generated report as {@link ScanPropertyTest} does and prints every cell
 * not read exactly (unread, doubtful or wrong) with what was read, the identity, and optionally the extracted lines.
 * Arguments: seed, dpi, grey|colour, quality, rotation, [lines|runs]; {@code -Dscan.keep=FILE} keeps the scanned
 * file; {@code -Dscan.container=tiff} writes a multi-page TIFF instead of a PDF; {@code -Dscan.document=FILE} saves
 * what OCR read, or reads it from there if the file exists (to work on the parser); {@code -Docr.text=tesseract} reads
 * the text with Tesseract's Chinese passes instead of PP-OCR (to compare).
 */
public final class ScanHarness {

    private ScanHarness() {
    }

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(args[0]);
        int dpi = Integer.parseInt(args[1]);
        boolean colour = args[2].equals("colour");
        int quality = Integer.parseInt(args[3]);
        double rotation = Double.parseDouble(args[4]);
        GeneratedReport report = new CorpusGenerator(seed).generate(seed % 2 == 0 ? Edition.E2021 : Edition.E2019);
        ScanRenderer.Scan scan = (colour
                ? ScanRenderer.Scan.officeColourWithSeal(dpi)
                : ScanRenderer.Scan.officeGrey(dpi)).with(quality, rotation);
        boolean tiff = "tiff".equals(System.getProperty("scan.container"));
        Path file = Files.createTempFile("scan-" + seed, tiff ? ".tiff" : ".pdf");
        ScanRenderer renderer = new ScanRenderer();
        Files.write(file, tiff
                ? renderer.tiff(renderer.pages(report, Noise.none(), scan, seed), dpi)
                : renderer.pdf(report, Noise.none(), scan, seed));
        TikaTextExtractor extractor = new TikaTextExtractor(new ExtractionLimits(Duration.ofMinutes(30),
                Duration.ofMinutes(10), ExtractionLimits.DEFAULT.maxPages(), ExtractionLimits.DEFAULT.maxBytes()),
                "tesseract".equals(System.getProperty("ocr.text"))
                        ? ScanOcr.tesseractOnly("tesseract", "chi_sim")
                        : new ScanOcr());
        long start = System.nanoTime();
        String saved = System.getProperty("scan.document");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        ExtractedDocument document = saved != null && Files.exists(Path.of(saved))
                ? json.readValue(Path.of(saved).toFile(), ExtractedDocument.class)
                : extractor.extract(file, file.getFileName().toString(), null);
        if (saved != null && !Files.exists(Path.of(saved))) {
            json.writeValue(Path.of(saved).toFile(), document);
        }
        System.out.printf("extracted %d pages in %.1f s%n", document.extraction().pages(),
                (System.nanoTime() - start) / 1e9);
        if (args.length > 5) {
            document.lines().forEach(l -> System.out.printf("p%d y%.1f | %s%n", l.page(), l.y(),
                    args[5].equals("runs") && l.runs() != null
                            ? l.runs().stream().map(r -> r.text() + "@" + Math.round(r.x()) + "-" + Math.round(r.endX())
                                    + "(" + r.confidence() + ")").collect(java.util.stream.Collectors.joining(" | "))
                            : l.text().replace('\t', '|')));
        }
        ParsedReport parsed = new ReportParser().parse(document,
                new ParseHints(SubmittedFileNames.of(report, seed, tiff ? "tiff" : "pdf"), null, null));
        System.out.println("identity: " + parsed.identity().agency() + " " + parsed.identity().year() + " (truth "
                + report.identity().agency() + " " + report.identity().year() + ")");
        int exact = 0;
        for (Map.Entry<String, Cell> truth : report.cells().entrySet()) {
            Cell have = parsed.cells() == null ? null : parsed.cells().get(truth.getKey());
            Cell want = truth.getValue();
            boolean same = have != null && have.semantic() == want.semantic() && (want.value() == null
                    ? have.value() == null
                    : have.value() != null && want.value().compareTo(have.value()) == 0);
            if (have == null) {
                System.out.println("UNREAD   " + truth.getKey() + " want " + want.raw());
            } else if (!have.isCertain()) {
                System.out.println("DOUBTFUL " + truth.getKey() + " want " + want.raw() + " read " + have.raw()
                        + " " + have.doubt());
            } else if (!same) {
                System.out.println("WRONG    " + truth.getKey() + " want " + want.raw() + " read " + have.raw());
            } else {
                exact++;
            }
        }
        System.out.printf("exact %d of %d%n", exact, report.cells().size());
        System.out.println("unread rows: " + parsed.reading());
        String keep = System.getProperty("scan.keep");
        if (keep != null) {
            Files.move(file, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.delete(file);
        }
    }
}
