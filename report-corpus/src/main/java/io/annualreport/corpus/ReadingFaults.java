package io.annualreport.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.annualreport.model.template.Edition;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.model.text.TextFolding;

/**
 * Injects one {@link ReadingFault} into the rendered text (TEXT or MARKDOWN) of a generated report; deterministic for
 * a seed. The report's truth is unchanged: the fault is in what a reader gets, not in what the agency wrote.
 */
public final class ReadingFaults {

    /** The national headings and, per regional layout, what stands in their place (null: the line is dropped). */
    private static final List<String> HEADINGS = List.of("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项");
    private static final List<List<String>> REGIONAL = List.of(
            List.of("一、概述", "二、主动公开情况", "三、依申请公开情况", "四、复议诉讼情况", "五、存在问题及改进措施", "六、其他事项"),
            List.of("一、总体情况", "三、主动公开政府信息情况", "四、收到和处理政府信息公开申请情况", "五、政府信息公开行政复议、行政诉讼情况",
                    "六、存在的主要问题及改进情况", "七、其他需要报告的事项"),
            List.of("第一部分 总体情况", "第二部分 主动公开", "第三部分 依申请公开", "第四部分 行政复议和行政诉讼",
                    "第五部分 存在问题和改进措施", "第六部分 其他需要报告的事项"));
    /** The regional part the second layout inserts before the national 二 (Shanghai prints 重点领域 on its own). */
    private static final String EXTRA_PART = "二、重点领域信息公开";
    private static final String OCR_FROM = "已己未申请处理开公其项复议部分收告予";
    private static final String OCR_TO = "己已末甲清外埋幵仝具顶夏仪郶份牧吿子";
    private static final String GARBLE = "□■▲◆※¤§〓";
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])\\d+(?:\\.\\d+)?(?![\\d.])");

    private final Random random;

    public ReadingFaults(long seed) {
        this.random = new Random(seed);
    }

    /** The text with the fault injected. */
    public String inject(String text, ReadingFault fault, Edition edition) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        switch (fault) {
            case T3_LABEL_GARBLED -> {
                int i = t3RowLine(lines, edition);
                lines.set(i, mapLabel(lines.get(i), c -> GARBLE.charAt(random.nextInt(GARBLE.length()))));
            }
            case ROW_NUMBERS_DROPPED -> {
                int i = t3RowLine(lines, edition);
                lines.set(i, NUMBER.matcher(lines.get(i)).replaceAll(""));
            }
            case COLUMN_SHIFTED -> {
                int i = t3RowLine(lines, edition);
                String line = lines.get(i);
                Matcher m = NUMBER.matcher(line);
                if (m.find()) {
                    int start = m.start();
                    int end = m.end();
                    if (line.indexOf('|') >= 0) {
                        int bar = line.lastIndexOf('|', start);
                        line = line.substring(0, bar) + line.substring(line.indexOf('|', end));
                    } else {
                        int tab = line.lastIndexOf('\t', start);
                        line = line.substring(0, tab < 0 ? start : tab) + line.substring(end);
                    }
                    lines.set(i, line);
                }
            }
            case OCR_CONFUSED_LABELS -> {
                int[] range = t3Range(lines);
                for (int i = range[0]; i < range[1]; i++) {
                    lines.set(i, mapLabel(lines.get(i), c -> {
                        int k = OCR_FROM.indexOf(c);
                        return k >= 0 && random.nextInt(3) > 0 ? OCR_TO.charAt(k) : c;
                    }));
                }
            }
            case REGIONAL_HEADINGS -> {
                int layout = random.nextInt(REGIONAL.size());
                for (int p = 0; p < 6; p++) {
                    int i = headingLine(lines, p);
                    String line = lines.get(i);
                    lines.set(i, line.replace(HEADINGS.get(p), REGIONAL.get(layout).get(p)));
                    if (layout == 1 && p == 1) {
                        String prefix = line.startsWith("#") ? line.substring(0, line.indexOf(' ') + 1) : "";
                        lines.add(i, "");
                        lines.add(i, "本年度重点领域信息公开工作有序推进，按要求公开各类重点领域信息。");
                        lines.add(i, "");
                        lines.add(i, prefix + EXTRA_PART);
                    }
                }
            }
            case TRUNCATED -> {
                int from = t3Range(lines)[1];
                int to = headingLine(lines, 5);
                List<Integer> candidates = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    if (lines.get(i).strip().length() >= 12) {
                        candidates.add(i);
                    }
                }
                int i = candidates.get(random.nextInt(candidates.size()));
                String line = lines.get(i);
                int cut = 4 + random.nextInt(Math.max(1, line.length() - 8));
                while (cut > 4 && "。；！？".indexOf(line.charAt(cut - 1)) >= 0) {
                    cut--;
                }
                lines = new ArrayList<>(lines.subList(0, i));
                lines.add(line.substring(0, cut));
            }
            case TABLE_AS_IMAGE -> {
                int from = headingLine(lines, 3) + 1;
                int to = headingLine(lines, 4);
                boolean markdown = lines.get(from - 1).startsWith("#");
                List<String> kept = new ArrayList<>(lines.subList(0, from));
                kept.add("");
                kept.add(markdown ? "![表四](images/table4.png)" : "[图片]");
                kept.add("");
                kept.addAll(lines.subList(to, lines.size()));
                lines = kept;
            }
        }
        return String.join("\n", lines);
    }

    /** A line of a T3 detail row with its numbers, chosen at random among rows with a label of their own. */
    private int t3RowLine(List<String> lines, Edition edition) {
        int[] range = t3Range(lines);
        List<Integer> candidates = new ArrayList<>();
        for (RowDef row : TemplateRegistry.t3Rows(edition)) {
            if (row.groups().isEmpty() || row.key().equals("total_handled") || row.key().equals("other_other")) {
                continue;
            }
            String label = TextFolding.compact(row.label().replaceFirst("^(?:\\d+\\.|（[一二三四五六七]）)", ""));
            for (int i = range[0]; i < range[1]; i++) {
                String line = lines.get(i);
                if (TextFolding.compact(line).contains(label) && count(line) >= 5) {
                    candidates.add(i);
                    break;
                }
            }
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    /** The lines of T3: from part 三's heading to part 四's. */
    private static int[] t3Range(List<String> lines) {
        return new int[]{headingLine(lines, 2) + 1, headingLine(lines, 3)};
    }

    private static int headingLine(List<String> lines, int part) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("^#+\\s*", "").strip();
            if (line.equals(HEADINGS.get(part))) {
                return i;
            }
        }
        throw new IllegalStateException("heading of part " + (part + 1) + " not found");
    }

    /** The line with every CJK character of its label part (before the first number) mapped. */
    private static String mapLabel(String line, java.util.function.IntUnaryOperator map) {
        Matcher m = NUMBER.matcher(line);
        int end = m.find() ? m.start() : line.length();
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            out.append(i < end && c >= 0x4E00 && c <= 0x9FFF ? (char) map.applyAsInt(c) : c);
        }
        return out.toString();
    }

    private static int count(String line) {
        int n = 0;
        Matcher m = NUMBER.matcher(line);
        while (m.find()) {
            n++;
        }
        return n;
    }
}
