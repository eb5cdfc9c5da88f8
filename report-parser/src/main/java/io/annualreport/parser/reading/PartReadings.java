package io.annualreport.parser.reading;

import java.util.ArrayList;
import java.util.List;

import io.annualreport.model.report.PartReading;
import io.annualreport.model.report.ReadingStatus;
import io.annualreport.model.report.Section;
import io.annualreport.parser.sections.SectionSplitter;
import io.annualreport.parser.tables.TableRegions;
import io.annualreport.parser.text.SourceLine;
import io.annualreport.parser.text.Traces;

/**
 * How each of the six parts was found: by its heading, by content (a renumbered or regional heading, or for parts
 * 二–四 their table), or not at all; a part without heading is absent only when no short line of the text carries
 * any of its heading words (OCR confusions tolerated) and the file is complete.
 */
public final class PartReadings {

    /** Heading words of each part, national and known variants, in compact form. */
    private static final List<List<String>> HEADING_WORDS = List.of(
            List.of("总体情况", "基本情况", "总体概况", "概述"),
            List.of("主动公开政府信息", "政府信息主动公开", "主动公开情况"),
            List.of("收到和处理政府信息公开申请", "政府信息公开申请情况", "依申请公开", "收到和处理"),
            List.of("行政复议", "行政诉讼"),
            List.of("主要问题", "改进情况", "问题及改进", "存在的问题"),
            List.of("其他需要报告的事项", "其他事项", "其他需要报告"));

    private PartReadings() {
    }

    /**
     * The reading of the six parts.
     *
     * @param complete whether the file was read to its end; in a file cut short nothing unfound is absent
     */
    public static List<PartReading> of(List<SourceLine> lines, SectionSplitter.Parts parts, TableRegions regions,
            boolean complete) {
        int[] tableStarts = {-1, regions.t2Start(), regions.t3Start(), regions.t4Start(), -1, -1};
        List<PartReading> readings = new ArrayList<>(6);
        for (int p = 0; p < 6; p++) {
            int number = p + 1;
            if (parts.headingLines()[p] >= 0) {
                String heading = parts.sections().stream().filter(s -> s.number() == number).findFirst()
                        .map(Section::heading).orElse(null);
                readings.add(new PartReading(number, ReadingStatus.READ, parts.foundBy()[p], heading));
            } else if (tableStarts[p] >= 0) {
                readings.add(new PartReading(number, ReadingStatus.READ, "content", null));
            } else {
                int trace = Traces.find(lines, HEADING_WORDS.get(p));
                if (trace >= 0) {
                    readings.add(new PartReading(number, ReadingStatus.PRESENT_UNREAD, null,
                            lines.get(trace).raw().strip()));
                } else {
                    readings.add(new PartReading(number,
                            complete ? ReadingStatus.ABSENT : ReadingStatus.PRESENT_UNREAD, null, null));
                }
            }
        }
        return readings;
    }
}
