package org.wattledger.importers;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A CSV file as rows of cells, split by {@link CsvBytes} over the text as UTF-8 bytes. The encoding is detected from the bytes: a BOM
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
            StreamDigest digest, LongConsumer progress) {
        try (InputStream raw = Files.newInputStream(file);
                CountingStream counted = new CountingStream(raw, digest, progress);
                BufferedInputStream in = new BufferedInputStream(counted, 1 << 16)) {
            in.mark(SNIFF + 8);
            byte[] head = in.readNBytes(SNIFF);
            in.reset();
            Dialect d = detect(head, head.length < SNIFF);
            in.skipNBytes(d.bomBytes());
            RowSink sink = sinks.apply(d);
            Utf8Text text = new Utf8Text(in, d.bomBytes() > 0 ? d.charset() : null, d.bomBytes());
            CsvBytes csv = new CsvBytes(text, d.delimiter(), bufferChars(options));
            Records records = new Records(sink, options);
            boolean first = true;
            try {
                CsvBytes.Record rec = records.free();
                while (csv.next(rec)) {
                    if (first && d.sepLine()) {
                        first = false;
                        continue;
                    }
                    first = false;
                    if (!records.add(rec)) {
                        break;
                    }
                    rec = records.free();
                }
                records.finish();
            } catch (CsvBytes.Malformed e) {
                if (e.kind == CsvBytes.Malformed.Kind.CHARACTER_AFTER_QUOTE) {
                    throw new InputRejected("cannot be parsed as CSV (" + e.getMessage() + "); the file was not read");
                }
                boolean atEnd = e.kind == CsvBytes.Malformed.Kind.UNCLOSED_QUOTE;
                // every record before the one whose quote never closes is complete
                if (records.flush()) {
                    records.unclosedQuote(e.line, linesFrom(file, text.charset(), d.bomBytes(), e.line), d.delimiter(),
                            atEnd ? "is never closed, so the rest of the file" : "is not closed within "
                                    + String.format(java.util.Locale.ROOT, "%,d", bufferChars(options))
                                    + " characters, so the rest of the file");
                }
            } catch (StrictTextReader.Malformed e) {
                throw notText(file, e);
            } catch (UncheckedIOException e) {
                throw new InputRejected("cannot be read: " + e.getCause().getMessage());
            }
            in.transferTo(OutputSink.NULL);
            sink.end(List.of());
        } catch (IOException e) {
            throw new InputRejected("cannot be read: " + e.getMessage());
        }
    }

    /** Characters one field may hold before its quote is taken as never closed: twice the longest field read. */
    private static int bufferChars(ImportOptions options) {
        return Math.max(options.maxCellChars() * 2, 1 << 16);
    }

    /** Lines a quoted field may span; more means a quote that was never meant to open a field. */
    static final int MAX_FIELD_LINES = 20;

    /**
     * Hands records on as rows, one behind, so that a record whose quoted field spans more than
     * {@value #MAX_FIELD_LINES} lines (it starts that many lines before the next record; only then
     * are its line breaks counted) is handed on as one broken row standing for the lines it swallowed.
     */
    private static final class Records {
        private final RowSink sink;
        private final ImportOptions options;
        private final CellRow row = new CellRow();
        /** Two records, read in turn: one is held while the next is read. */
        private final CsvBytes.Record one = new CsvBytes.Record();
        private final CsvBytes.Record two = new CsvBytes.Record();
        private CsvBytes.Record held;
        private long rows;

        Records(RowSink sink, ImportOptions options) {
            this.sink = sink;
            this.options = options;
        }

        /** The record to read the next one into (not the held one). */
        CsvBytes.Record free() {
            return held == one ? two : one;
        }

        /** Takes the next record; false when the sink wants no more. */
        boolean add(CsvBytes.Record rec) {
            boolean more = true;
            if (held != null) {
                more = emit(held, rec.line - held.line > MAX_FIELD_LINES);
            }
            held = more ? rec : null;
            return more;
        }

        void finish() {
            if (held != null) {
                emit(held, true);
                held = null;
            }
        }

        /** Hands on the held record, which is complete; false when the sink wants no more. */
        boolean flush() {
            if (held == null) {
                return true;
            }
            CsvBytes.Record r = held;
            held = null;
            return emit(r, true);
        }

        private boolean emit(CsvBytes.Record rec, boolean mayBeLong) {
            long line = rec.line;
            if (mayBeLong) {
                int[] span = span(rec);
                if (span[0] > MAX_FIELD_LINES) {
                    return broken(line, span[1], "a quoted field starting in this row spans " + span[0]
                            + " lines (lines " + line + "-" + (line + span[0] - 1) + "), more than the "
                            + MAX_FIELD_LINES + " a field may span, so a quote is probably not closed; the "
                            + span[2] + " rows in those lines are not read (close or remove the quote)", span[2]);
                }
            }
            if (++rows > options.maxCsvRows()) {
                throw new InputRejected("has more than " + options.maxCsvRows()
                        + " lines, the most a CSV file is read to; the file was not read");
            }
            CellRow row = sink.rowToFill(this.row);
            row.reset((int) Math.min(line, Integer.MAX_VALUE));
            int n = rec.fields;
            if (n > ImportOptions.EXCEL_MAX_COLUMNS) {
                throw new InputRejected("has a line of more than " + ImportOptions.EXCEL_MAX_COLUMNS
                        + " fields (line " + line + "); the file was not read");
            }
            for (int i = 0; i < n; i++) {
                int length = rec.length(i);
                if (length > options.maxCellChars() && rec.chars(i) > options.maxCellChars()) {
                    throw new InputRejected("has a field longer than " + options.maxCellChars()
                            + " characters (line " + line + "); the file was not read");
                }
                if (length > 0) {
                    row.set(i, CellRow.TEXT, rec.data, rec.start[i], length, CellRow.FMT_GENERAL);
                }
            }
            return row.width() == 0 || sink.row(row);
        }

        private boolean broken(long line, int column, String message, int rowsLost) {
            CellRow row = sink.rowToFill(this.row);
            row.reset((int) Math.min(line, Integer.MAX_VALUE));
            row.broken(message, column, rowsLost);
            return sink.row(row);
        }

        /**
         * The lines a quote opened in a row and never closed swallowed: from its line to the end of
         * the file ({@code what}: why, up to "the rest of the file").
         */
        void unclosedQuote(long line, Lines rest, char delimiter, String what) {
            int column = rest.first() == null ? -1 : openQuoteColumn(rest.first(), delimiter);
            long last = line + rest.lines() - 1;
            broken(line, column, "a quote opened in this row " + what + " (lines " + line + "-" + last + ") would be"
                    + " one field; the " + rest.nonBlank() + " rows in those lines are not read (close or remove the"
                    + " quote)", (int) Math.min(rest.nonBlank(), Integer.MAX_VALUE));
        }
    }

    /** Physical lines of a stretch of text: the first, how many, how many are not blank. */
    record Lines(String first, long lines, long nonBlank) {
    }

    /** The lines of a record's fields as the file has them (fields joined by the delimiter). */
    private static Lines lines(String text) {
        String[] parts = text.split("\r\n|\n|\r", -1);
        long nonBlank = 0;
        for (String p : parts) {
            if (!p.isBlank()) {
                nonBlank++;
            }
        }
        return new Lines(parts[0], parts.length, nonBlank);
    }

    /** {lines spanned, column of the first field holding a line break, non-blank lines}. */
    private static int[] span(CsvBytes.Record rec) {
        int column = -1;
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < rec.fields; i++) {
            String f = rec.text(i);
            if (column < 0 && (f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0)) {
                column = i;
            }
            all.append(i == 0 ? "" : ",").append(f);
        }
        Lines l = lines(all.toString());
        return new int[] {(int) Math.min(l.lines(), Integer.MAX_VALUE), column,
                (int) Math.min(l.nonBlank(), Integer.MAX_VALUE)};
    }

    /** The lines of the file from line {@code from} (1-based, as the CSV parser counts: CRLF, LF or CR) to its end. */
    static Lines linesFrom(Path file, Charset cs, int bom, long from) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            raw.skipNBytes(bom);
            Reader r = new java.io.BufferedReader(new InputStreamReader(raw, cs), 1 << 16);
            long line = 1;
            String first = null;
            StringBuilder current = new StringBuilder();
            long lines = 0;
            long nonBlank = 0;
            boolean blank = true;
            int c;
            int prev = -1;
            while ((c = r.read()) >= 0) {
                if (c == '\n' && prev == '\r') {
                    prev = c;
                    continue;
                }
                prev = c;
                boolean end = c == '\n' || c == '\r';
                if (line >= from) {
                    if (end) {
                        lines++;
                        nonBlank += blank ? 0 : 1;
                        if (first == null) {
                            first = current.toString();
                        }
                        blank = true;
                    } else {
                        blank &= Character.isWhitespace(c);
                        if (first == null && current.length() < 100_000) {
                            current.append((char) c);
                        }
                    }
                }
                if (end) {
                    line++;
                }
            }
            if (!blank) {
                lines++;
                nonBlank++;
                if (first == null) {
                    first = current.toString();
                }
            }
            return new Lines(first, lines, nonBlank);
        }
    }

    /** The field (0-based) of a line in which a quote opens and is still open at the end of the line; -1 if none. */
    static int openQuoteColumn(String line, char delimiter) {
        boolean quoted = false;
        int field = 0;
        int openedIn = -1;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
                if (quoted) {
                    openedIn = field;
                }
            } else if (ch == delimiter && !quoted) {
                field++;
            }
        }
        return quoted ? openedIn : -1;
    }

    /** Bytes the charset cannot decode: the file is refused, naming the line they are on. */
    private static InputRejected notText(Path file, StrictTextReader.Malformed e) {
        long line;
        try {
            line = lineAt(file, e.charset, e.offset);
        } catch (IOException io) {
            line = 0;
        }
        return new InputRejected(null, (int) Math.min(line, Integer.MAX_VALUE), "has bytes that are not valid "
                + e.charset.name() + " text on line " + line + " (" + e.bytes + "); save the file as UTF-8 (or GBK)"
                + " and import it again; the file was not read");
    }

    /** The 1-based line of a byte offset (line breaks as the CSV parser counts them). */
    private static long lineAt(Path file, Charset cs, long offset) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                Reader r = new java.io.BufferedReader(new InputStreamReader(new java.io.FilterInputStream(raw) {
                    private long left = offset;

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        if (left <= 0) {
                            return -1;
                        }
                        int n = in.read(b, off, (int) Math.min(len, left));
                        left -= Math.max(n, 0);
                        return n;
                    }
                }, cs), 1 << 16)) {
            long line = 1;
            int prev = -1;
            int c;
            while ((c = r.read()) >= 0) {
                if (c == '\n' && prev != '\r' || c == '\r') {
                    line++;
                }
                prev = c;
            }
            return line;
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
        if (lines.length > 0 && lines[0].regionMatches(true, 0, "sep=", 0, 4)) {
            return new Dialect(cs, bom, separatorLine(lines[0]), true);
        }
        return new Dialect(cs, bom, delimiter(lines, complete), false);
    }

    /**
     * The separator an Excel {@code sep=X} first line names: one character other than a quote or a
     * line break ({@code sep=;}, {@code sep=|}, a tab); anything else is an error, not a guess.
     */
    static char separatorLine(String line) {
        String rest = line.substring(4);
        if (rest.length() == 1 && rest.charAt(0) != '"') {
            return rest.charAt(0);
        }
        String shown = rest.length() > 20 ? rest.substring(0, 20) + "…" : rest;
        throw new InputRejected(null, 1, "starts with the line 'sep=" + shown + "', an Excel separator line that does"
                + " not name one separator character (write sep=; or sep=, or remove the line); the file was not read");
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
        return decodes(head, StandardCharsets.UTF_8, complete);
    }

    /** Whether the bytes decode strictly in the charset; a sequence cut off at the end of an incomplete prefix is allowed. */
    static boolean decodes(byte[] head, Charset cs, boolean complete) {
        CharsetDecoder dec = cs.newDecoder()
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

    /** Counts and digests bytes as they pass; reports progress every 256 KiB. */
    static final class CountingStream extends FilterInputStream {
        private final StreamDigest digest;
        private final LongConsumer progress;
        private long count;
        private long next = 256 << 10;

        CountingStream(InputStream in, StreamDigest digest, LongConsumer progress) {
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

    /**
     * The strictly decoded text as UTF-8 bytes, for {@link CsvBytes}; each read hands on what one
     * read of up to 8,192 characters gave (so bad bytes are found as far ahead as a reader of
     * characters would find them).
     */
    static final class Utf8Bytes extends ReadInArrays {
        private final Reader text;
        private final char[] chars = new char[8192];
        private final byte[] out = new byte[8192 * 3 + 4];
        private int outPos;
        private int outLen;
        /** A high surrogate whose low half comes with the next read; -1 none. */
        private int high = -1;

        Utf8Bytes(Reader text) {
            this.text = text;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (outPos == outLen) {
                if (!refill()) {
                    return -1;
                }
            }
            int n = Math.min(len, outLen - outPos);
            System.arraycopy(out, outPos, b, off, n);
            outPos += n;
            return n;
        }

        private boolean refill() throws IOException {
            int n = text.read(chars, 0, chars.length);
            outPos = 0;
            outLen = 0;
            if (n < 0) {
                if (high >= 0) {
                    put3(high); // a lone surrogate cannot come from a strict decoder; written as it stands
                    high = -1;
                    return true;
                }
                return false;
            }
            int k = 0;
            for (int i = 0; i < n; i++) {
                char c = chars[i];
                if (high >= 0) {
                    if (Character.isLowSurrogate(c)) {
                        int cp = Character.toCodePoint((char) high, c);
                        out[k++] = (byte) (0xF0 | (cp >> 18));
                        out[k++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                        out[k++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                        out[k++] = (byte) (0x80 | (cp & 0x3F));
                        high = -1;
                        continue;
                    }
                    outLen = k;
                    put3(high);
                    k = outLen;
                    high = -1;
                }
                if (c < 0x80) {
                    out[k++] = (byte) c;
                } else if (c < 0x800) {
                    out[k++] = (byte) (0xC0 | (c >> 6));
                    out[k++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isHighSurrogate(c)) {
                    high = c;
                } else {
                    out[k++] = (byte) (0xE0 | (c >> 12));
                    out[k++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    out[k++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            outLen = k;
            return true;
        }

        private void put3(int c) {
            out[outLen++] = (byte) (0xE0 | (c >> 12));
            out[outLen++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            out[outLen++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    /** An input stream read in arrays: a single byte is read through {@link #read(byte[], int, int)}. */
    private abstract static class ReadInArrays extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }
    }

    /**
     * The file's text as UTF-8 bytes for {@link CsvBytes}, decoded strictly ({@link StrictTextReader}).
     * While the bytes are ASCII, which every charset read here (UTF-8 and GB18030) spells alike, they
     * are handed on as they stand; from the first other byte on they go through the decoder, which
     * decides the charset there as it would have from the start, and back into UTF-8. Most files
     * are ASCII throughout, and decoding and encoding them again took a third of the reader's time.
     */
    private static final class Utf8Text extends ReadInArrays {
        private final InputStream in;
        private final Charset bomCharset;
        /** Offset in the file of the next byte read from {@code in} while the bytes are ASCII. */
        private long offset;
        private StrictTextReader decoder;
        private Utf8Bytes decoded;

        /** {@code bomCharset} null: no BOM; {@code offset}: where the text starts (after the BOM). */
        Utf8Text(InputStream in, Charset bomCharset, long offset) {
            this.in = in;
            this.bomCharset = bomCharset;
            this.offset = offset;
            if (bomCharset != null && !bomCharset.equals(StandardCharsets.UTF_8)) {
                decodeFrom(in); // UTF-16: its ASCII is not one byte per character
            }
        }

        /** The charset the text was read in (UTF-8 while only ASCII was read), for re-reading the file. */
        Charset charset() {
            return decoder != null ? decoder.charset() : bomCharset != null ? bomCharset : StandardCharsets.UTF_8;
        }

        private void decodeFrom(InputStream rest) {
            decoder = new StrictTextReader(rest, bomCharset, offset);
            decoded = new Utf8Bytes(decoder);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (decoded != null) {
                return decoded.read(b, off, len);
            }
            int n = in.read(b, off, len);
            for (int i = 0; i < n; i++) {
                if (b[off + i] < 0) {
                    // the first byte that is not ASCII: it and what follows go to the decoder
                    offset += i;
                    // (a copy: the caller reuses b; and in stays open, for the bytes after the last record)
                    byte[] rest = java.util.Arrays.copyOfRange(b, off + i, off + n);
                    decodeFrom(new SequenceInputStream(new ByteArrayInputStream(rest), new FilterInputStream(in) {
                        @Override
                        public void close() {
                            // left open: the caller closes it
                        }
                    }));
                    return i > 0 ? i : decoded.read(b, off, len);
                }
            }
            if (n > 0) {
                offset += n;
            }
            return n;
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
