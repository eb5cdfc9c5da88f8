package io.annualreport.corpus;

import io.annualreport.model.report.Identity;

/**
 * The names offices give the files they publish or upload: the report's title as it is printed, an attachment's
 * "附件：" before it, the agency and the title joined by an underscore, or a date before the title.
 */
public final class SubmittedFileNames {

    private SubmittedFileNames() {
    }

    /** A file name for the report in one of the shapes offices use, chosen by {@code seed}, with {@code extension}. */
    public static String of(GeneratedReport report, long seed, String extension) {
        Identity identity = report.identity();
        String agency = identity.agency();
        int year = identity.year();
        String name = switch ((int) Math.floorMod(seed, 4L)) {
            case 0 -> agency + year + "年政府信息公开工作年度报告";
            case 1 -> "附件：" + agency + year + "年度政府信息公开工作年度报告";
            case 2 -> agency + "_" + year + "年政府信息公开工作年度报告";
            default -> (year + 1) + "0115" + agency + year + "年政府信息公开工作年度报告";
        };
        return name + "." + extension;
    }
}
