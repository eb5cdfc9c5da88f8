package io.annualreport.ingest.intake;

import static io.annualreport.ingest.HostileZips.entries;
import static io.annualreport.ingest.HostileZips.write;
import static io.annualreport.ingest.HostileZips.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.annualreport.ingest.HostileZips;

class ZipExpanderTest {

    private static final int MIB = 1 << 20;

    @TempDir
    Path dir;

    private final ZipExpander expander = new ZipExpander(50L * MIB, 10, 200L * MIB, 100);

    @Test
    void shouldUnpackEachEntryWithItsSanitisedNameAndSkipFoldersAndMacClutter() throws Exception {
        // Given
        Path archive = write(dir, "bulk.zip", zip(entries(
                "2023/郑州市惠济区2023年政府信息公开工作年度报告.txt", "一、总体情况",
                "__MACOSX/2023/._郑州市惠济区2023年政府信息公开工作年度报告.txt", "junk",
                "report2.txt", "二、主动公开政府信息情况")));
        Path scratch = Files.createDirectory(dir.resolve("scratch"));
        // When
        List<Upload> files = expander.expand(archive, "bulk.zip", scratch);
        // Then
        assertThat(files).extracting(Upload::fileName)
                .containsExactly("郑州市惠济区2023年政府信息公开工作年度报告.txt", "report2.txt");
        assertThat(Files.readString(files.get(1).file())).isEqualTo("二、主动公开政府信息情况");
        assertThat(files).allSatisfy(f -> assertThat(f.file()).startsWith(scratch));
    }

    @Test
    void shouldReadGbkEntryNamesOfZipsMadeOnChineseWindows() {
        // Given: GB18030 names without the UTF-8 flag
        Path archive = write(dir, "gbk.zip",
                zip(entries("惠济区2022年报.txt", "一、总体情况"), Charset.forName("GB18030")));
        // When
        List<Upload> files = expander.expand(archive, "gbk.zip", dir);
        // Then
        assertThat(files).extracting(Upload::fileName).containsExactly("惠济区2022年报.txt");
    }

    @Test
    void shouldRefuseZipSlipPathsNamingTheEntry() {
        // Given
        Path archive = write(dir, "slip.zip", zip(entries("ok.txt", "一、总体情况", "../../etc/cron.d/evil.txt", "x")));
        // When
        IntakeRefusedException e = refusal(archive);
        // Then
        assertThat(e.refusal()).isEqualTo(IntakeRefusal.ZIP_UNSAFE_PATH);
        assertThat(e.getMessage()).contains("../../etc/cron.d/evil.txt").contains("slip.zip");
    }

    @Test
    void shouldRefuseAbsoluteAndDriveLetterPaths() {
        assertThat(ZipExpander.isUnsafePath("/etc/passwd")).isTrue();
        assertThat(ZipExpander.isUnsafePath("C:\\Windows\\win.ini")).isTrue();
        assertThat(ZipExpander.isUnsafePath("a\\..\\..\\b.txt")).isTrue();
        assertThat(ZipExpander.isUnsafePath("2023/报告..final.pdf")).isFalse();
    }

    @Test
    void shouldRefuseNestedArchivesNamingTheEntry() {
        // Given
        byte[] inner = zip(entries("a.txt", "一、总体情况"));
        Path archive = write(dir, "outer.zip", zip(entries("reports/inner.zip", inner)));
        // When
        IntakeRefusedException e = refusal(archive);
        // Then
        assertThat(e.refusal()).isEqualTo(IntakeRefusal.ZIP_NESTED_ARCHIVE);
        assertThat(e.getMessage()).contains("reports/inner.zip");
    }

    @Test
    void shouldRefuseEncryptedEntriesNamingTheEntry() {
        // Given
        Path archive = write(dir, "locked.zip",
                HostileZips.markEncrypted(zip(entries("机密年报.txt", "一、总体情况"))));
        // When
        IntakeRefusedException e = refusal(archive);
        // Then
        assertThat(e.refusal()).isEqualTo(IntakeRefusal.ZIP_ENCRYPTED_ENTRY);
        assertThat(e.getMessage()).contains("机密年报.txt");
    }

    @Test
    void shouldRefuseMoreEntriesThanTheCap() {
        // Given
        ZipExpander small = new ZipExpander(MIB, 3, 10L * MIB, 100);
        Path archive = write(dir, "many.zip", zip(entries("1.txt", "a", "2.txt", "b", "3.txt", "c", "4.txt", "d")));
        // When
        IntakeRefusedException e = catchThrowableOfType(IntakeRefusedException.class,
                () -> small.expand(archive, "many.zip", dir));
        // Then
        assertThat(e.refusal()).isEqualTo(IntakeRefusal.ZIP_TOO_MANY_ENTRIES);
        assertThat(e.getMessage()).contains("4 entries").contains("3");
    }

    @Test
    void shouldRefuseArchivesThatUnpackOverTheTotalCap() {
        // Given: each entry is under the per-file limit, together they are over the total
        ZipExpander capped = new ZipExpander(MIB, 10, 100, 1000);
        Path archive = write(dir, "total.zip", zip(entries("a.txt", "年".repeat(20), "b.txt", "报".repeat(20))));
        // When
        IntakeRefusedException e = catchThrowableOfType(IntakeRefusedException.class,
                () -> capped.expand(archive, "total.zip", dir));
        // Then
        assertThat(e.refusal()).isEqualTo(IntakeRefusal.ZIP_TOO_LARGE);
        assertThat(e.getMessage()).contains("b.txt");
    }

    @Test
    void shouldRefuseAZipBombByItsCompressionRatio() {
        // Given: 30 MiB of zeros deflate to about 30 KiB, a ratio near 1000
        Path archive = write(dir, "bomb.zip", zip(entries("bomb.txt", new byte[30 * MIB])));
        // When
        IntakeRefusedException e = refusal(archive);
        // Then
        assertThat(e.refusal()).isEqualTo(IntakeRefusal.ZIP_BOMB);
        assertThat(e.getMessage()).contains("bomb.txt");
    }

    @Test
    void shouldCountUnpackedBytesInsteadOfTrustingTheDeclaredSize() {
        // Given: 5 MiB whose central directory claims 100 bytes, against a 1 MiB per-file limit
        ZipExpander strict = new ZipExpander(MIB, 10, 100L * MIB, 1_000_000);
        byte[] liar = HostileZips.lieAboutSize(zip(entries("small.txt", new byte[5 * MIB])), 100);
        Path archive = write(dir, "liar.zip", liar);
        // When
        IntakeRefusedException e = catchThrowableOfType(IntakeRefusedException.class,
                () -> strict.expand(archive, "liar.zip", dir));
        // Then
        assertThat(e.refusal()).isEqualTo(IntakeRefusal.TOO_LARGE);
        assertThat(e.getMessage()).contains("small.txt");
    }

    @Test
    void shouldRefuseAnArchiveThatIsNotAZip() {
        // Given
        Path archive = write(dir, "broken.zip", "PK\u0003\u0004 truncated".getBytes());
        // When
        IntakeRefusedException e = refusal(archive);
        // Then
        assertThat(e.refusal()).isEqualTo(IntakeRefusal.CORRUPT_ZIP);
    }

    private IntakeRefusedException refusal(Path archive) {
        IntakeRefusedException e = catchThrowableOfType(IntakeRefusedException.class,
                () -> expander.expand(archive, archive.getFileName().toString(), dir));
        assertThat(e).as("the archive should be refused").isNotNull();
        return e;
    }
}
