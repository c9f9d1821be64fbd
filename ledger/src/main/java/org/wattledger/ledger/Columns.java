package org.wattledger.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.wattledger.engine.model.SourceRef;

/**
 * How values go into the ledger's columns and come back unchanged: exact decimals with the scale
 * the user wrote, local times, enums by name, a source as file, sheet, row and column.
 */
final class Columns {
    /** The columns' NUMERIC(60, 20): at most 40 digits before the point and 20 after. */
    static final int MAX_SCALE = 20;
    static final int MAX_INTEGER_DIGITS = 40;

    private Columns() {
    }

    /**
     * Binds an exact decimal. A value the column cannot hold exactly is refused (never rounded):
     * {@code what} names it in the message.
     */
    static void decimal(PreparedStatement ps, int index, BigDecimal value, String what) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NUMERIC);
            return;
        }
        checkDecimal(value, what);
        ps.setBigDecimal(index, value);
    }

    /** Refuses a decimal the NUMERIC(60, 20) columns cannot hold exactly (null passes). */
    static void checkDecimal(BigDecimal value, String what) {
        if (value != null && (value.scale() > MAX_SCALE || value.precision() - value.scale() > MAX_INTEGER_DIGITS)) {
            throw new LedgerException.Refused(what + ": " + value.toPlainString() + " has more than " + MAX_INTEGER_DIGITS
                    + " digits before or " + MAX_SCALE + " after the decimal point; the ledger stores values exactly"
                    + " and cannot hold it");
        }
    }

    /** Refuses a time finer than the columns' microseconds (null passes). */
    static void checkTime(LocalDateTime time, String what) {
        if (time != null && time.getNano() % 1000 != 0) {
            throw new LedgerException.Refused(what + ": " + time + " is finer than a microsecond, which the ledger"
                    + " cannot hold");
        }
    }

    /** Binds the scale a decimal was written with (1.50 has scale 2), or null. */
    static void scale(PreparedStatement ps, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value.scale());
        }
    }

    /** The decimal as it was written: the stored value at its stored scale (exact, or an error). */
    static BigDecimal decimal(ResultSet rs, String column, String scaleColumn) throws SQLException {
        BigDecimal stored = rs.getBigDecimal(column);
        if (stored == null) {
            return null;
        }
        return stored.setScale(rs.getInt(scaleColumn), RoundingMode.UNNECESSARY);
    }

    /** A decimal whose scale does not matter (a {@code Quantity}, which strips trailing zeros itself). */
    static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        BigDecimal stored = rs.getBigDecimal(column);
        return stored == null ? null : stored.stripTrailingZeros();
    }

    static void time(PreparedStatement ps, int index, LocalDateTime time, String what) throws SQLException {
        if (time == null) {
            ps.setNull(index, Types.TIMESTAMP);
            return;
        }
        checkTime(time, what);
        // As a LocalDateTime, never through java.sql.Timestamp: that passes through the JVM's time
        // zone, where a local time in a daylight-saving gap does not exist and would move by an hour.
        ps.setObject(index, time);
    }

    static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }

    static void date(PreparedStatement ps, int index, LocalDate date) throws SQLException {
        if (date == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setObject(index, date);
        }
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static void integer(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** Binds a source's four columns from {@code index} on; a null source leaves them null. */
    static void source(PreparedStatement ps, int index, SourceRef source) throws SQLException {
        ps.setString(index, source == null ? null : source.file());
        ps.setString(index + 1, source == null ? null : source.sheet());
        integer(ps, index + 2, source == null ? null : source.row());
        ps.setString(index + 3, source == null ? null : source.column());
    }

    static SourceRef source(ResultSet rs) throws SQLException {
        String file = rs.getString("src_file");
        if (file == null) {
            return null;
        }
        return new SourceRef(file, rs.getString("src_sheet"), rs.getInt("src_row"), rs.getString("src_column"));
    }
}
