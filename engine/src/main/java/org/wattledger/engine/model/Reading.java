package org.wattledger.engine.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;
import org.wattledger.engine.units.CarbonUnit;

/**
 * One accepted input row. Times are half-open: {@code from} inclusive, {@code to} exclusive (an
 * importer turns a date-only "to" into the next midnight), in the site's local time. A register
 * reading has no period of its own: {@code from} is null and {@code quantity} is the register value
 * at {@code to}. A consumption reading with a null {@code from} gave only its end: the engine's
 * input stage ({@code InputStage}) starts it where the meter's previous reading ended.
 *
 * @param gas the refrigerant for {@link Carrier#REFRIGERANT} rows (R-134a), else null
 * @param multiplier meter constant applied to register differences (1 for consumption rows)
 * @param registerDigits number of register digits, when known: allows a rollover at 10^digits
 */
public record Reading(String site, String meter, Carrier carrier, String gas, Use use, Role role,
        LocalDateTime from, LocalDateTime to, BigDecimal quantity, CarbonUnit unit, ReadingType type,
        BigDecimal multiplier, Integer registerDigits, RegisterEvent event, Quality quality, String note,
        SourceRef source) {
    public Reading {
        Objects.requireNonNull(site);
        Objects.requireNonNull(meter);
        Objects.requireNonNull(carrier);
        Objects.requireNonNull(to);
        Objects.requireNonNull(quantity);
        Objects.requireNonNull(unit);
        Objects.requireNonNull(source);
        use = use != null ? use : (carrier.isFuel() ? Use.STATIONARY : null);
        role = role != null ? role : Role.MAIN;
        type = type != null ? type : ReadingType.CONSUMPTION;
        multiplier = multiplier != null ? multiplier : BigDecimal.ONE;
        event = event != null ? event : RegisterEvent.READ;
        quality = quality != null ? quality : Quality.MEASURED;
        if (type == ReadingType.CONSUMPTION && from != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("a consumption reading needs from < to");
        }
    }

    /** A consumption reading over [from, to), the common case. */
    public static Reading consumption(String site, String meter, Carrier carrier, Role role, LocalDateTime from,
            LocalDateTime to, BigDecimal quantity, CarbonUnit unit, SourceRef source) {
        return new Reading(site, meter, carrier, null, null, role, from, to, quantity, unit,
                ReadingType.CONSUMPTION, null, null, null, null, null, source);
    }

    /** The same reading with another period and quantity (a prorated part or a register difference). */
    public Reading withPeriod(LocalDateTime newFrom, LocalDateTime newTo, BigDecimal newQuantity) {
        return new Reading(site, meter, carrier, gas, use, role, newFrom, newTo, newQuantity, unit,
                ReadingType.CONSUMPTION, BigDecimal.ONE, null, RegisterEvent.READ, quality, note, source);
    }

    /** True for a consumption reading that gave only its end. */
    public boolean endOnly() {
        return type == ReadingType.CONSUMPTION && from == null;
    }

    /** The same reading at other times (local time from a UTC offset, a start taken from the previous reading). */
    public Reading withTimes(LocalDateTime newFrom, LocalDateTime newTo) {
        return new Reading(site, meter, carrier, gas, use, role, newFrom, newTo, quantity, unit, type, multiplier,
                registerDigits, event, quality, note, source);
    }

    /** The same reading with another note (a register difference says how it was derived). */
    public Reading withNote(String newNote) {
        return new Reading(site, meter, carrier, gas, use, role, from, to, quantity, unit, type, multiplier,
                registerDigits, event, quality, newNote, source);
    }

    public Reading withQuality(Quality newQuality) {
        return new Reading(site, meter, carrier, gas, use, role, from, to, quantity, unit, type, multiplier,
                registerDigits, event, newQuality, note, source);
    }
}
