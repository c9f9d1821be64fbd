package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
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
    void writesEverySheetWithHeadersListsAndAnExampleRowInEnglish() throws Exception {
        Path out = dir.resolve("template.xlsx");
        TemplateWriter.write(out, TemplateWriter.Language.EN);
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals(List.of("readings", "sites", "instruments", "targets", "denominators", "factors",
                    "instructions", "lists"), sheetNames(wb));
            XSSFSheet readings = wb.getSheet("readings");
            assertEquals("site", readings.getRow(0).getCell(0).getStringCellValue());
            assertEquals("register_digits", readings.getRow(0).getCell(14).getStringCellValue());
            List<String> validated = new ArrayList<>();
            for (DataValidation v : readings.getDataValidations()) {
                validated.add(v.getRegions().getCellRangeAddress(0).formatAsString() + " "
                        + v.getValidationConstraint().getFormula1());
            }
            assertTrue(validated.contains("C2:C10001 lists!$A$2:$A$21"), validated.toString());
            assertTrue(validated.contains("F2:F10001 lists!$B$2:$B$11"), validated.toString());
            assertTrue(validated.contains("J2:J10001 lists!$C$2:$C$21"), validated.toString());
            assertTrue(validated.contains("K2:K10001 lists!$D$2:$D$5"), validated.toString());
            assertTrue(wb.isSheetHidden(wb.getSheetIndex("lists")));
        }
    }

    @Test
    void theChineseTemplateImportsWithoutErrors() throws Exception {
        Path out = dir.resolve("模板.xlsx");
        TemplateWriter.write(out, TemplateWriter.Language.parse("zh"));
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals(List.of("读数", "站点", "绿证", "目标", "分母", "因子", "说明", "lists"), sheetNames(wb));
            assertEquals("能源类型", wb.getSheet("读数").getRow(0).getCell(2).getStringCellValue());
        }
        Inventory inv = Fixtures.read(out);
        assertEquals(List.of(), Fixtures.issues(inv));
        assertEquals(new Inventory.RowTally(1, 1, 0), inv.rows());
        assertEquals(1, inv.sites().size());
        assertEquals(1, inv.instruments().size());
        assertEquals(1, inv.targets().size());
        assertEquals(1, inv.denominators().size());
        assertEquals(1, WorkbookImporter.readTables(out, "factors").get(0).rows().size());
    }

    @Test
    void theEnglishTemplateImportsWithoutErrors() throws Exception {
        Path out = dir.resolve("template.xlsx");
        TemplateWriter.write(out, TemplateWriter.Language.EN);
        Inventory inv = Fixtures.read(out);
        assertEquals(List.of(), Fixtures.issues(inv));
        assertEquals(1, inv.readings().size());
    }
}
