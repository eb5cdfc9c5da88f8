package io.annualreport.store.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReviewLetterTest {

    @Test
    void shouldNameEveryFindingWithItsCellsPagesEvidenceAndRule() {
        LetterContent letter = new LetterContent("0123456789abcdef", "淮安市洪泽区人民政府", 2024, "不通过", "已审",
                LocalDate.of(2026, 2, 1), List.of(new LetterContent.Item(1, "错误", "T3-03", "表三勾稽关系", "一+二=三(七)+四",
                        "表三勾稽关系不成立", List.of("表三 一、本年新收政府信息公开申请数量 / 总计 95（第3页）"), List.of(3, 4),
                        "（七）总计 95", "确认")));
        String text = String.join("\n", ReviewLetter.paragraphs(letter));
        assertThat(text).startsWith("关于淮安市洪泽区人民政府2024年度政府信息公开工作年度报告的审查意见书")
                .contains("审查结果为「不通过」").contains("发现以下1个问题").contains("1．【错误】表三勾稽关系不成立")
                .contains("涉及单元格：表三 一、本年新收政府信息公开申请数量 / 总计 95（第3页）").contains("所在页码：第3、4页")
                .contains("原文依据：（七）总计 95").contains("审查规则：T3-03 表三勾稽关系（一+二=三(七)+四）")
                .contains("审核意见：确认");
    }

    @Test
    void shouldSayThatNothingIsToBeCorrectedWhenNoFindingRemains() {
        LetterContent letter = new LetterContent("0123456789abcdef", null, null, null, "待审", LocalDate.of(2026, 2, 1),
                List.of());
        assertThat(String.join("\n", ReviewLetter.paragraphs(letter))).contains("未识别机关").contains("尚未审查")
                .contains("未发现需要整改的问题");
    }

    @Test
    void shouldProbeTheRowByTheFirstCharactersOfItsLabel() throws IOException {
        assertThat(PageImages.probe("一、本年新收政府信息公开申请数量 95 0 0 0 0 0 95")).isEqualTo("一、本年新收政府");
        assertThat(PageImages.probe("（七）总计\t10\t0")).hasSize(5).endsWith("总计");
        assertThat(PageImages.supports("application/pdf")).isTrue();
        assertThat(PageImages.supports("image/png")).isTrue();
        assertThat(PageImages.supports("text/plain")).isFalse();
    }
}
