package io.annualreport.store.agency;

/**
 * One administrative division by its GB/T 2260 code (行政区划代码).
 *
 * @param code six digits, e.g. {@code 320813}
 * @param level 1 province, 2 city, 3 county
 * @param parentCode the code of the division above, null for a province
 */
public record Region(String code, String name, int level, String parentCode) {

    /** The code prefix every division below this one (and this one) starts with: 32, 3208 or 320813. */
    public String subtreePrefix() {
        return subtreePrefix(code);
    }

    /** The subtree prefix of a six-digit code: its trailing pairs of zeros dropped. */
    public static String subtreePrefix(String code) {
        if (code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        return code.endsWith("00") ? code.substring(0, 4) : code;
    }
}
