package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.wattledger.importers.Fixtures.csv;
import static org.wattledger.importers.Fixtures.errors;
import static org.wattledger.importers.Fixtures.read;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.model.DateRange;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.MeasurementPoint;
import org.wattledger.engine.model.MeterTag;
import org.wattledger.engine.model.PueContract;

/** The readings columns measurement_point and zone, and the contracts table. */
final class DataCentreColumnsTest {
    @TempDir
    Path dir;

    @Test
    void readsMeasurementPointsAndZonesOncePerMeterWithTheFirstRowThatGaveThem() throws Exception {
        Path folder = dir.resolve("in");
        csv(dir, "in/readings.csv", "site,meter,carrier,role,measurement_point,zone,from,to,quantity,unit\n"
                + "DC1,MAIN,electricity,main,,,2024-01-01,2024-01-31,1300,kWh\n"
                + "DC1,IT-A,electricity,it,PDU output,A,2024-01-01,2024-01-31,600,kWh\n"
                + "DC1,IT-A,electricity,it,pdu_output,A,2024-02-01,2024-02-29,300,kWh\n"
                + "DC1,CRAH-A,electricity,sub,,A,2024-01-01,2024-01-31,180,kWh\n");
        Inventory inv = read(folder);
        assertEquals(List.of(), errors(inv));
        List<MeterTag> tags = inv.meterTags();
        assertEquals(2, tags.size(), tags.toString()); // IT-A's second row repeats its first: one tag
        assertEquals("IT-A", tags.get(0).meter());
        assertEquals(MeasurementPoint.PDU_OUTPUT, tags.get(0).point()); // "PDU output" is an alias
        assertEquals("A", tags.get(0).zone());
        assertEquals(3, tags.get(0).source().row());
        assertEquals("CRAH-A", tags.get(1).meter());
        assertNull(tags.get(1).point());
        assertEquals(5, tags.get(1).source().row());
    }

    @Test
    void anUnknownMeasurementPointRejectsTheRowNamingTheCell() throws Exception {
        Path p = csv(dir, "readings.csv", "site,meter,carrier,role,measurement_point,from,to,quantity,unit\n"
                + "DC1,IT-A,electricity,it,rack,2024-01-01,2024-01-31,600,kWh\n");
        Inventory inv = read(p);
        assertEquals(List.of("error: readings.csv, row 2, column E: unknown measurement_point 'rack' (expected"
                + " ups_output, pdu_output or it_input)"), errors(inv));
        assertEquals(new Inventory.RowTally(1, 0, 1), inv.rows());
    }

    @Test
    void readsTheContractsTableWithInclusiveDates() throws Exception {
        Path folder = dir.resolve("in");
        csv(dir, "in/readings.csv", "site,meter,carrier,from,to,quantity,unit\nDC1,M,electricity,2024-01-01,"
                + "2024-01-31,1,kWh\n");
        csv(dir, "in/contracts.csv", "site,counterparty,target_pue,amount_per_0.01,currency,cap,basis,from,to\n"
                + "DC1,ColoCo,1.35,\"5,000\",CNY,60000,monthly,2024-01-01,2024-12-31\n"
                + "DC1,Other,0.9,100,EUR,,annual,2024-01-01,2024-12-31\n");
        Inventory inv = read(folder);
        assertEquals(1, inv.contracts().size());
        PueContract c = inv.contracts().get(0);
        assertEquals("ColoCo", c.counterparty());
        assertEquals(0, new BigDecimal("1.35").compareTo(c.targetPue()));
        assertEquals(0, new BigDecimal("5000").compareTo(c.amountPerStep()));
        assertEquals(0, new BigDecimal("60000").compareTo(c.cap()));
        assertEquals(PueContract.Basis.MONTHLY, c.basis());
        assertEquals(DateRange.year(2024), c.period());
        assertEquals(List.of("error: contracts.csv, row 3, column C: '0.9' is below 1 (a PUE is at least 1)"),
                errors(inv));
    }
}
