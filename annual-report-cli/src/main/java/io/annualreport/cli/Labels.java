package io.annualreport.cli;

import java.util.function.Function;

import io.annualreport.model.report.Doubt;
import io.annualreport.model.report.ReadingStatus;
import io.annualreport.model.report.UnreadReason;
import io.annualreport.model.template.CellDef;
import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.model.validation.Verdict;

/**
 * Chinese labels for the values the store sends as enum names; a name this build does not know (a newer pipeline) is
 * shown as sent.
 */
final class Labels {

    private Labels() {
    }

    /** {@code FAIL} → {@code 不通过 FAIL}. */
    static String verdict(String name) {
        String label = label(name, Verdict::valueOf, Verdict::label);
        return label.equals(name) ? name : label + " " + name;
    }

    static String severity(String name) {
        return switch (name) {
            case "ERROR" -> "错误";
            case "WARNING" -> "警告";
            case "INFO" -> "提示";
            default -> name;
        };
    }

    static String status(String name) {
        return switch (name) {
            case "RECEIVED" -> "已接收";
            case "PARSED" -> "已解析";
            case "VALIDATED" -> "已校验";
            case "FAILED" -> "处理失败";
            default -> name;
        };
    }

    static String readingStatus(String name) {
        return label(name, ReadingStatus::valueOf, ReadingStatus::label);
    }

    static String unreadReason(String name) {
        return label(name, UnreadReason::valueOf, UnreadReason::label);
    }

    static String doubt(String name) {
        return label(name, Doubt::valueOf, Doubt::label);
    }

    /** {@code T3} → {@code 表三}. */
    static String table(String name) {
        return switch (name) {
            case "T2" -> "表二";
            case "T3" -> "表三";
            case "T4" -> "表四";
            default -> name;
        };
    }

    /** {@code 5} → {@code 第五部分}. */
    static String part(int number) {
        String[] numerals = {"一", "二", "三", "四", "五", "六"};
        return number >= 1 && number <= 6 ? "第" + numerals[number - 1] + "部分" : "第" + number + "部分";
    }

    /** The Chinese description of a cell key, e.g. {@code 表三 一、本年新收政府信息公开申请数量 / 总计}, or null. */
    static String cell(String key) {
        return TemplateRegistry.cell(key).map(CellDef::label).orElse(null);
    }

    private static <E extends Enum<E>> String label(String name, Function<String, E> parse, Function<E, String> label) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        try {
            return label.apply(parse.apply(name));
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
