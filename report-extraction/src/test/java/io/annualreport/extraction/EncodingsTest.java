package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.annualreport.model.document.ExtractedDocument;

class EncodingsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "000-utf8.txt, UTF-8",
            "000-gb18030.txt, GB18030",
            "000-utf16bom.txt, UTF-16LE",
            "000.html, UTF-8",
            "000-gbk.html, GB18030",
            "000-gb2312.html, GB18030",
            "000-gb18030.html, GB18030",
            "000-gbk-undeclared.html, GB18030"})
    void shouldDecodeChineseTextInItsCharset(String name, String charset) throws Exception {
        // Given
        String agency = TestFiles.expected("000").path("identity").path("agency").asText();

        // When
        ExtractedDocument document = FixtureFormatsTest.EXTRACTOR.extract(TestFiles.resource("fixtures/" + name),
                name, null);

        // Then
        assertThat(document.extraction().mediaType()).endsWith("charset=" + charset);
        assertThat(document.text()).contains(agency).doesNotContain("\ufffd");
    }
}
