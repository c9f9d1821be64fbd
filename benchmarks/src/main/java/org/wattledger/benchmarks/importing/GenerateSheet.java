package org.wattledger.benchmarks.importing;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an N-row readings sheet (hourly readings of many meters) as .xlsx or .csv, for the
 * import benchmark: {@code java -cp benchmarks.jar org.wattledger.benchmarks.importing.GenerateSheet N out.xlsx|out.csv}.
 *
 * <p>Columns: {@code site, meter, carrier, unit, from, to, quantity}; N data rows below one header
 * row. Meters read hourly for a year (8,760 rows each) from 2022-01-01; every 8th meter is water
 * (m3), every 8th + 1 natural gas (m3), the rest electricity (kWh). Quantities are random
 * three-decimal numbers from a fixed seed, so the same N gives byte-identical files.
 *
 * <p>The xlsx is written the way Excel writes it: strings in a shared-strings table, the period
 * as date-time serial numbers with a date-time number format, the quantity as a plain number,
 * every entry deflated at the default level. It is written directly as XML into the zip (a
 * million rows in a few seconds) rather than through POI.
 */
public final class GenerateSheet {
    /** Excel's largest sheet: 1,048,576 rows including the header row. */
    public static final int MAX_XLSX_DATA_ROWS = 1_048_575;
    private static final int HOURS_PER_METER = 8760;
    private static final LocalDateTime START = LocalDateTime.of(2022, 1, 1, 0, 0);
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final long EXCEL_EPOCH_DAY = java.time.LocalDate.of(1899, 12, 30).toEpochDay();

