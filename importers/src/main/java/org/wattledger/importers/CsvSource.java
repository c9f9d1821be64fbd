package org.wattledger.importers;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A CSV file as rows of text, through FastCSV. The encoding is detected from the bytes: a BOM
 * (UTF-8, UTF-16LE/BE), else UTF-8 when the first 64 KiB decode strictly as UTF-8, else GB18030
 * (a superset of GBK and GB2312, what Chinese Excel writes). The delimiter is detected among
 * comma, semicolon and tab from the first lines (an Excel {@code sep=;} line is obeyed and
 * skipped). Row numbers are the file's 1-based line numbers.
 */
final class CsvSource {
    static final Charset GB18030 = Charset.forName("GB18030");
    private static final int SNIFF = 64 * 1024;

    /** What was detected about a CSV file. */
    record Dialect(Charset charset, int bomBytes, char delimiter, boolean sepLine) {
    }

    private CsvSource() {
    }

    /**
     * Reads the file to {@code sink}; {@code digest} sees every byte of the file; {@code progress}
     * gets bytes read so far.
     */
    static void read(Path file, ImportOptions options, java.util.function.Function<Dialect, RowSink> sinks,
            MessageDigest digest, LongConsumer progress) {
        try (InputStream raw = Files.newInputStream(file);
                CountingStream counted = new CountingStream(raw, digest, progress);
                BufferedInputStream in = new BufferedInputStream(counted, 1 << 16)) {
            in.mark(SNIFF + 8);
            byte[] head = in.readNBytes(SNIFF);
            in.reset();
            Dialect d = detect(head, head.length < SNIFF);
            in.skipNBytes(d.bomBytes());
            RowSink sink = sinks.apply(d);
            Reader reader = new InputStreamReader(in, d.charset());
            CsvReader<CsvRecord> csv = CsvReader.builder()
                    .fieldSeparator(d.delimiter())
                    .allowExtraFields(true)
                    .allowMissingFields(true)
                    .skipEmptyLines(true)
                    .maxBufferSize(Math.max(options.maxCellChars() * 2, 1 << 16))
                    .ofCsvRecord(reader);
            CellRow row = new CellRow();
            long rows = 0;
            boolean first = true;
            try {
                for (CsvRecord rec : csv) {
                    if (first && d.sepLine()) {
                        first = false;
                        continue;
                    }
                    first = false;
                    if (++rows > options.maxCsvRows()) {
                        throw new InputRejected("has more than " + options.maxCsvRows()
                                + " lines, the most a CSV file is read to; the file was not read");
                    }
                    long line = rec.getStartingLineNumber();
                    row.reset((int) Math.min(line, Integer.MAX_VALUE));
                    int n = rec.getFieldCount();
                    if (n > ImportOptions.EXCEL_MAX_COLUMNS) {
                        throw new InputRejected("has a line of more than " + ImportOptions.EXCEL_MAX_COLUMNS
                                + " fields (line " + line + "); the file was not read");
                    }
                    for (int i = 0; i < n; i++) {
                        String f = rec.getField(i);
                        if (f.length() > options.maxCellChars()) {
                            throw new InputRejected("has a field longer than " + options.maxCellChars()
                                    + " characters (line " + line + "); the file was not read");
                        }
                        if (!f.isEmpty()) {
                            row.set(i, CellRow.TEXT, f, CellRow.FMT_GENERAL);
                        }
                    }
                    if (row.width() > 0 && !sink.row(row)) {
                        break;
                    }
                }
            } catch (CsvParseException e) {
                InputRejected inner = InputRejectedCause.find(e);
                if (inner != null) {
                    throw inner;
                }
                throw new InputRejected("cannot be parsed as CSV (" + e.getMessage() + "); the file was not read");
            } catch (UncheckedIOException e) {
                throw new InputRejected("cannot be read: " + e.getCause().getMessage());
            }
            in.transferTo(OutputSink.NULL);
            sink.end(List.of());
        } catch (IOException e) {
            throw new InputRejected("cannot be read: " + e.getMessage());
        }
    }

