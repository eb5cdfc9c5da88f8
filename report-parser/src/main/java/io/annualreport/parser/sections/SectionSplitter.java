package io.annualreport.parser.sections;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.annualreport.model.report.ParseWarning;
import io.annualreport.model.report.Section;
import io.annualreport.model.text.TextFolding;
import io.annualreport.parser.text.SourceLine;

/**
 * Finds the six parts by their headings: markdown {@code #}, full- or half-width and Arabic numbering, "第一部分",
 * headings printed twice, non-canonical names and renumbered parts. A part is recognised by what its heading says, the
 * numeral only confirms; a part not found is reported, never guessed.
 */
public final class SectionSplitter {

    private static final String NUMERALS = "一二三四五六七八";
    private static final Pattern HEADING = Pattern.compile(
            "^(?:第([一二三四五六七八])部分[、.,:\\s]*|([一二三四五六七八])\\s*[、.,:]|([1-8])\\s*[、.])\\s*(.{2,40})$");
    private static final Pattern DECORATION = Pattern.compile("^[#*\\s>-]+|[*\\s:]+$");
    private static final Pattern[] STRONG = {
            Pattern.compile("总体情况|基本情况|总体概况|概述"),
            Pattern.compile("主动公开政府信息|政府信息主动公开"),
            Pattern.compile("收到和处理|收到与处理|政府信息公开申请的?(?:情况|办理|处理)|依申请公开政府信息的?情况"),
            Pattern.compile("行政复议|行政诉讼"),
            Pattern.compile("存在的?主要问题|问题[及和与]改进|改进(?:情况|措施)"),
            Pattern.compile("其[他它]需要?(?:报告|汇报)|其[他它].{0,4}事项")};
    private static final Pattern[] WEAK = {
            Pattern.compile("总体|工作情况"),
            Pattern.compile("主动公开"),
            Pattern.compile("申请"),
            Pattern.compile("复议|诉讼"),
            Pattern.compile("问题|改进"),
            Pattern.compile("其[他它]")};

    private SectionSplitter() {
    }

    /**
     * The result: the sections found, each part's heading line (-1 where missing) and how each part was found.
     *
     * @param foundBy per part: {@code heading} (its national number, or none, and a national or known heading),
     *        {@code content} (a heading of another number or name, mapped by what it says, e.g. a regional layout),
     *        null where not found
     */
    public record Parts(List<Section> sections, int[] headingLines, String[] foundBy) {
    }

    /** Where a pass over the headings put each part. */
    private record Assignment(int[] headingLines, int[] bodyLines, String[] foundBy, List<ParseWarning> warnings) {

        int found() {
            return (int) Arrays.stream(headingLines).filter(l -> l >= 0).count();
        }
    }

