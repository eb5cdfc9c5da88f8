package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.annualreport.model.event.FailureReason;

class ScanOcrTest {

    @TempDir
    Path dir;

    @Test
    void shouldKillTheOcrProcessWhenThePageBudgetEnds() throws Exception {
        // Given: a "tesseract" that lists chi_sim and then never finishes a page
        Path marker = dir.resolve("started");
        Path fake = dir.resolve("tesseract");
        Files.writeString(fake, "#!/bin/sh\nif [ \"$1\" = --list-langs ]; then echo chi_sim; exit 0; fi\n"
                + "echo $$ > " + marker + "\nexec sleep 600\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        ScanOcr ocr = ScanOcr.tesseractOnly(fake.toString(), "chi_sim");
        BufferedImage page = new BufferedImage(200, 100, BufferedImage.TYPE_BYTE_GRAY);

        // When
        ExtractionException failure = catchThrowableOfType(ExtractionException.class,
                () -> ocr.read(page, 300f, Duration.ofSeconds(2)));

        // Then
        assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
        long pid = Long.parseLong(Files.readString(marker).strip());
        java.util.Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isPresent()) {
            // Killed processes end at once; a process left running would still be sleeping after this bound.
            process.get().onExit().get(60, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void shouldStopWaitingForTheOcrProcessAtTheDocumentDeadline() throws Exception {
        // Given
        Path fake = dir.resolve("tesseract");
        Files.writeString(fake, "#!/bin/sh\nif [ \"$1\" = --list-langs ]; then echo chi_sim; exit 0; fi\n"
                + "exec sleep 600\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        ScanOcr ocr = ScanOcr.tesseractOnly(fake.toString(), "chi_sim");
        BufferedImage page = new BufferedImage(200, 100, BufferedImage.TYPE_BYTE_GRAY);
        Interruption.startBudget(System.nanoTime() + Duration.ofMillis(300).toNanos());

        // When
        ExtractionException failure;
        try {
            failure = catchThrowableOfType(ExtractionException.class,
                    () -> ocr.read(page, 300f, Duration.ofMinutes(10)));
        } finally {
            Interruption.endBudget();
        }

        // Then
        assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(failure.getMessage()).contains("document budget");
    }

    @Test
    void shouldGiveATinyWordTheHeightOfItsRow() {
        // Given: 一 (a flat box) and 本 on one line, 300 dpi pixels
        List<String> tsv = List.of("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight"
                + "\tconf\ttext", "5\t1\t1\t1\t1\t1\t100\t120\t40\t4\t90\t一",
                "5\t1\t1\t1\t1\t2\t150\t100\t44\t46\t90\t本", "5\t1\t1\t1\t1\t3\t200\t100\t44\t46\t90\t年");

        // When
        List<Glyph> words = ScanOcr.parseTsv(tsv, 72f / 300f);

        // Then
        assertThat(words).extracting(Glyph::text).containsExactly("一", "本", "年");
        assertThat(words.get(0).baseline()).isEqualTo(words.get(1).baseline());
        assertThat(words.get(0).size()).isEqualTo(words.get(1).size());
    }

    /**
     * A fake tesseract: the page pass (psm 11) reads "口" in the cell at one confidence, the cell pass (psm 6, a list
     * of cell images) reads "日" at another near the top left of the enlarged cell image.
     */
    private ScanOcr fakeReading(String pageConfidence, String cellConfidence) throws Exception {
        String header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";
        Path fake = dir.resolve("tesseract");
        Files.writeString(fake, "#!/bin/sh\nif [ \"$1\" = --list-langs ]; then echo chi_sim; exit 0; fi\n"
                + "case \"$*\" in *\"--psm 11\"*) printf '" + header + "\\n5\\t1\\t1\\t1\\t1\\t1\\t230\\t180"
                + "\\t40\\t40\\t" + pageConfidence + "\\t口\\n' ;;\n"
                + "*) printf '" + header + "\\n5\\t1\\t1\\t1\\t1\\t1\\t64\\t64\\t80\\t80\\t" + cellConfidence
                + "\\t日\\n' ;;\n"
                + "esac\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        return ScanOcr.tesseractOnly(fake.toString(), "chi_sim");
    }

    @Test
    void shouldReplaceADoubtfulWordByTheMoreConfidentReadingOfItsCellAlone() throws Exception {
        // Given: the cell between borders x 100..400, y 100..300 of a 300 dpi page
        ScanOcr ocr = fakeReading("30", "90");
        RulingEraser.Erased erased = RulingEraser.erase(pageWithOneCell(), 300f);

        // When
        List<Glyph> words = ocr.read(erased.image(), 300f, Duration.ofMinutes(1), erased.cells());

        // Then: the cell's word, moved back from the enlarged, padded crop into the cell (in points)
        assertThat(words).extracting(Glyph::text).containsExactly("日");
        float x = words.get(0).x() * 300f / 72f;
        assertThat(x).isBetween(100f, 400f);
        float expected = 100f + (64 - ScanOcr.CELL_PADDING) / (float) ScanOcr.CELL_SCALE;
        assertThat(x).isCloseTo(expected, org.assertj.core.data.Offset.offset(6f));
    }

    @Test
    void shouldKeepThePageReadingWhenItIsMoreConfidentThanTheCellReading() throws Exception {
        // Given: a doubtful word (65) whose cell, read alone, comes out less confident (50)
        ScanOcr ocr = fakeReading("65", "50");
        RulingEraser.Erased erased = RulingEraser.erase(pageWithOneCell(), 300f);

        // When
        List<Glyph> words = ocr.read(erased.image(), 300f, Duration.ofMinutes(1), erased.cells());

        // Then
        assertThat(words).extracting(Glyph::text).containsExactly("口");
    }

    @Test
    void shouldKeepThePageReadingOfAWordOutsideAnyTable() throws Exception {
        // Given
        ScanOcr ocr = fakeReading("30", "90");
        BufferedImage blank = new BufferedImage(500, 400, BufferedImage.TYPE_BYTE_GRAY);

        // When
        List<Glyph> words = ocr.read(blank, 300f, Duration.ofMinutes(1), TableCells.NONE);

        // Then
        assertThat(words).extracting(Glyph::text).containsExactly("口");
    }

    @Test
    void shouldKeepThePageReadingWhenTheCellReadingLosesCharactersReadWithConfidence() throws Exception {
        // Given: the page pass reads 口 (doubtful) and 田 目 (confident) in the cell; the cell alone gives only 日 at 90
        String header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";
        Path fake = dir.resolve("tesseract");
        Files.writeString(fake, "#!/bin/sh\nif [ \"$1\" = --list-langs ]; then echo chi_sim; exit 0; fi\n"
                + "case \"$*\" in *\"--psm 11\"*) printf '" + header
                + "\\n5\\t1\\t1\\t1\\t1\\t1\\t130\\t180\\t40\\t40\\t30\\t口"
                + "\\n5\\t1\\t1\\t1\\t1\\t2\\t180\\t180\\t40\\t40\\t95\\t田"
                + "\\n5\\t1\\t1\\t1\\t1\\t3\\t230\\t180\\t40\\t40\\t95\\t目\\n' ;;\n"
                + "*) printf '" + header + "\\n5\\t1\\t1\\t1\\t1\\t1\\t64\\t64\\t80\\t80\\t90\\t日\\n' ;;\n"
                + "esac\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        ScanOcr ocr = ScanOcr.tesseractOnly(fake.toString(), "chi_sim");
        RulingEraser.Erased erased = RulingEraser.erase(pageWithOneCell(), 300f);

        // When
        List<Glyph> words = ocr.read(erased.image(), 300f, Duration.ofMinutes(1), erased.cells());

        // Then
        assertThat(words).extracting(Glyph::text).containsExactlyInAnyOrder("口", "田", "目");
    }

    @Test
    void shouldKeepThePageReadingWhenTheCellPassFails() throws Exception {
        // Given: a tesseract that reads the page (a doubtful word) and fails on the list of cells
        String header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";
        Path fake = dir.resolve("tesseract");
        Files.writeString(fake, "#!/bin/sh\nif [ \"$1\" = --list-langs ]; then echo chi_sim; exit 0; fi\n"
                + "case \"$*\" in *\"--psm 11\"*) printf '" + header + "\\n5\\t1\\t1\\t1\\t1\\t1\\t230\\t180"
                + "\\t40\\t40\\t30\\t口\\n' ;;\n*) exit 3 ;;\nesac\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        ScanOcr ocr = ScanOcr.tesseractOnly(fake.toString(), "chi_sim");
        RulingEraser.Erased erased = RulingEraser.erase(pageWithOneCell(), 300f);

        // When
        List<Glyph> words = ocr.read(erased.image(), 300f, Duration.ofMinutes(1), erased.cells());

        // Then
        assertThat(words).extracting(Glyph::text).containsExactly("口");
    }

    private static BufferedImage pageWithOneCell() {
        BufferedImage page = new BufferedImage(1000, 800, BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = page.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 1000, 800);
        g.setColor(java.awt.Color.BLACK);
        g.fillRect(100, 100, 302, 2);
        g.fillRect(100, 300, 302, 2);
        g.fillRect(100, 100, 2, 202);
        g.fillRect(400, 100, 2, 202);
        g.dispose();
        return page;
    }
}
