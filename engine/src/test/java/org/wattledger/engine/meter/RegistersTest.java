package org.wattledger.engine.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingType;
import org.wattledger.engine.model.RegisterEvent;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.units.CarbonUnits;

final class RegistersTest {
    static Reading register(String meter, String to, String value, int row, String multiplier, Integer digits,
            RegisterEvent event) {
        return new Reading("S", meter, Carrier.ELECTRICITY, null, null, null, null, LocalDateTime.parse(to),
                new BigDecimal(value), CarbonUnits.KWH, ReadingType.REGISTER,
                multiplier == null ? null : new BigDecimal(multiplier), digits, event, null, null,
                SourceRef.row("m.csv", null, row));
    }

    static Reading register(String meter, String to, String value, int row) {
        return register(meter, to, value, row, null, null, null);
    }

    private static List<String> show(Registers.Result r) {
        return r.readings().stream().map(x -> x.meter() + " " + x.from() + ".." + x.to() + " "
                + x.quantity().toPlainString() + " row " + x.source().row()).toList();
    }

    private static List<String> messages(List<Issue> issues) {
        return issues.stream().map(Issue::toString).toList();
    }

    @Test
    void derivesConsumptionBetweenSuccessiveReadingsInTimeOrder() {
        Registers.Result r = Registers.toConsumption(List.of(
                register("A", "2022-02-01T00:00", "150", 3),
                register("A", "2022-01-01T00:00", "100", 2),
                register("A", "2022-03-01T00:00", "175.5", 4)));
        assertEquals(List.of("A 2022-01-01T00:00..2022-02-01T00:00 50 row 3",
                "A 2022-02-01T00:00..2022-03-01T00:00 25.5 row 4"), show(r));
        assertEquals(List.of(), r.rejected());
    }

    @Test
    void appliesTheMultiplier() {
        Registers.Result r = Registers.toConsumption(List.of(
                register("A", "2022-01-01T00:00", "10", 2, "80", null, null),
                register("A", "2022-02-01T00:00", "12.5", 3, "80", null, null)));
        assertEquals(List.of("A 2022-01-01T00:00..2022-02-01T00:00 200.0 row 3"), show(r));
        // the derived reading says which two readings it differences and the multiplier: (12.5 − 10) × 80 = 200
        assertEquals("register difference: 12.5 − 10 (row 2) = 2.5, × multiplier 80 = 200 kWh",
                r.readings().get(0).note());
    }

    @Test
    void aRolloverSaysSoInTheNoteOfTheDerivedReading() {
        Registers.Result r = Registers.toConsumption(List.of(
                register("A", "2022-01-01T00:00", "9990", 2, null, 4, null),
                register("A", "2022-02-01T00:00", "15", 3, null, 4, null)));
        // 10^4 − 9990 + 15 = 25
        assertEquals("register difference: 15 − 9990 (row 2) + 10^4 (rollover) = 25, × multiplier 1 = 25 kWh",
                r.readings().get(0).note());
    }

    @Test
    void rollsOverAtTenToTheDigits() {
        Registers.Result r = Registers.toConsumption(List.of(
                register("A", "2022-01-01T00:00", "9990", 2, null, 4, null),
                register("A", "2022-02-01T00:00", "15", 3, null, 4, null)));
        assertEquals(List.of("A 2022-01-01T00:00..2022-02-01T00:00 25 row 3"), show(r));
        assertEquals(List.of("info: m.csv, row 3: register of 4 digits rolled over: 9990 (row 2) to 15, consumption 25"
                + " kWh"), messages(r.issues()));
    }

    @Test
    void aDropThatWouldBeARolloverThroughHalfTheRegisterIsAnErrorNotAFigure() {
        // A 5-digit register read 120, then 100. As a rollover that is 10^5 − 120 + 100 = 99,980 kWh: the register
        // would have run through 99.98 % of its range in a month. It is refused, and the next reading (130) is
        // measured against 120: 10 kWh.
        Registers.Result r = Registers.toConsumption(List.of(
                register("A", "2022-01-01T00:00", "120", 2, null, 5, null),
                register("A", "2022-02-01T00:00", "100", 3),
                register("A", "2022-03-01T00:00", "130", 4)));
        assertEquals(List.of("A 2022-01-01T00:00..2022-03-01T00:00 10 row 4"), show(r));
        assertEquals(List.of("error: m.csv, row 3: register reading 100 is below the previous reading 120 (row 2); as a"
                + " rollover of a 5-digit register it would mean 99980 kWh, half the register's range or more, so it"
                + " is not taken as one: check the reading, or mark a meter replacement with event close and open"),
                messages(r.issues()));
    }

