package io.annualreport.extraction;

/** Flattens the text of one table cell onto one line: line breaks inside Chinese text vanish, others become a space. */
final class CellText {

    private CellText() {
    }

    static String flatten(CharSequence raw) {
        StringBuilder out = new StringBuilder(raw.length());
        boolean pendingSpace = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                char last = out.charAt(out.length() - 1);
                if (!(RowAssembler.isCjk(last) && RowAssembler.isCjk(c))) {
                    out.append(' ');
                }
                pendingSpace = false;
            }
            out.append(c);
        }
        return out.toString();
    }
}
