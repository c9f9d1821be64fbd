package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.model.Inventory;

final class TemplateWriterTest {
    @TempDir
    Path dir;

    private static List<String> sheetNames(XSSFWorkbook wb) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            names.add(wb.getSheetName(i));
        }
        return names;
    }

    @Test
    void writesEverySheetWithHeadersListsAndAnExamplesSheetInEnglish() throws Exception {
        Path out = dir.resolve("template.xlsx");
        TemplateWriter.write(out, TemplateWriter.Language.EN);
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals(List.of("readings", "sites", "instruments", "targets", "denominators", "factors",
                    "examples", "instructions", "lists"), sheetNames(wb));
            XSSFSheet readings = wb.getSheet("readings");
            assertEquals("site", readings.getRow(0).getCell(0).getStringCellValue());
            assertEquals("register_digits", readings.getRow(0).getCell(14).getStringCellValue());
            assertEquals(0, readings.getLastRowNum(), "the readings sheet holds its header only");
            List<String> validated = new ArrayList<>();
            String unitNote = null;
            for (DataValidation v : readings.getDataValidations()) {
                String range = v.getRegions().getCellRangeAddress(0).formatAsString();
                validated.add(range + " " + v.getValidationConstraint().getFormula1());
                if (range.startsWith("J2")) {
                    unitNote = v.getPromptBoxText();
                }
            }
            assertTrue(validated.contains("C2:C10001 lists!$A$2:$A$21"), validated.toString());
            assertTrue(validated.contains("F2:F10001 lists!$B$2:$B$11"), validated.toString());
            assertTrue(validated.contains("J2:J10001 lists!$C$2:$C$21"), validated.toString());
            assertTrue(validated.contains("K2:K10001 lists!$D$2:$D$5"), validated.toString());
            // The unit list offers L; the note says the bundled sets need a density for it.
            assertEquals("L or m3 of diesel, gasoline or LPG: the bundled CN and IPCC factors are per tonne, so give kg"
                    + " or t, or add a density row (kind density, e.g. kg/L) to the factors sheet.", unitNote);
            assertTrue(wb.isSheetHidden(wb.getSheetIndex("lists")));
            XSSFSheet examples = wb.getSheet("examples");
            assertEquals("readings", examples.getRow(2).getCell(0).getStringCellValue());
            assertEquals(125000, examples.getRow(4).getCell(8).getNumericCellValue());
        }
    }

    @Test
    void aBlankChineseTemplateReadsAsNoRowsAndNoRecords() throws Exception {
        Path out = dir.resolve("模板.xlsx");
        TemplateWriter.write(out, TemplateWriter.Language.parse("zh"));
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals(List.of("读数", "站点", "绿证", "目标", "分母", "因子", "示例", "说明", "lists"), sheetNames(wb));
            assertEquals("能源类型", wb.getSheet("读数").getRow(0).getCell(2).getStringCellValue());
        }
        Inventory inv = Fixtures.read(out);
        assertEquals(new Inventory.RowTally(0, 0, 0), inv.rows());
        assertEquals(List.of(), inv.readings());
        assertEquals(List.of(), inv.sites());
        assertEquals(List.of(), inv.instruments());
        assertEquals(List.of(), inv.targets());
        assertEquals(List.of(), inv.denominators());
        // The example factor row (0.5703 t/MWh for CN-BJ) must not override the bundled factor.
        assertEquals(0, WorkbookImporter.readTables(out, "factors").get(0).rows().size());
    }

    @Test
    void aBlankEnglishTemplateReadsAsNoRows() throws Exception {
        Path out = dir.resolve("template.xlsx");
        TemplateWriter.write(out, TemplateWriter.Language.EN);
        Inventory inv = Fixtures.read(out);
        assertEquals(new Inventory.RowTally(0, 0, 0), inv.rows());
        assertEquals(List.of(), inv.readings());
        assertEquals(List.of(), Fixtures.errors(inv));
    }

    /** Copies each example row into row 2 of the sheet named above it, as a user would start. */
    private static void useTheExamples(Path template, Path out) throws Exception {
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet examples = wb.getSheet("examples");
            for (int r = 1; r <= examples.getLastRowNum(); r++) {
                Row title = examples.getRow(r);
                if (title == null || title.getCell(0) == null || wb.getSheet(title.getCell(0).getStringCellValue()) == null) {
                    continue;
                }
                XSSFSheet target = wb.getSheet(title.getCell(0).getStringCellValue());
                Row example = examples.getRow(r + 2);
                Row copy = target.createRow(1);
                for (Cell c : example) {
                    Cell d = copy.createCell(c.getColumnIndex());
                    switch (c.getCellType()) {
                        case NUMERIC -> {
                            d.setCellValue(c.getNumericCellValue());
                            d.setCellStyle(c.getCellStyle());
                        }
                        default -> d.setCellValue(c.getStringCellValue());
                    }
                }
            }
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        }
    }

    @Test
    void theExampleRowsAreValidInputOnceCopiedIntoTheirSheets() throws Exception {
        Path template = dir.resolve("template.xlsx");
        TemplateWriter.write(template, TemplateWriter.Language.EN);
        Path filled = dir.resolve("filled.xlsx");
        useTheExamples(template, filled);
        Inventory inv = Fixtures.read(filled);
        assertEquals(List.of(), Fixtures.errors(inv));
        assertEquals(new Inventory.RowTally(1, 1, 0), inv.rows());
        // January 2022, 125,000 kWh at DC1 (the example row)
        assertEquals(0, new BigDecimal("125000").compareTo(inv.readings().get(0).quantity()));
        assertEquals("CN-BJ", inv.sites().get(0).region());
        assertEquals(1, inv.instruments().size());
        assertEquals(1, inv.targets().size());
        assertEquals(1, inv.denominators().size());
        assertEquals(1, WorkbookImporter.readTables(filled, "factors").get(0).rows().size());
    }
}