    @Test
    void rejectsADecreaseWithoutDigitsAndMeasuresTheNextAgainstTheLastGoodReading() {
        Registers.Result r = Registers.toConsumption(List.of(
                register("A", "2022-01-01T00:00", "100", 2),
                register("A", "2022-02-01T00:00", "90", 3),
                register("A", "2022-03-01T00:00", "130", 4)));
        assertEquals(List.of("A 2022-01-01T00:00..2022-03-01T00:00 30 row 4"), show(r));
        assertEquals(1, r.rejected().size());
        assertEquals(List.of("error: m.csv, row 3: register reading 90 is below the previous reading 100 (row 2); give"
                + " register_digits for a rollover, or mark a meter replacement with event close and open"),
                messages(r.issues()));
    }

    @Test
    void rejectsAReadingTooLargeForItsDigits() {
        Registers.Result r = Registers.toConsumption(List.of(
                register("A", "2022-01-01T00:00", "12000", 2, null, 4, null),
                register("A", "2022-02-01T00:00", "5", 3, null, 4, null)));
        assertEquals(List.of("error: m.csv, row 3: register reading 5 is below the previous reading 12000 (row 2), and a"
                + " register of 4 digits cannot show 12000"), messages(r.issues()));
    }

    @Test
    void treatsCloseThenOpenAsAReplacement() {
        Registers.Result r = Registers.toConsumption(List.of(
                register("A", "2022-01-01T00:00", "500", 2),
                register("A", "2022-01-10T00:00", "520", 3, null, null, RegisterEvent.CLOSE),
                register("A", "2022-01-10T00:00", "0", 4, null, null, RegisterEvent.OPEN),
                register("A", "2022-02-01T00:00", "30", 5)));
        assertEquals(List.of("A 2022-01-01T00:00..2022-01-10T00:00 20 row 3",
                "A 2022-01-10T00:00..2022-02-01T00:00 30 row 5"), show(r));
        assertEquals(List.of("info: m.csv, row 4: meter S/A (electricity) replaced: closing reading 520 (row 3), opening"
                + " reading 0"), messages(r.issues()));
    }

    @Test
    void rejectsAnOpeningReadingWithoutAClosingOne() {
        Registers.Result r = Registers.toConsumption(List.of(
                register("A", "2022-01-01T00:00", "500", 2),
                register("A", "2022-02-01T00:00", "0", 3, null, null, RegisterEvent.OPEN)));
        assertEquals(List.of("error: m.csv, row 3: an opening reading (event open) must follow a closing reading (event"
                + " close) of the same meter; the previous reading, row 2, is not one"), messages(r.issues()));
    }

    @Test
    void rejectsDuplicateReadingsOfOneInstant() {
        Registers.Result r = Registers.toConsumption(List.of(
                register("A", "2022-01-01T00:00", "500", 2),
                register("A", "2022-01-01T00:00", "500", 3)));
        assertEquals(List.of("error: m.csv, row 3: duplicate register reading: row 2 already reads meter S/A"
                + " (electricity) at 2022-01-01 00:00"), messages(r.issues()));
        assertEquals(List.of(), r.readings());
    }

    @Test
    void rejectsAChangedMultiplierWithoutAReplacement() {
        Registers.Result r = Registers.toConsumption(List.of(
                register("A", "2022-01-01T00:00", "5", 2, "80", null, null),
                register("A", "2022-02-01T00:00", "6", 3, "100", null, null)));
        assertEquals(List.of("error: m.csv, row 3: multiplier 100 differs from 80 of the previous reading (row 2); a new"
                + " multiplier comes with a meter replacement (event close, then open)"), messages(r.issues()));
    }

    @Test
    void passesConsumptionReadingsThroughInOrder() {
        Reading c = Reading.consumption("S", "C", Carrier.WATER, null, LocalDateTime.parse("2022-01-01T00:00"),
                LocalDateTime.parse("2022-02-01T00:00"), BigDecimal.TEN, CarbonUnits.M3, SourceRef.row("m.csv", null, 9));
        Registers.Result r = Registers.toConsumption(List.of(c, register("A", "2022-01-01T00:00", "1", 2)));
        assertEquals(List.of(c), r.readings());
    }
}