    /**
     * Splits the lines of a text into its parts. When the national sequence leaves parts unfound and the numbering
     * starts again at 一 (a regional layout: its own 一…六 inside the overview, then the tables as 一、二、三, then the
     * problems and other matters), the parts are mapped by content from the restart, part 一 being the overview
     * before it.
     */
    public static Parts split(List<SourceLine> lines, String text, List<ParseWarning> warnings) {
        Assignment national = assign(lines, 0, -1);
        Assignment chosen = national;
        if (national.found() < 6) {
            int restart = restart(lines);
            if (restart >= 0) {
                Assignment regional = assign(lines, restart, 0);
                int overview = overviewBefore(lines, restart);
                if (overview >= 0) {
                    regional.headingLines()[0] = overview;
                    regional.bodyLines()[0] = overview;
                    regional.foundBy()[0] = "heading";
                }
                if (regional.found() > national.found()) {
                    for (int p = 1; p < 6; p++) {
                        if (regional.foundBy()[p] != null) {
                            regional.foundBy()[p] = "content";
                        }
                    }
                    regional.warnings().add(new ParseWarning("SECTION_REGIONAL_LAYOUT", "section",
                            "numbering starts again on line " + (restart + 1)
                                    + ": parts mapped by what their headings say"));
                    chosen = regional;
                }
            }
        }
        warnings.addAll(chosen.warnings());
        int[] headingLines = chosen.headingLines();
        int[] bodyLines = chosen.bodyLines();
        int[] offsets = offsets(lines);
        List<Section> sections = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            if (headingLines[p] < 0) {
                warnings.add(new ParseWarning("SECTION_MISSING", "section." + (p + 1), "part " + NUMERALS.charAt(p)
                        + " heading not found"));
                continue;
            }
            int endLine = lines.size();
            for (int q = p + 1; q < 6; q++) {
                if (headingLines[q] >= 0) {
                    endLine = headingLines[q];
                    break;
                }
            }
            int headingLine = headingLines[p];
            int start = offsets[headingLine];
            int lastHeading = bodyLines[p];
            int bodyStart = Math.min(text.length(), offsets[lastHeading] + lines.get(lastHeading).raw().length() + 1);
            int end = endLine < lines.size() ? offsets[endLine] : text.length();
            String heading = DECORATION.matcher(lines.get(headingLine).raw()).replaceAll("").strip();
            String body = bodyStart < end ? text.substring(bodyStart, end).strip() : "";
            sections.add(new Section(p + 1, heading, body, start, end));
        }
        return new Parts(sections, headingLines, chosen.foundBy());
    }

    /**
     * One pass over the heading lines from line {@code from}, the parts up to {@code done} (0-based) taken as found
     * already: each heading is the next part its title names.
     */
    private static Assignment assign(List<SourceLine> lines, int from, int done) {
        int[] headingLines = new int[6];
        int[] bodyLines = new int[6];
        String[] foundBy = new String[6];
        Arrays.fill(headingLines, -1);
        List<ParseWarning> warnings = new ArrayList<>();
        int last = done;
        String lastTitle = null;
        for (SourceLine line : lines.subList(Math.max(0, from), lines.size())) {
            String title = headingTitle(line);
            if (title == null) {
                continue;
            }
            if (title.equals(lastTitle)) {
                bodyLines[last] = line.index();
                warnings.add(new ParseWarning("SECTION_HEADING_REPEATED", "section." + (last + 1),
                        "heading printed again on line " + (line.index() + 1)));
                continue;
            }
            int numeral = numeral(line);
            int part = partOf(title, numeral, last, warnings);
            if (part < 0) {
                continue;
            }
            headingLines[part] = line.index();
            bodyLines[part] = line.index();
            foundBy[part] = numeral >= 0 && numeral != part ? "content" : "heading";
            last = part;
            lastTitle = title;
        }
        return new Assignment(headingLines, bodyLines, foundBy, warnings);
    }

    /** The first heading line numbered 一 after a heading numbered higher (the numbering starts again), or -1. */
    private static int restart(List<SourceLine> lines) {
        int highest = -1;
        for (SourceLine line : lines) {
            if (headingTitle(line) == null) {
                continue;
            }
            int numeral = numeral(line);
            if (numeral == 0 && highest > 0) {
                return line.index();
            }
            highest = Math.max(highest, numeral);
        }
        return -1;
    }

    /** The heading of part 一 (总体情况 or the like) before the restart, or -1. */
    private static int overviewBefore(List<SourceLine> lines, int restart) {
        for (SourceLine line : lines.subList(0, restart)) {
            String title = headingTitle(line);
            if (title != null && (STRONG[0].matcher(title).find() || numeral(line) == 0 && WEAK[0].matcher(title)
                    .find())) {
                return line.index();
            }
        }
        return -1;
    }

    /** The title of a top-level heading line in compact matching form, or null if the line is not one. */
    private static String headingTitle(SourceLine line) {
        Matcher m = headingMatcher(line);
        if (m == null) {
            return null;
        }
        String title = TextFolding.compact(m.group(4));
        if (title.contains("。") || title.contains("数量") || title.contains("办理结果")) {
            return null;
        }
        return title;
    }

    private static Matcher headingMatcher(SourceLine line) {
        String norm = line.norm();
        if (norm.length() > 60 || norm.indexOf('\t') >= 0 || norm.indexOf('|') >= 0) {
            return null;
        }
        String stripped = DECORATION.matcher(norm).replaceAll("");
        Matcher m = HEADING.matcher(stripped);
        return m.matches() ? m : null;
    }

    private static int partOf(String title, int numeral, int last, List<ParseWarning> warnings) {
        for (int p = last + 1; p < 6; p++) {
            boolean strong = STRONG[p].matcher(title).find();
            if (strong || numeral == p && WEAK[p].matcher(title).find()) {
                if (numeral >= 0 && numeral != p) {
                    warnings.add(new ParseWarning("SECTION_RENUMBERED", "section." + (p + 1), "part "
                            + NUMERALS.charAt(p) + " printed with number " + (numeral + 1) + ": " + title));
                }
                return p;
            }
        }
        return -1;
    }

    private static int numeral(SourceLine line) {
        Matcher m = headingMatcher(line);
        if (m.group(1) != null) {
            return NUMERALS.indexOf(m.group(1));
        }
        if (m.group(2) != null) {
            return NUMERALS.indexOf(m.group(2));
        }
        return m.group(3).charAt(0) - '1';
    }

    private static int[] offsets(List<SourceLine> lines) {
        int[] offsets = new int[lines.size() + 1];
        int position = 0;
        for (int i = 0; i < lines.size(); i++) {
            offsets[i] = position;
            position += lines.get(i).raw().length() + 1;
        }
        offsets[lines.size()] = position;
        return offsets;
    }
}
