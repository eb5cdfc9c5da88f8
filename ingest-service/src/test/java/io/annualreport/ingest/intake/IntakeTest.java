package io.annualreport.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.annualreport.blob.DirectoryBlobStore;
import io.annualreport.model.event.ReportSubmittedEvent;

/** The intake as plain Java: a directory blob store and a list standing in for the broker. */
class IntakeTest {

    private static final IntakeLimits LIMITS = new IntakeLimits(1 << 20, 10, 10L << 20, 100);

    @TempDir
    Path dir;

    private final List<ReportSubmittedEvent> submitted = new ArrayList<>();

    @Test
    void shouldStoreEachFileAndSubmitItsEventWithTheDeclaredYear() throws Exception {
        // Given
        Path report = Files.writeString(dir.resolve("惠济区2023年报.txt"), "一、总体情况");
        // When
        UploadResult result = intake(submitted::add).accept(List.of(new Upload(report, "a/b/惠济区2023年报.txt")),
                Submission.of("dev", " 惠济区政府办公室 ", "2023"));
        // Then
        assertThat(submitted).singleElement().satisfies(event -> {
            assertThat(event.fileName()).isEqualTo("惠济区2023年报.txt");
            assertThat(event.mediaType()).isEqualTo("text/plain");
            assertThat(event.declaredAgency()).isEqualTo("惠济区政府办公室");
            assertThat(event.declaredYear()).isEqualTo(2023);
        });
        assertThat(result.reports()).singleElement().satisfies(accepted -> assertThat(accepted.statusUrl())
                .isEqualTo("http://store.example/api/v1/reports/" + submitted.get(0).reportId()));
    }

    @Test
    void shouldRefuseTheWholeUploadWhenOneFileIsEmptyAndSubmitNothing() throws Exception {
        // Given
        Path good = Files.writeString(dir.resolve("good.txt"), "一、总体情况");
        Path empty = Files.createFile(dir.resolve("empty.pdf"));
        // When
        IntakeRefusedException e = catchThrowableOfType(IntakeRefusedException.class,
                () -> intake(submitted::add).accept(
                        List.of(new Upload(good, "good.txt"), new Upload(empty, "empty.pdf")),
                        Submission.of("dev", null, null)));
        // Then
        assertThat(e.refusal()).isEqualTo(IntakeRefusal.EMPTY_FILE);
        assertThat(e.getMessage()).isEqualTo("the file 'empty.pdf' is empty");
        assertThat(submitted).isEmpty();
    }

    @Test
    void shouldRefuseAsBrokerUnavailableWhenTheEventIsNotAcknowledged() throws Exception {
        // Given
        Path report = Files.writeString(dir.resolve("r.txt"), "二、主动公开政府信息情况");
        SubmissionSink down = event -> {
            throw new IllegalStateException("no broker");
        };
        // When
        IntakeRefusedException e = catchThrowableOfType(IntakeRefusedException.class,
                () -> intake(down).accept(List.of(new Upload(report, "r.txt")), Submission.of("dev", null, null)));
        // Then
        assertThat(e.refusal()).isEqualTo(IntakeRefusal.BROKER_UNAVAILABLE);
        assertThat(e.refusal().retryAfterSeconds()).isPositive();
    }

    @Test
    void shouldRefuseARequestWithoutFiles() throws Exception {
        IntakeRefusedException e = catchThrowableOfType(IntakeRefusedException.class,
                () -> intake(submitted::add).accept(List.of(), Submission.of("dev", null, null)));

        assertThat(e.refusal()).isEqualTo(IntakeRefusal.NO_FILE);
    }

    @Test
    void shouldRefuseADeclaredYearThatIsNotAReportYear() {
        for (String year : List.of("明年", "1999", "24")) {
            IntakeRefusedException e = catchThrowableOfType(IntakeRefusedException.class,
                    () -> Submission.of("dev", null, year));
            assertThat(e).as(year).isNotNull();
            assertThat(e.refusal()).isEqualTo(IntakeRefusal.BAD_YEAR);
        }
        assertThat(Submission.of("dev", "", " 2024 ")).isEqualTo(new Submission("dev", null, 2024));
    }

    private Intake intake(SubmissionSink sink) throws Exception {
        return new Intake(LIMITS, "http://store.example/", new DirectoryBlobStore(dir.resolve("blobs")), sink);
    }
}
