package io.annualreport.store.persistence.write;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

import io.annualreport.model.event.EventCodec;

/** Small JDBC helpers shared by the event writers. */
final class Jdbc {

    private Jdbc() {
    }

    static long returnedId(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant != null ? instant : Instant.now());
    }

    static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value != null) {
            ps.setInt(index, value);
        } else {
            ps.setNull(index, Types.INTEGER);
        }
    }

    static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value != null) {
            ps.setLong(index, value);
        } else {
            ps.setNull(index, Types.BIGINT);
        }
    }

    static String json(Object value) {
        return value != null ? EventCodec.encode(value) : null;
    }

    /** The name of an enum constant, or null. */
    static String name(Enum<?> value) {
        return value != null ? value.name() : null;
    }
}
