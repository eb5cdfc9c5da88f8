package io.annualreport.parser.identity;

import java.util.List;

import io.annualreport.model.template.Edition;

/**
 * Tells the format edition from the markers of docs/format.md §2.4 (the T2 column and row labels of each edition).
 * Markers of both editions make {@link Edition#MIXED}; none make {@link Edition#UNKNOWN}.
 */
public final class EditionDetector {

    private static final List<String> MARKERS_2021 = List.of("本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额");
    private static final List<String> MARKERS_2019 = List.of("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量",
            "政府集中采购", "采购项目数量");

    private EditionDetector() {
    }

    /** The edition the text's markers show, from its compact matching form. */
    public static Edition detect(String compactText) {
        boolean newer = containsAny(compactText, MARKERS_2021);
        boolean older = containsAny(compactText, MARKERS_2019);
        if (newer && older) {
            return Edition.MIXED;
        }
        return newer ? Edition.E2021 : older ? Edition.E2019 : Edition.UNKNOWN;
    }

    private static boolean containsAny(String text, List<String> markers) {
        for (String marker : markers) {
            if (text.contains(marker)) {
                return true;
            }
        }
        return false;
    }
}
