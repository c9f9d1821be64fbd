package org.wattledger.importers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Splits UTF-8 CSV text into records without making a String of any field: each record's fields
 * are byte ranges of one array, handed to {@link CellRow#set(int, byte, byte[], int, int, byte)},
 * so a number or a date is read from its bytes and only the words that need it are decoded.
 * The rules are RFC 4180's as FastCSV 4 applies them with the options this project used (and
 * {@code CsvBytesTest} checks the two agree on thousands of random texts): a field is quoted
 * only when its first character is a quote, {@code ""} inside quotes is one quote, a character
 * after a closing quote other than the delimiter or a line break is an error, a quote inside an
 * unquoted field is an ordinary character, CR, LF and CRLF each end a line, empty lines are
 * skipped, and a quote still open at the end of the input is an error naming the line its record
 * starts on. Line numbers are the file's, counting the line breaks inside quoted fields.
 */
final class CsvBytes {
    /** Why the text is not CSV; the message is FastCSV's, which callers and users already know. */
    static final class Malformed extends RuntimeException {
        /** The record's first line. */
        final long line;
        final Kind kind;

        enum Kind { UNCLOSED_QUOTE, FIELD_TOO_LONG, CHARACTER_AFTER_QUOTE }

        Malformed(Kind kind, long line, String message) {
            super(message, null, false, false);
            this.kind = kind;
            this.line = line;
        }
    }

    /** One record: its first line and its fields as byte ranges of {@code data}. */
    static final class Record {
        long line;
        int fields;
        byte[] data = new byte[512];
        int[] start = new int[32];
        int[] end = new int[32];

        int length(int field) {
            return end[field] - start[field];
        }

        /** The field as text (for the rare messages that quote whole records). */
        String text(int field) {
            return new String(data, start[field], end[field] - start[field], StandardCharsets.UTF_8);
        }

        /** The field's length in UTF-16 characters, as a String of it would have. */
        int chars(int field) {
            return CsvBytes.chars(data, start[field], end[field]);
        }
    }

    private static final int READ = 1 << 16;

