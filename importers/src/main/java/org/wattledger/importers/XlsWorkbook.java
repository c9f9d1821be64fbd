package org.wattledger.importers;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * An .xls (BIFF8) workbook through Apache POI HSSF. The binary format stores numbers as IEEE
 * doubles, so a number's text is the double's shortest decimal form ({@link Double#toString}, or
 * the integer itself when the double is integral): the exact value the file holds, with no
 * DataFormatter rounding. An .xls holds at most 65,536 rows and is read whole, so its size is
 * capped instead ({@link ImportOptions#maxXlsBytes()}). Also recognises the OLE2 container of an
 * encrypted .xlsx ({@code EncryptionInfo} stream): "workbook is password-protected".
 */
final class XlsWorkbook implements Closeable {
    /** A sheet of the workbook, by index. */
    record SheetInfo(String name, boolean hidden, int index) {
    }

    private final POIFSFileSystem fs;
    private final HSSFWorkbook workbook;
    private final boolean date1904;
    private final List<SheetInfo> sheets;

    /** Reads the sheet list here, inside open()'s guard: a damaged file fails on it as an IndexOutOfBounds. */
    private XlsWorkbook(POIFSFileSystem fs, HSSFWorkbook workbook) {
        this.fs = fs;
        this.workbook = workbook;
        this.date1904 = workbook.getInternalWorkbook().isUsing1904DateWindowing();
        List<SheetInfo> list = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            list.add(new SheetInfo(workbook.getSheetName(i),
                    workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i), i));
        }
        this.sheets = List.copyOf(list);
    }

    static final String PASSWORD_PROTECTED = "is password-protected; save it without a password (File > Info >"
            + " Protect Workbook) and import it again";

    static XlsWorkbook open(Path file, ImportOptions options) {
        long size = file.toFile().length();
        if (size > options.maxXlsBytes()) {
            throw new InputRejected("is an .xls workbook of " + size + " bytes, more than the " + options.maxXlsBytes()
                    + " bytes an .xls is read to; save it as .xlsx");
        }
        POIFSFileSystem fs;
        try {
            fs = new POIFSFileSystem(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw new InputRejected("is a damaged Office file (" + e.getMessage() + "); the file was not read");
        }
        try {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                throw new InputRejected(PASSWORD_PROTECTED);
            }
            if (!root.hasEntry("Workbook") && !root.hasEntry("WORKBOOK") && !root.hasEntry("Book")) {
                throw new InputRejected("is an Office file but not an Excel workbook (no Workbook stream)");
            }
            HSSFWorkbook wb = new HSSFWorkbook(root, true);
            return new XlsWorkbook(fs, wb);
        } catch (EncryptedDocumentException e) {
            close(fs);
            throw new InputRejected(PASSWORD_PROTECTED);
        } catch (InputRejected e) {
            close(fs);
            throw e;
        } catch (IOException | RuntimeException e) {
            close(fs);
            throw new InputRejected("is a damaged .xls workbook (" + e.getMessage() + "); the file was not read");
        }
    }

    boolean date1904() {
        return date1904;
    }

    List<SheetInfo> sheets() {
        return sheets;
    }

    /**
     * Streams one sheet; POI failing on a damaged record is a damaged file, not a crash (what the
     * sink throws is passed on as it is).
     */
    void readSheet(SheetInfo info, RowSink sink) {
        List<RowSink.Merge> merges;
        try {
            merges = readRows(info, sink);
        } catch (SinkFailure e) {
            throw e.failure;
        } catch (InputRejected e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InputRejected(info.name(), "sheet " + info.name() + " is damaged (" + e.getMessage()
                    + "); the .xls workbook was not read");
        }
        sink.end(merges);
    }

    /** What the sink threw, kept apart from what POI throws. */
    private static final class SinkFailure extends RuntimeException {
        final RuntimeException failure;

        SinkFailure(RuntimeException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    /** The rows to the sink; returns the merged ranges. */
    private List<RowSink.Merge> readRows(SheetInfo info, RowSink sink) {
        Sheet sheet = workbook.getSheetAt(info.index());
        CellRow row = new CellRow();
        boolean stopped = false;
        for (Iterator<Row> it = sheet.rowIterator(); it.hasNext() && !stopped;) {
            Row r = it.next();
            row.reset(r.getRowNum() + 1);
            for (Iterator<Cell> cells = r.cellIterator(); cells.hasNext();) {
                Cell c = cells.next();
                set(row, c);
            }
            if (row.width() > 0) {
                try {
                    stopped = !sink.row(row);
                } catch (RuntimeException e) {
                    throw new SinkFailure(e);
                }
            }
        }
        List<RowSink.Merge> merges = new ArrayList<>();
        for (CellRangeAddress a : sheet.getMergedRegions()) {
            merges.add(new RowSink.Merge(a.getFirstRow(), a.getFirstColumn(), a.getLastRow(), a.getLastColumn()));
        }
        return merges;
    }

    private static void set(CellRow row, Cell c) {
        int col = c.getColumnIndex();
        CellType type = c.getCellType();
        boolean formula = type == CellType.FORMULA;
        if (formula) {
            type = c.getCachedFormulaResultType();
        }
        switch (type) {
            case NUMERIC -> row.set(col, CellRow.NUMBER, numberText(c.getNumericCellValue()), format(c));
            case STRING -> row.set(col, CellRow.TEXT, c.getStringCellValue(), CellRow.FMT_GENERAL);
            case BOOLEAN -> row.set(col, CellRow.BOOLEAN, c.getBooleanCellValue() ? "TRUE" : "FALSE",
                    CellRow.FMT_GENERAL);
            case ERROR -> row.set(col, CellRow.ERROR, errorText(c.getErrorCellValue()), CellRow.FMT_GENERAL);
            case BLANK, _NONE -> {
                if (formula) {
                    row.set(col, CellRow.NO_VALUE, "", CellRow.FMT_GENERAL);
                }
            }
            default -> {
                // FORMULA cannot be a cached result type
            }
        }
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR";
        }
    }

    /**
     * The text of a stored double: integral values as integers ("44562"), others as the double's
     * shortest round-trip decimal ("0.1", "44562.041666666664"). Acceptable only here: .xls stores
     * doubles, so this is the exact value in the file; .xlsx and CSV keep the cell's text.
     */
    static String numberText(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    private static byte format(Cell c) {
        CellStyle style = c.getCellStyle();
        if (style == null) {
            return CellRow.FMT_GENERAL;
        }
        short id = style.getDataFormat();
        if (id >= 0 && id < 164) {
            byte builtIn = NumberFormats.builtIn(id);
            if (builtIn != CellRow.FMT_GENERAL) {
                return builtIn;
            }
        }
        return NumberFormats.classify(style.getDataFormatString());
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException ignored) {
            // read-only
        }
        close(fs);
    }

    private static void close(POIFSFileSystem fs) {
        try {
            fs.close();
        } catch (IOException ignored) {
            // read-only
        }
    }
}