    /** Detects encoding and delimiter from the first bytes of a file ({@code complete}: they are the whole file). */
    static Dialect detect(byte[] head, boolean complete) {
        int bom = 0;
        Charset cs = null;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            bom = 3;
            cs = StandardCharsets.UTF_8;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            bom = 2;
            cs = StandardCharsets.UTF_16LE;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            bom = 2;
            cs = StandardCharsets.UTF_16BE;
        }
        if (cs == null) {
            int nul = 0;
            int control = 0;
            for (byte b : head) {
                if (b == 0) {
                    nul++;
                } else if (b > 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != 0x0C) {
                    control++;
                }
            }
            if (nul > 0 || control > head.length / 20 + 1) {
                throw new InputRejected("is not a text file (it holds binary data), so it cannot be read as CSV");
            }
            cs = isUtf8(head, complete) ? StandardCharsets.UTF_8 : GB18030;
        }
        String text = new String(head, bom, head.length - bom, cs);
        String[] lines = text.split("\r\n|\n|\r", 22);
        if (lines.length > 0) {
            String l0 = lines[0].strip();
            if (l0.length() == 5 && l0.regionMatches(true, 0, "sep=", 0, 4)) {
                return new Dialect(cs, bom, l0.charAt(4), true);
            }
        }
        return new Dialect(cs, bom, delimiter(lines, complete), false);
    }

    /** The candidate that splits the most of the first lines, then splits them most evenly, then most often. */
    static char delimiter(String[] lines, boolean complete) {
        char[] candidates = {',', ';', '\t'};
        char best = ',';
        long bestScore = -1;
        int usable = complete ? lines.length : Math.max(lines.length - 1, 1);
        for (char c : candidates) {
            int linesWith = 0;
            int total = 0;
            java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
            for (int i = 0; i < usable && i < 20; i++) {
                int n = countOutsideQuotes(lines[i], c);
                if (n > 0) {
                    linesWith++;
                    total += n;
                    counts.merge(n, 1, Integer::sum);
                }
            }
            int mode = counts.values().stream().max(Integer::compare).orElse(0);
            long score = (long) linesWith * 1_000_000L + (long) mode * 1_000L + Math.min(total, 999);
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return bestScore <= 0 ? ',' : best;
    }

    private static int countOutsideQuotes(String line, char c) {
        boolean quoted = false;
        int n = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                n++;
            }
        }
        return n;
    }

    /** Strict UTF-8 check; a sequence cut off at the end of an incomplete prefix is allowed. */
    static boolean isUtf8(byte[] head, boolean complete) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(head);
        CharBuffer out = CharBuffer.allocate(head.length + 1);
        java.nio.charset.CoderResult r = dec.decode(in, out, complete);
        if (r.isError()) {
            return false;
        }
        if (complete) {
            try {
                r = dec.flush(out);
                return !r.isError() && !in.hasRemaining();
            } catch (IllegalStateException e) {
                return false;
            }
        }
        return in.remaining() < 4;
    }

    /** Decodes strictly, for tests and messages. */
    static String decodeStrict(byte[] bytes, Charset cs) throws CharacterCodingException {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** Counts and digests bytes as they pass; reports progress every 256 KiB. */
    static final class CountingStream extends FilterInputStream {
        private final MessageDigest digest;
        private final LongConsumer progress;
        private long count;
        private long next = 256 << 10;

        CountingStream(InputStream in, MessageDigest digest, LongConsumer progress) {
            super(in);
            this.digest = digest;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                if (digest != null) {
                    digest.update((byte) b);
                }
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                if (digest != null) {
                    digest.update(b, off, n);
                }
                count += n;
                if (progress != null && count >= next) {
                    next = count + (256 << 10);
                    progress.accept(count);
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buf = new byte[8192];
            long left = n;
            while (left > 0) {
                int r = read(buf, 0, (int) Math.min(left, buf.length));
                if (r < 0) {
                    break;
                }
                left -= r;
            }
            return n - left;
        }
    }

    /** Discards bytes. */
    static final class OutputSink extends java.io.OutputStream {
        static final OutputSink NULL = new OutputSink();

        @Override
        public void write(int b) {
            // discarded
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // discarded
        }
    }
}