    /** UTF-16 characters in UTF-8 bytes: one per sequence, two for a 4-byte one (a surrogate pair). */
    static int chars(byte[] a, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            int b = a[i] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                n += (b & 0xF8) == 0xF0 ? 2 : 1;
            }
        }
        return n;
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final int maxFieldChars;
    private byte[] buf = new byte[2 * READ];
    private int len;
    private int pos;
    private boolean eof;
    private long nextLine = 1;
    private boolean afterCr;

    /**
     * {@code in}: UTF-8 text; {@code delimiter}: the field separator (any character but a quote or
     * a line break); a field longer than {@code maxFieldChars} characters ends the read with {@link Malformed.Kind#FIELD_TOO_LONG}.
     */
    CsvBytes(InputStream in, char delimiter, int maxFieldChars) {
        this.in = in;
        this.delimiter = String.valueOf(delimiter).getBytes(StandardCharsets.UTF_8);
        this.maxFieldChars = maxFieldChars;
    }

    /** Reads the next record into {@code r}; false at the end of the input. */
    boolean next(Record r) throws IOException {
        countedRecord = null;
        while (true) {
            if (pos == len && !fill()) {
                return false;
            }
            byte b = buf[pos];
            if (afterCr && b == '\n') { // the LF of a CRLF that ended the last line
                afterCr = false;
                pos++;
                continue;
            }
            afterCr = false;
            if (b == '\n' || b == '\r') { // an empty line
                pos++;
                afterCr = b == '\r';
                nextLine++;
                continue;
            }
            r.line = nextLine;
            r.fields = 0;
            int used = 0;
            long lines = 1;
            byte d0 = delimiter[0];
            while (true) { // one field per round
                if (r.fields == r.start.length) {
                    r.start = Arrays.copyOf(r.start, r.fields * 2);
                    r.end = Arrays.copyOf(r.end, r.fields * 2);
                }
                r.start[r.fields] = used;
                boolean endOfRecord = false;
                int fieldStart = used;
                if ((pos < len || fill()) && buf[pos] == '"') {
                    pos++;
                    while (true) { // inside quotes
                        if (pos == len && !fill()) {
                            throw new Malformed(Malformed.Kind.UNCLOSED_QUOTE, r.line, String.format(Locale.ROOT,
                                    "Unclosed quoted field at end of input (record starting at line %d)", r.line));
                        }
                        int from = pos;
                        int stop = from;
                        while (stop < len && buf[stop] != '"' && buf[stop] != '\r' && buf[stop] != '\n') {
                            stop++;
                        }
                        used = append(r, used, from, stop - from, fieldStart);
                        pos = stop;
                        if (pos == len) {
                            continue;
                        }
                        byte c = buf[pos++];
                        if (c == '"') {
                            if ((pos < len || fill()) && buf[pos] == '"') {
                                used = append(r, used, pos, 1, fieldStart); // "" is one quote
                                pos++;
                                continue;
                            }
                            break; // the closing quote
                        }
                        used = append(r, used, pos - 1, 1, fieldStart);
                        if (c == '\r') {
                            lines++;
                            if ((pos < len || fill()) && buf[pos] == '\n') {
                                used = append(r, used, pos, 1, fieldStart);
                                pos++;
                            }
                        } else {
                            lines++;
                        }
                    }
                    // after the closing quote: a delimiter, a line break or the end
                    while (pos + delimiter.length > len && fill()) {
                        // buffer the whole delimiter
                    }
                    if (pos == len) {
                        endOfRecord = true;
                    } else {
                        byte c = buf[pos];
                        if (c == '\r' || c == '\n') {
                            endOfRecord = true;
                        } else if (!isDelimiter(c)) {
                            throw afterQuote(r.line);
                        }
                    }
                } else {
                    while (true) { // unquoted
                        int from = pos;
                        int stop = from;
                        boolean partial = false;
                        while (stop < len) {
                            byte c = buf[stop];
                            if (c == '\r' || c == '\n') {
                                break;
                            }
                            if (c == d0) {
                                if (delimiter.length == 1 || stop + delimiter.length <= len && isDelimiterAt(stop)) {
                                    break;
                                }
                                if (stop + delimiter.length > len && !eof) {
                                    partial = true; // a multi-byte delimiter may be cut by the buffer's end
                                    break;
                                }
                            }
                            stop++;
                        }
                        used = append(r, used, from, stop - from, fieldStart);
                        pos = stop;
                        if (partial) {
                            fill();
                            continue;
                        }
                        if (pos < len) {
                            break;
                        }
                        if (!fill()) {
                            endOfRecord = true;
                            break;
                        }
                    }
                    if (!endOfRecord) {
                        byte c = buf[pos];
                        endOfRecord = c == '\r' || c == '\n';
                    }
                }
                r.end[r.fields++] = used;
                if (endOfRecord) {
                    if (pos < len) {
                        afterCr = buf[pos++] == '\r'; // its LF, if one follows, is skipped by the next call
                    }
                    nextLine = r.line + lines;
                    return true;
                }
                pos += delimiter.length; // the delimiter; the next field follows (empty at the end of the input)
            }
        }
    }

    private boolean isDelimiter(byte c) {
        return c == delimiter[0] && isDelimiterAt(pos);
    }

    /** Whether the delimiter's bytes start at {@code at}. */
    private boolean isDelimiterAt(int at) {
        if (at + delimiter.length > len) {
            return false;
        }
        for (int i = 1; i < delimiter.length; i++) {
            if (buf[at + i] != delimiter[i]) {
                return false;
            }
        }
        return true;
    }

    private Malformed afterQuote(long line) throws IOException {
        while (len - pos < 4 && fill()) {
            // the whole character, for the message
        }
        String s = new String(buf, pos, Math.min(4, len - pos), StandardCharsets.UTF_8);
        char c = s.charAt(0);
        return new Malformed(Malformed.Kind.CHARACTER_AFTER_QUOTE, line, String.format(Locale.ROOT,
                "Unexpected character after closing quote: '%c' (0x%x) (record starting at line %d)", c, (int) c,
                line));
    }

    private int append(Record r, int used, int from, int n, int fieldStart) {
        if (n == 0) {
            return used;
        }
        if (used - fieldStart + n > maxFieldChars && fieldChars(r, fieldStart, used) + chars(buf, from, from + n)
                > maxFieldChars) {
            throw new Malformed(Malformed.Kind.FIELD_TOO_LONG, r.line, "The maximum buffer size of " + maxFieldChars
                    + " is insufficient to read the data of a single field.");
        }
        if (used + n > r.data.length) {
            r.data = Arrays.copyOf(r.data, Math.max(used + n, r.data.length * 2));
        }
        System.arraycopy(buf, from, r.data, used, n);
        return used + n;
    }

    private Record countedRecord;
    private int countedStart = -1;
    private int countedTo;
    private int countedChars;

    /** The characters of the field being read so far, counted once per byte (a long field is appended in pieces). */
    private int fieldChars(Record r, int fieldStart, int used) {
        if (countedRecord != r || countedStart != fieldStart || countedTo > used) {
            countedRecord = r;
            countedStart = fieldStart;
            countedTo = fieldStart;
            countedChars = 0;
        }
        countedChars += chars(r.data, countedTo, used);
        countedTo = used;
        return countedChars;
    }

    /** Reads more input after what is unread; false at the end. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, len - pos);
            len -= pos;
            pos = 0;
        }
        if (buf.length - len < READ) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, len, READ);
        if (n <= 0) {
            eof = true;
            return false;
        }
        len += n;
        return true;
    }
}
