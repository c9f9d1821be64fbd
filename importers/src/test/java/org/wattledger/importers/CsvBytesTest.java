package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link CsvBytes} splits CSV text as FastCSV 4 (the reader it replaced) does with the options the
 * importer used: the same records, fields and starting line numbers, and the same errors, on
 * hand-written cases and on thousands of random texts built from the characters that matter.
 */
final class CsvBytesTest {
    private static final int MAX = 65_536;

    /** "line:field|field ..." per record, or the error's message. */
    private static String fastCsv(String text, char delimiter) {
        StringBuilder sb = new StringBuilder();
        try {
            CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(delimiter).allowExtraFields(true)
                    .allowMissingFields(true).allowUnclosedQuote(false).skipEmptyLines(true).maxBufferSize(MAX)
                    .ofCsvRecord(new StringReader(text));
            for (CsvRecord r : csv) {
                sb.append(r.getStartingLineNumber()).append(':').append(String.join("|", r.getFields())).append('\n');
            }
        } catch (CsvParseException e) {
            sb.append("error ").append(e.getMessage());
        }
        return sb.toString();
    }

    private static String csvBytes(String text, char delimiter, int readSize) throws IOException {
        StringBuilder sb = new StringBuilder();
        try {
            CsvBytes csv = new CsvBytes(trickle(text.getBytes(StandardCharsets.UTF_8), readSize), delimiter, MAX);
            CsvBytes.Record r = new CsvBytes.Record();
            while (csv.next(r)) {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < r.fields; i++) {
                    fields.add(r.text(i));
                }
                sb.append(r.line).append(':').append(String.join("|", fields)).append('\n');
            }
        } catch (CsvBytes.Malformed e) {
            sb.append("error ").append(e.getMessage());
        }
        return sb.toString();
    }

    /** The bytes handed on at most {@code n} at a time, so records and quotes straddle every read. */
    private static InputStream trickle(byte[] bytes, int n) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, n));
            }
        };
    }

    private static void same(String text, char delimiter) throws IOException {
        String expected = fastCsv(text, delimiter);
        for (int readSize : new int[] {1, 2, 3, 7, 1 << 16}) {
            assertEquals(expected, csvBytes(text, delimiter, readSize), () -> "text " + text.replace("\r", "\\r")
                    .replace("\n", "\\n") + " read " + readSize + " bytes at a time");
        }
    }

    @Test
    void handWrittenCasesSplitAsFastCsvSplitsThem() throws IOException {
        String[] cases = {"a,b\n", "a,b", "a,b,", ",", "\n\na,b\r\n\r\nc\r\rd\n", "\"a\nb\",c\r\nd",
            "x,\"a\"\"b\"\n", "\"\"\"\",\"\"", "a\"b,c\n", "\"ab\"cd,e\n", "\"ab", "a,\"b\"\"", " \"ab\" ,c",
            "\"a\r\nb\r\nc\",d\ne", "北京,电表1,电力\r\n上海,\"电,表\",3.2万\n", "a,\"b\"\r", "\r\n", "\"\"\n\"\"",
            "1,2\n\r\n\n3,4\r"};
        for (String c : cases) {
            same(c, ',');
        }
        // what FastCSV gives for three of them, written out: line numbers count the breaks inside quotes
        assertEquals("1:a\nb|c\n3:d\n", csvBytes("\"a\nb\",c\r\nd", ',', 5));
        assertEquals("3:a|b\n5:c\n7:d\n", csvBytes("\n\na,b\r\n\r\nc\r\rd\n", ',', 5));
        assertEquals("error Unexpected character after closing quote: 'c' (0x63) (record starting at line 1)",
                csvBytes("\"ab\"cd,e\n", ',', 5));
    }

    @Test
    void randomTextsSplitAsFastCsvSplitsThem() throws IOException {
        String[] pieces = {"a", "7", ",", ";", "\t", "\"", "\"\"", "\n", "\r", "\r\n", " ", "é", "电", "😀", "x,y"};
        Random random = new Random(20_261_202L);
        for (int i = 0; i < 3_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(14);
            for (int k = 0; k < n; k++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            char delimiter = i % 3 == 0 ? ';' : i % 3 == 1 ? ',' : '\t';
            same(sb.toString(), delimiter);
        }
    }

    @Test
    void aDelimiterOfSeveralBytesIsFoundAcrossReads() throws IOException {
        // sep=€ names a separator of three UTF-8 bytes (E2 82 AC)
        same("a€b€\"c€d\"\n€x\n电€€\r\n", '€');
        assertEquals("1:a|b|c€d\n2:|x\n3:电||\n", csvBytes("a€b€\"c€d\"\n€x\n电€€\r\n", '€', 1));
    }

    @Test
    void aFieldLongerThanTheLimitEndsTheRead() {
        // 70,000 characters in one quoted field: more than the 65,536 a field may hold
        String text = "a,\"" + "x".repeat(70_000) + "\"\n";
        CsvBytes.Malformed e = assertThrows(CsvBytes.Malformed.class, () -> {
            CsvBytes csv = new CsvBytes(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), ',', MAX);
            csv.next(new CsvBytes.Record());
        });
        assertEquals(CsvBytes.Malformed.Kind.FIELD_TOO_LONG, e.kind);
        assertEquals(1, e.line);
    }

    @Test
    void theLimitCountsCharactersNotBytes() throws IOException {
        // 30,000 Chinese characters are 90,000 UTF-8 bytes but 30,000 characters: under the 65,536 limit
        String field = "电".repeat(30_000);
        CsvBytes csv = new CsvBytes(new ByteArrayInputStream(("\"" + field + "\",b\n").getBytes(StandardCharsets.UTF_8)),
                ',', MAX);
        CsvBytes.Record r = new CsvBytes.Record();
        csv.next(r);
        assertEquals(30_000, r.chars(0));
        assertEquals(field, r.text(0));
    }
}
