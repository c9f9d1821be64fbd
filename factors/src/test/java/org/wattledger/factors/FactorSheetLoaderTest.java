package org.wattledger.factors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.factor.Factor;
import org.wattledger.engine.factor.FactorKind;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.TextTable;
import org.wattledger.engine.model.Use;

final class FactorSheetLoaderTest {
    private static final String HEADER = "id,carrier,kind,gas,value,unit,region,valid_from,valid_to,source\n";

    @TempDir
    Path dir;

    private LoadedSheet load(String name, String csv) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return FactorSheetLoader.loadCsv(file);
    }

    private static List<String> messages(LoadedSheet sheet) {
        return sheet.issues().stream().map(Issue::toString).toList();
    }

    @Test
    void acceptsAValidSheetAndKeepsThePublishedDigits() throws IOException {
        LoadedSheet sheet = load("own.csv", HEADER
                + "own.grid.2022,electricity,emission,CO2,0.5810,t/MWh,cn-bj,2022-01-01,2022-12-31,\"MEE, notice, table 1\"\n");
        assertEquals(List.of(), sheet.issues());
        assertFalse(sheet.hasErrors());
        assertEquals(1, sheet.rowsRead());
        Factor f = sheet.factors().get(0);
        assertEquals("0.5810 t/MWh", f.valueWithUnit());
        assertEquals(Carrier.ELECTRICITY, f.carrier());
        assertEquals(FactorKind.EMISSION, f.kind());
        assertEquals("CN-BJ", f.region());
        assertEquals(LocalDate.of(2022, 12, 31), f.validTo());
        assertEquals("own.csv", f.set());
        assertEquals("own.csv, row 2", f.origin().toString());
        assertEquals("MEE, notice, table 1", f.source());
        assertEquals(FactorSheetLoader.sha256(Files.readAllBytes(dir.resolve("own.csv"))), sheet.sha256());
    }

    @Test
    void rejectsOverlappingValidityForTheSameCarrierKindGasAndRegion() throws IOException {
        LoadedSheet sheet = load("overlap.csv", HEADER
                + "a,electricity,emission,CO2,0.5,t/MWh,CN,2022-01-01,2022-12-31,Src\n"
                + "b,electricity,emission,CO2,0.6,t/MWh,CN,2022-06-01,2023-05-31,Src\n");
        assertEquals(List.of("error: overlap.csv, row 3, column H: validity 2022-06-01..2023-05-31 overlaps row 2"
                + " (a, 2022-01-01..2022-12-31): same carrier, kind, gas, region, basis, use and unit denominator"), messages(sheet));
        assertEquals(List.of("a"), sheet.factors().stream().map(Factor::id).toList());
        assertEquals(1, sheet.rejected());
    }

    @Test
    void allowsTheSameValidityForAnotherBasisUseOrGas() throws IOException {
        LoadedSheet sheet = load("variants.csv", HEADER.replace("source\n", "source,basis,use\n")
                + "a,electricity,emission,CO2,0.5,t/MWh,CN,2022-01-01,2022-12-31,Src,,\n"
                + "b,electricity,emission,CO2,0.6,t/MWh,CN,2022-01-01,2022-12-31,Src,ets_reporting,\n"
                + "c,electricity,emission,CH4,0.1,kg/MWh,CN,2022-01-01,2022-12-31,Src,,\n"
                + "d,diesel,emission_per_energy,CH4,10,kg/TJ,*,1990-01-01,,Src,,stationary\n"
                + "e,diesel,emission_per_energy,CH4,3.9,kg/TJ,*,1990-01-01,,Src,,mobile\n"
                + "f,electricity,emission,CO2,0.5,t/MWh,CN,2023-01-01,,Src,,\n");
        assertEquals(List.of(), sheet.issues());
        assertEquals(6, sheet.factors().size());
        assertEquals(Use.MOBILE, sheet.factors().get(4).use());
    }

    @Test
    void rejectsAnOpenValidityThatOverlapsALaterRow() throws IOException {
        LoadedSheet sheet = load("open.csv", HEADER
                + "a,heat,emission,CO2,0.11,t/GJ,CN,2013-01-01,,Src\n"
                + "b,heat,emission,CO2,0.10,t/GJ,CN,2025-01-01,,Src\n");
        assertEquals(List.of("error: open.csv, row 3, column H: validity 2025-01-01.. overlaps row 2"
                + " (a, 2013-01-01..): same carrier, kind, gas, region, basis, use and unit denominator"), messages(sheet));
    }

    @Test
    void rejectsAnUnknownUnitWithTheUnitParsersMessage() throws IOException {
        LoadedSheet sheet = load("unit.csv", HEADER + "a,electricity,emission,CO2,0.5,t/xyz,CN,2022-01-01,,Src\n");
        assertEquals(List.of("error: unit.csv, row 2, column F: unknown unit 'xyz'"), messages(sheet));
        assertTrue(sheet.hasErrors());
        assertEquals(List.of(), sheet.factors());
    }

    @Test
    void rejectsAUnitThatDoesNotFitTheKind() throws IOException {
        LoadedSheet sheet = load("misfit.csv", HEADER + "a,diesel,ncv,,42.652,kg/L,CN,2021-01-01,,Src\n");
        assertEquals(List.of("error: misfit.csv, row 2, column F: unit 'kg/L' does not fit kind ncv"
                + " (expected energy per mass or volume, e.g. GJ/t, GJ/10^4 Nm3)"), messages(sheet));
    }

    @Test
    void rejectsAUnitThatNamesAnotherGasThanTheGasColumn() throws IOException {
        LoadedSheet sheet = load("gasunit.csv", HEADER
                + "a,electricity,emission,CO2,0.5,kg CH4/kWh,CN,2022-01-01,,Src\n"
                + "b,diesel,emission_per_energy,CH4,3,tC/TJ,*,1990-01-01,,Src\n"
                + "c,diesel,carbon_content,,20.2,tCO2/TJ,*,1990-01-01,,Src\n"
                + "d,electricity,residual_mix,CO2,0.6,t CO2e/MWh,GB,2022-01-01,,Src\n");
        assertEquals(List.of(
                "error: gasunit.csv, row 2, column F: unit 'kg CH4/kWh' names CH4, but the gas column says CO2:"
                        + " write the same gas in both, or a unit without a gas such as kg/kWh",
                "error: gasunit.csv, row 3, column F: unit 'tC/TJ' names carbon (C), but the gas column says CH4:"
                        + " write the same gas in both, or a unit without a gas such as t/TJ",
                "error: gasunit.csv, row 4, column F: unit 'tCO2/TJ' names CO2, but kind carbon_content is a mass of"
                        + " carbon (write tC/TJ, or use kind emission_per_energy for CO2 per energy)",
                "error: gasunit.csv, row 5, column F: unit 't CO2e/MWh' names CO2e, but the gas column says CO2:"
                        + " write the same gas in both, or a unit without a gas such as t/MWh"), messages(sheet));
        assertEquals(List.of(), sheet.factors());
        assertEquals(4, sheet.rejected());
    }

    @Test
    void acceptsAUnitThatNamesTheRowsOwnGas() throws IOException {
        LoadedSheet sheet = load("samegas.csv", HEADER
                + "a,electricity,emission,CO2,0.5,kg CO2/kWh,CN,2022-01-01,,Src\n"
                + "b,diesel,emission_per_energy,ch4,3,kg CH4/TJ,*,1990-01-01,,Src\n"
                + "c,diesel,carbon_content,,20.2,tC/TJ,*,1990-01-01,,Src\n"
                + "d,electricity,emission,CO2e,0.2,kg CO2e/kWh,GB,2022-01-01,,Src\n");
        assertEquals(List.of(), sheet.issues());
        assertEquals(List.of("a", "b", "c", "d"), sheet.factors().stream().map(Factor::id).toList());
    }

    @Test
    void acceptsADensityAsMassPerVolumeOnly() throws IOException {
        LoadedSheet sheet = load("density.csv", HEADER
                + "d,diesel,density,,0.84,kg/L,*,2024-01-01,,Supplier delivery note 2024-01\n"
                + "e,diesel,density,,0.84,GJ/t,*,2024-01-01,,Src\n");
        assertEquals(List.of("error: density.csv, row 3, column F: unit 'GJ/t' does not fit kind density"
                + " (expected mass per volume, e.g. kg/L, t/m3)"), messages(sheet));
        assertEquals(FactorKind.DENSITY, sheet.factors().get(0).kind());
        assertEquals("0.84 kg/L", sheet.factors().get(0).valueWithUnit());
    }

    @Test
    void rejectsAMissingSource() throws IOException {
        LoadedSheet sheet = load("nosource.csv", HEADER + "a,electricity,emission,CO2,0.5,t/MWh,CN,2022-01-01,,\n");
        assertEquals(List.of("error: nosource.csv, row 2, column J: missing source"
                + " (cite the publisher, document and table)"), messages(sheet));
    }

    @Test
    void rejectsUnknownKindAndCarrierOnTheSameRow() throws IOException {
        LoadedSheet sheet = load("words.csv", HEADER + "a,coal-ish,emision,CO2,0.5,t/MWh,CN,2022-01-01,,Src\n");
        assertEquals(List.of(
                "error: words.csv, row 2, column B: unknown carrier 'coal-ish'",
                "error: words.csv, row 2, column C: unknown kind 'emision' (expected emission, emission_per_energy,"
                        + " ncv, hhv, carbon_content, oxidation, tce, gwp, residual_mix or density)"), messages(sheet));
    }

    @Test
    void rejectsAMissingOrUnknownGasForEmissionKinds() throws IOException {
        LoadedSheet sheet = load("gas.csv", HEADER
                + "a,electricity,emission,,0.5,t/MWh,CN,2022-01-01,,Src\n"
                + "b,*,gwp,,28,1,*,1990-01-01,,Src\n"
                + "c,electricity,residual_mix,CO3,0.5,t/MWh,CN,2022-01-01,,Src\n");
        assertEquals(List.of(
                "error: gas.csv, row 2, column D: missing gas (kind emission needs CO2, CH4, N2O or CO2e)",
                "error: gas.csv, row 3, column D: missing gas (kind gwp needs the gas it is for, e.g. CH4 or R-410A)",
                "error: gas.csv, row 4, column D: unknown gas 'CO3' for kind residual_mix (expected CO2, CH4, N2O or CO2e)"),
                messages(sheet));
    }

    @Test
    void warnsAndDropsAGasOnAKindThatTakesNone() throws IOException {
        LoadedSheet sheet = load("ncv.csv", HEADER + "a,natural_gas,ncv,CO2,389.31,GJ/10^4 Nm3,CN,2021-01-01,,Src\n");
        assertEquals(List.of("warning: ncv.csv, row 2, column D: gas 'CO2' ignored: kind ncv takes no gas"),
                messages(sheet));
        assertFalse(sheet.hasErrors());
        assertNull(sheet.factors().get(0).gas());
    }

    @Test
    void rejectsBadNumbersAndBadDates() throws IOException {
        LoadedSheet sheet = load("cells.csv", HEADER
                + "a,electricity,emission,CO2,n/a,t/MWh,CN,2022-13-01,,Src\n"
                + "b,electricity,emission,CO2,-0.5,t/MWh,CN,2022-01-01,2021-12-31,Src\n"
                + "c,natural_gas,oxidation,,99,1,CN,2021,,Src\n");
        assertEquals(List.of(
                "error: cells.csv, row 2, column E: 'n/a' is not a number",
                "error: cells.csv, row 2, column H: '2022-13-01' is not a date (expected YYYY-MM-DD)",
                "error: cells.csv, row 3, column E: value -0.5 is negative: a factor cannot be negative",
                "error: cells.csv, row 3, column I: valid_to 2021-12-31 is before valid_from 2022-01-01",
                "error: cells.csv, row 4, column E: oxidation 99 is more than 1: write 0.99, or 99 with unit %"),
                messages(sheet));
        assertEquals(3, sheet.rowsRead());
        assertEquals(3, sheet.rejected());
    }

    @Test
    void readsAYearAloneAsTheWholeYear() throws IOException {
        LoadedSheet sheet = load("years.csv", HEADER + "a,electricity,emission,CO2,0.5,t/MWh,CN,2022,2022,Src\n");
        Factor f = sheet.factors().get(0);
        assertEquals("2022-01-01..2022-12-31", f.validity());
    }

    @Test
    void rejectsADuplicateId() throws IOException {
        LoadedSheet sheet = load("dup.csv", HEADER
                + "a,electricity,emission,CO2,0.5,t/MWh,CN,2022-01-01,2022-12-31,Src\n"
                + "a,electricity,emission,CO2,0.5,t/MWh,CN,2023-01-01,2023-12-31,Src\n");
        assertEquals(List.of("error: dup.csv, row 3, column A: duplicate id 'a' (first used on row 2)"), messages(sheet));
    }

    @Test
    void reportsAMissingColumnAndAcceptsNoRow() throws IOException {
        LoadedSheet sheet = load("cols.csv", "id,carrier,kind,gas,value,unit,region,valid_from,remark\n"
                + "a,electricity,emission,CO2,0.5,t/MWh,CN,2022-01-01,x\n");
        assertEquals(List.of(
                "error: cols.csv, row 1: missing column 'source'",
                "warning: cols.csv, row 1, column I: column 'remark' is not a factor-sheet column; ignored"),
                messages(sheet));
        assertEquals(1, sheet.rowsRead());
        assertEquals(List.of(), sheet.factors());
    }

    @Test
    void matchesHeadersIgnoringCaseSpacesAndAUnitInBrackets() throws IOException {
        LoadedSheet sheet = load("headers.csv", "ID,Carrier,Kind,Gas,Value (t/MWh),Unit,Region,Valid From,Valid-To,Source\n"
                + "a,电力,emission,co2e,0.5,t/MWh,GB,2022-01-01,,Src\n");
        assertEquals(List.of(), sheet.issues());
        assertEquals("CO2e", sheet.factors().get(0).gas());
        assertEquals(Carrier.ELECTRICITY, sheet.factors().get(0).carrier());
    }

    @Test
    void namesTheSheetOfAWorkbookInEveryIssue() {
        TextTable table = new TextTable("book.xlsx", "factors", 3, List.of("id", "carrier", "kind", "gas", "value",
                "unit", "region", "valid_from", "valid_to", "source"),
                List.of(new TextTable.Row(4, List.of("a", "electricity", "emission", "CO2", "0.5", "t/MWh", "CN",
                        "2022-01-01", "", ""))));
        LoadedSheet sheet = FactorSheetLoader.load(table, "ab12");
        assertEquals(List.of("error: book.xlsx, sheet factors, row 4, column J: missing source"
                + " (cite the publisher, document and table)"), messages(sheet));
        assertEquals("book.xlsx, sheet factors", sheet.label());
        assertEquals("ab12", sheet.sha256());
    }

    @Test
    void skipsBlankRowsAndAByteOrderMark() throws IOException {
        Path file = dir.resolve("bom.csv");
        byte[] body = (HEADER + "a,electricity,emission,CO2,\"1,234.5\",kg/MWh,CN,2022-01-01,,Src\n,,,,,,,,,\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Files.write(file, bytes);
        LoadedSheet sheet = FactorSheetLoader.loadCsv(file);
        assertEquals(List.of(), sheet.issues());
        assertEquals(1, sheet.rowsRead());
        assertEquals(0, new BigDecimal("1234.5").compareTo(sheet.factors().get(0).value()));
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] gbk = {(byte) 0xB5, (byte) 0xE7, ','};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FactorSheetLoader.readCsv("gbk.csv", gbk));
        assertEquals("gbk.csv is not UTF-8 text", e.getMessage());
    }

    @Test
    void hashesBytesWithSha256InLowerCaseHex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                FactorSheetLoader.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aSingleSourceConfirmationLeadsTheNoteAndAnUnknownOneIsAnError() throws IOException {
        String header = "id,carrier,kind,gas,value,unit,region,valid_from,valid_to,source,note,confirmation\n";
        LoadedSheet sheet = load("c.csv", header
                + "a,electricity,emission,CO2,0.5,t/MWh,CN,2022-01-01,2022-12-31,Src,,single-source\n"
                + "b,electricity,emission,CO2,0.5,t/MWh,CN-BJ,2022-01-01,2022-12-31,Src,from the table,single-source\n"
                + "c,electricity,emission,CO2,0.5,t/MWh,CN-SH,2022-01-01,2022-12-31,Src,from the table,two-sources\n"
                + "d,electricity,emission,CO2,0.5,t/MWh,CN-GD,2022-01-01,2022-12-31,Src,\"x; single-source\",single-source\n"
                + "e,electricity,emission,CO2,0.5,t/MWh,CN-GX,2022-01-01,2022-12-31,Src,,3 sources\n");
        assertEquals(List.of("single-source", "single-source; from the table", "from the table", "x; single-source"),
                sheet.factors().stream().map(org.wattledger.engine.factor.Factor::note).toList());
        assertEquals(List.of("error: c.csv, row 6, column L: confirmation '3 sources' is neither two-sources nor"
                + " single-source"), messages(sheet));
    }

    @Test
    void hhvIsAGrossCalorificValueKind() throws IOException {
        LoadedSheet sheet = load("hhv.csv", HEADER + "a,diesel,hhv,,0.138,mmBtu/gal,US,2021-01-01,,EPA Hub Table 1\n"
                + "b,diesel,gross calorific value,,1,GJ/kWh,US,2021-01-01,,Src\n");
        assertEquals(org.wattledger.engine.factor.FactorKind.HHV, sheet.factors().get(0).kind());
        assertEquals(List.of("error: hhv.csv, row 3, column F: unit 'GJ/kWh' does not fit kind hhv (expected energy per"
                + " mass or volume, e.g. mmBtu/scf, mmBtu/gal)"), messages(sheet));
    }
}
