package io.annualreport.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.template.CellDef;
import io.annualreport.model.template.Edition;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.template.TableId;
import io.annualreport.model.template.TemplateRegistry;

class TemplateRegistryTest {

    @Test
    void shouldHave25RowsIn2021And23In2019ForT3() {
        assertThat(TemplateRegistry.t3Rows(Edition.E2021)).hasSize(25);
        assertThat(TemplateRegistry.t3Rows(Edition.E2019)).hasSize(23);
        assertThat(TemplateRegistry.t3Columns()).extracting(c -> c.label())
                .containsExactly("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计");
        assertThat(TemplateRegistry.t3Rows(Edition.E2019)).extracting(RowDef::key)
                .contains("other_handling").doesNotContain("other_no_correction", "other_fee_unpaid", "other_other");
    }

    @Test
    void shouldHaveFifteenT4CellsInPrintedOrder() {
        assertThat(TemplateRegistry.t4Columns()).hasSize(15);
        assertThat(TemplateRegistry.t4Columns().get(0).key()).isEqualTo("review_upheld");
        assertThat(TemplateRegistry.t4Columns().get(4).key()).isEqualTo("review_total");
        assertThat(TemplateRegistry.t4Columns().get(14).key()).isEqualTo("litigation_after_review_total");
        assertThat(TemplateRegistry.t4("review_total")).isEqualTo("t4.all.review_total");
    }

    @Test
    void shouldCountCellsPerEdition() {
        // 2021: T2 10 + T3 175 + T4 15; 2019: T2 6+12+6+2+2 = 28 (2 × 3 + 4 × 3 + 2 + 2), T3 161, T4 15
        assertThat(count(Edition.E2021, TableId.T2)).isEqualTo(10);
        assertThat(count(Edition.E2021, TableId.T3)).isEqualTo(175);
        assertThat(count(Edition.E2021, TableId.T4)).isEqualTo(15);
        assertThat(count(Edition.E2019, TableId.T2)).isEqualTo(6 + 12 + 2 + 2);
        assertThat(count(Edition.E2019, TableId.T3)).isEqualTo(161);
    }

    @Test
    void shouldUseOnlyAsciiSnakeCaseKeys() {
        assertThat(TemplateRegistry.allCells().keySet()).allMatch(k -> k.matches("t[234]\\.[a-z0-9_]+\\.[a-z0-9_]+"));
    }

    @Test
    void shouldKnowEveryCellKeyOfTheExpectedSampleFiles() throws IOException {
        // Given: the ground truth shipped beside the checkout
        Path expected = Path.of(System.getProperty("samples.dir", "../samples")).resolve("expected");
        assertThat(expected).isDirectory();
        Set<String> unknown = new HashSet<>();
        int files = 0;
        // When
        try (Stream<Path> paths = Files.list(expected)) {
            for (Path p : paths.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode root = EventCodec.mapper().readTree(p.toFile());
                Edition edition = Edition.fromCode(root.path("identity").path("edition").asText());
                root.path("cells").fieldNames().forEachRemaining(k -> {
                    if (TemplateRegistry.cell(k).isEmpty()) {
                        unknown.add(p.getFileName() + ": " + k);
                    }
                });
                assertThat(edition).isIn(Edition.E2019, Edition.E2021);
                files++;
            }
        }
        // Then
        assertThat(files).isGreaterThanOrEqualTo(7);
        assertThat(unknown).isEmpty();
    }

    @Test
    void shouldDescribeCellsInChinese() {
        CellDef def = TemplateRegistry.cell("t3.new_received.total").orElseThrow();
        assertThat(def.label()).isEqualTo("表三 一、本年新收政府信息公开申请数量 / 总计");
        assertThat(TemplateRegistry.cell("t4.all.litigation_direct_pending").orElseThrow().label())
                .isEqualTo("表四 四、政府信息公开行政复议、行政诉讼情况 / 行政诉讼·未经复议直接起诉·尚未审结");
        List<String> groups = TemplateRegistry.cell("t3.withheld_state_secret.natural_person").orElseThrow().row()
                .groups();
        assertThat(groups).containsExactly("三、本年度办理结果", "（三）不予公开");
    }

    private static long count(Edition edition, TableId table) {
        return TemplateRegistry.cells(edition).stream().filter(c -> c.table() == table).count();
    }
}
