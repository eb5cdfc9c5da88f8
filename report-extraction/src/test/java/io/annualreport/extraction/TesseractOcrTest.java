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

class TesseractOcrTest {

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
        TesseractOcr ocr = new TesseractOcr(fake.toString(), "chi_sim");
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
        TesseractOcr ocr = new TesseractOcr(fake.toString(), "chi_sim");
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
        List<Glyph> words = TesseractOcr.parseTsv(tsv, 72f / 300f);

        // Then
        assertThat(words).extracting(Glyph::text).containsExactly("一", "本", "年");
        assertThat(words.get(0).baseline()).isEqualTo(words.get(1).baseline());
        assertThat(words.get(0).size()).isEqualTo(words.get(1).size());
    }
}
