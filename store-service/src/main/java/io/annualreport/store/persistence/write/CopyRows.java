package io.annualreport.store.persistence.write;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN} in its text format, written through the driver's copy API on the
 * connection of the current transaction: one round trip and no statement to parse for many rows.
 */
final class CopyRows {

    private final StringBuilder rows;
    private int columnsInRow;

    CopyRows(int expectedRows) {
        this.rows = new StringBuilder(Math.max(16, expectedRows) * 96);
    }

    /** Adds a column to the current row: null as {@code \N}, text with backslash, tab and line breaks escaped. */
    CopyRows add(Object value) {
        if (columnsInRow++ > 0) {
            rows.append('\t');
        }
        if (value == null) {
            rows.append("\\N");
        } else if (value instanceof BigDecimal d) {
            rows.append(d.toPlainString());
        } else {
            escape(value.toString());
        }
        return this;
    }

    /** Ends the current row. */
    CopyRows endRow() {
        rows.append('\n');
        columnsInRow = 0;
        return this;
    }

    /** The rows as sent, for tests. */
    String text() {
        return rows.toString();
    }

    /** Sends the rows with {@code COPY table (columns) FROM STDIN}; returns the number of rows copied. */
    long copyInto(Connection c, String tableAndColumns) throws SQLException {
        try {
            return c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + tableAndColumns + " FROM STDIN", new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("cannot read the rows of " + tableAndColumns, e);
        }
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(ch);
            }
        }
    }
}
