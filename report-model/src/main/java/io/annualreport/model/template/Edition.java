package io.annualreport.model.template;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which edition of the national report format a report follows (docs/format.md §2.4). */
public enum Edition {
    /** 国办公开办函〔2019〕60号, report years 2019–2020. */
    E2019("2019"),
    /** 国办公开办函〔2021〕30号, report years 2021 onward. */
    E2021("2021"),
    /** Markers of both editions in one report, e.g. the 2021 T2 with the 2019 single-row 三(六). */
    MIXED("mixed"),
    /** No marker of either edition was found. */
    UNKNOWN("unknown");

    private final String code;

    Edition(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Edition fromCode(String code) {
        for (Edition e : values()) {
            if (e.code.equalsIgnoreCase(code) || e.name().equalsIgnoreCase(code)) {
                return e;
            }
        }
        return UNKNOWN;
    }
}