    private GenerateSheet() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: GenerateSheet N out.xlsx|out.csv");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0].replace("_", ""));
        Path out = Path.of(args[1]);
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            writeXlsx(n, out);
        } else if (name.endsWith(".csv")) {
            writeCsv(n, out);
        } else {
            System.err.println("the output must end in .xlsx or .csv: " + out);
            System.exit(2);
        }
        System.err.println("wrote " + n + " data rows to " + out + " (" + Files.size(out) + " bytes)");
    }

    /** One generated row. */
    record Row(String site, String meter, String carrier, String unit, LocalDateTime from, LocalDateTime to,
            String quantity) {
    }

    /** The i-th row (0-based) of the data set; deterministic. */
    static Row row(int i, SplittableRandom random) {
        int meterIndex = i / HOURS_PER_METER;
        int hour = i % HOURS_PER_METER;
        String site = String.format(Locale.ROOT, "S%02d", meterIndex % 10 + 1);
        String meter = String.format(Locale.ROOT, "M%04d", meterIndex + 1);
        String carrier;
        String unit;
        long milli;
        switch (meterIndex % 8) {
            case 0 -> {
                carrier = "water";
                unit = "m3";
                milli = random.nextLong(1, 5_000);
            }
            case 1 -> {
                carrier = "natural_gas";
                unit = "m3";
                milli = random.nextLong(1, 50_000);
            }
            default -> {
                carrier = "electricity";
                unit = "kWh";
                milli = random.nextLong(1, 900_000);
            }
        }
        LocalDateTime from = START.plusHours(hour);
        String quantity = java.math.BigDecimal.valueOf(milli, 3).toPlainString();
        return new Row(site, meter, carrier, unit, from, from.plusHours(1), quantity);
    }

    public static void writeCsv(int n, Path out) throws IOException {
        SplittableRandom random = new SplittableRandom(20220101L);
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8),
                1 << 16)) {
            w.write("site,meter,carrier,unit,from,to,quantity\n");
            for (int i = 0; i < n; i++) {
                Row r = row(i, random);
                w.write(r.site);
                w.write(',');
                w.write(r.meter);
                w.write(',');
                w.write(r.carrier);
                w.write(',');
                w.write(r.unit);
                w.write(',');
                w.write(CSV_TIME.format(r.from));
                w.write(',');
                w.write(CSV_TIME.format(r.to));
                w.write(',');
                w.write(r.quantity);
                w.write('\n');
            }
        }
    }

    public static void writeXlsx(int n, Path out) throws IOException {
        if (n > MAX_XLSX_DATA_ROWS) {
            throw new IllegalArgumentException("an xlsx sheet holds at most " + MAX_XLSX_DATA_ROWS + " data rows");
        }
        Map<String, Integer> sst = new LinkedHashMap<>();
        for (String h : List.of("site", "meter", "carrier", "unit", "from", "to", "quantity")) {
            sst.computeIfAbsent(h, k -> sst.size());
        }
        long sstRefs = 7;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
                ZipOutputStream zip = new ZipOutputStream(file)) {
            put(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
                    <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                    </Types>""");
            put(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            put(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <sheets><sheet name="readings" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            put(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
                    <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                    </Relationships>""");
            put(zip, "xl/styles.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                    <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/></numFmts>\
                    <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
                    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
                    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
                    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                    <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
                    </styleSheet>""");

            zip.putNextEntry(entry("xl/worksheets/sheet1.xml"));
            Writer w = new BufferedWriter(new OutputStreamWriter(nonClosing(zip), StandardCharsets.UTF_8), 1 << 16);
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<dimension ref=\"A1:G" + (n + 1) + "\"/><sheetData>");
            w.write("<row r=\"1\">");
            String[] letters = {"A", "B", "C", "D", "E", "F", "G"};
            for (int c = 0; c < 7; c++) {
                w.write("<c r=\"" + letters[c] + "1\" t=\"s\"><v>" + c + "</v></c>");
            }
            w.write("</row>");
            SplittableRandom random = new SplittableRandom(20220101L);
            StringBuilder sb = new StringBuilder(256);
            for (int i = 0; i < n; i++) {
                Row r = row(i, random);
                int rowNum = i + 2;
                sb.setLength(0);
                sb.append("<row r=\"").append(rowNum).append("\">");
                String[] strings = {r.site, r.meter, r.carrier, r.unit};
                for (int c = 0; c < 4; c++) {
                    Integer idx = sst.get(strings[c]);
                    if (idx == null) {
                        idx = sst.size();
                        sst.put(strings[c], idx);
                    }
                    sstRefs++;
                    sb.append("<c r=\"").append(letters[c]).append(rowNum).append("\" t=\"s\"><v>").append(idx)
                            .append("</v></c>");
                }
                sb.append("<c r=\"E").append(rowNum).append("\" s=\"1\"><v>").append(serial(r.from)).append("</v></c>");
                sb.append("<c r=\"F").append(rowNum).append("\" s=\"1\"><v>").append(serial(r.to)).append("</v></c>");
                sb.append("<c r=\"G").append(rowNum).append("\"><v>").append(r.quantity).append("</v></c>");
                sb.append("</row>");
                w.append(sb);
            }
            w.write("</sheetData></worksheet>");
            w.flush();
            zip.closeEntry();

            zip.putNextEntry(entry("xl/sharedStrings.xml"));
            Writer s = new BufferedWriter(new OutputStreamWriter(nonClosing(zip), StandardCharsets.UTF_8), 1 << 16);
            s.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + sstRefs
                    + "\" uniqueCount=\"" + sst.size() + "\">");
            List<String> ordered = new ArrayList<>(sst.keySet());
            for (String str : ordered) {
                s.write("<si><t>" + str + "</t></si>");
            }
            s.write("</sst>");
            s.flush();
            zip.closeEntry();
        }
    }

    /** An Excel 1900-system serial written as Excel writes it: the shortest text of the double. */
    static String serial(LocalDateTime t) {
        long days = t.toLocalDate().toEpochDay() - EXCEL_EPOCH_DAY;
        int seconds = t.toLocalTime().toSecondOfDay();
        if (seconds == 0) {
            return Long.toString(days);
        }
        return Double.toString(days + seconds / 86400.0);
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(entry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** A zip entry with a fixed time stamp, so that the same N gives the same bytes. */
    private static ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(START);
        return e;
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }
}
