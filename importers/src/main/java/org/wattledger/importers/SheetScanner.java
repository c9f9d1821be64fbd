package org.wattledger.importers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A byte-level scanner for worksheet XML ({@code xl/worksheets/sheetN.xml}), faster than a
 * general StAX parser because it only looks at what a sheet's data is made of: {@code <row>} and
 * {@code <c>} inside {@code <sheetData>} (with a cell's {@code <v>}, {@code <f>} and {@code <is>}),
 * and {@code <mergeCell>}. It understands the XML a sheet may contain — a prolog, comments,
 * processing instructions, CDATA, namespace prefixes ({@code x:c}), either quote, the five
 * predefined entities and character references — and refuses a DTD or any other entity (no
 * expansion, no external entities). Text is UTF-8; a sheet in another encoding is handed back to
 * the StAX reader ({@link NotUtf8}). Everything else (views, columns, formats, extensions) is
 * skipped unread. The tests cross-check it against the StAX reader cell by cell.
 */
final class SheetScanner {
    /** Receives cells and rows in document order. */
    interface Handler {
        void startRow(String r);

        /** A cell with its r, t and s attributes, its value text, inline text, and whether it has a formula. */
        void cell(String ref, String type, String style, String value, String inline, boolean formula);

        /**
         * What the scanner calls at a row's start: {@code r} (null when absent) is valid only during
         * the call, a view of the scanner's bytes rather than a String when it is plain ASCII. By
         * default {@link #startRow(String)} with it as a String.
         */
        default void rowAt(CharSequence r) {
            startRow(r == null ? null : r.toString());
        }

        /**
         * What the scanner calls for a cell, {@code ref} valid only during the call (as in {@link #rowAt}).
         * By default {@link #cell(String, String, String, String, String, boolean)} with it as a String.
         */
        default void cellAt(CharSequence ref, String type, String style, String value, String inline, boolean formula) {
            cell(ref == null ? null : ref.toString(), type, style, value, inline, formula);
        }

        /**
         * The bytes form of {@link #cellAt(CharSequence, String, String, String, String, boolean)}; by
         * default {@link #cell(String, String, String, byte[], int, boolean)}.
         */
        default void cellAt(CharSequence ref, String type, String style, byte[] value, int length, boolean formula) {
            cell(ref == null ? null : ref.toString(), type, style, value, length, formula);
        }

        /**
         * Whether number cells whose value is plain ASCII text are handed to
         * {@link #cell(String, String, String, byte[], int, boolean)} as bytes; false: every value is a String.
         */
        default boolean wantsBytes() {
            return false;
        }

        /**
         * A number cell (no t attribute, or t="n") whose value is plain ASCII text: its bytes,
         * {@code value}[0, {@code length}), valid until the next cell, so that no String is made
         * of it. Called only when {@link #wantsBytes()}.
         */
        default void cell(String ref, String type, String style, byte[] value, int length, boolean formula) {
            cell(ref, type, style, new String(value, 0, length, StandardCharsets.ISO_8859_1), null, formula);
        }

        /**
         * Whether cells of the usual shape are handed whole to {@link #wholeCell} instead of to the
         * {@code cellAt} methods; false by default.
         */
        default boolean wantsWholeCells() {
            return false;
        }

        /**
         * A cell of the usual shape, read whole ({@link SheetScanner#wholeCell}), called only when
         * {@link #wantsWholeCells()}: its column from its r attribute (-1 when it has none), that
         * reference ({@code ref}, null when none, valid only during the call), its type (0 when it
         * has no t attribute, else {@code 'n'} or {@code 's'}), its style from its s attribute (-1
         * when none) and its value, {@code bytes}[{@code from}, {@code to}): ASCII text without
         * entities, for a shared string 1 to 9 digits; {@code from} is -1 when the cell has no value
         * ({@code <c .../>}). The bytes are the scanner's own, valid only during the call.
         */
        default void wholeCell(int column, CharSequence ref, byte type, int style, byte[] bytes, int from, int to) {
            throw new UnsupportedOperationException("wholeCell without wantsWholeCells");
        }

        /** End of a row; false stops scanning. */
        boolean endRow();

        void merge(String ref);
    }

    /** The sheet is not UTF-8: read it with the StAX reader instead. */
    static final class NotUtf8 extends RuntimeException {
        NotUtf8() {
            super("not UTF-8", null, false, false);
        }
    }

    private static final int OTHER = 0;
    private static final int ROW = 1;
    private static final int C = 2;
    private static final int V = 3;
    private static final int F = 4;
    private static final int IS = 5;
    private static final int T = 6;
    private static final int RPH = 7;
    private static final int MERGE = 8;
    private static final int SHEET_DATA = 9;

    private final InputStream in;
    private final int maxBuffer;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;

    /**
     * The r attribute of the tag just read (a row's number, a cell's reference): a reused view of
     * its bytes ({@link #refBytes}) when they are plain ASCII, so that no String is made per cell;
     * else the decoded text. Valid until the next tag is read.
     */
    private CharSequence attrR;
    private Ascii refBytes = new Ascii();
    /** Where the r attributes of tags inside a cell go, so that they cannot change the cell's reference. */
    private Ascii spareRefBytes = new Ascii();
    private String attrT;
    private String attrS;
    private String attrRef;
    /**
     * The last t and s values read: cell after cell repeats a few types and styles ("s", "1"), so
     * when the bytes spell the last value again its String is reused rather than a new one made.
     */
    private final Repeated lastType = new Repeated();
    private final Repeated lastStyle = new Repeated();
    /**
     * Cell values of one to four digits without a leading zero ("7", "1234"), each made once:
     * shared-string indexes and small counts repeat row after row.
     */
    private final String[] smallNumbers = new String[10_000];
    private boolean selfClosing;
    private final StringBuilder text = new StringBuilder(64);

    SheetScanner(InputStream in, int maxTokenBytes) {
        this.in = in;
        this.maxBuffer = Math.max(maxTokenBytes, 1 << 16) * 2 + (1 << 16);
    }

    /** Scans to the end of the document, or until the handler stops. */
    void scan(Handler h) {
        prolog();
        boolean inData = false;
        boolean wholeCells = h.wantsWholeCells();
        while (true) {
            if (!skipTo('<')) {
                return;
            }
            pos++;
            if (inData && wholeCells && wholeCell(h)) {
                continue;
            }
            if (markup()) {
                continue;
            }
            int name = inData ? dataTag() : 0;
            if (name == 0) {
                name = tag();
            }
            if (name == SHEET_DATA) {
                inData = !selfClosing;
            } else if (name == -SHEET_DATA) {
                inData = false;
            } else if (name == MERGE) {
                if (attrRef != null) {
                    h.merge(attrRef);
                }
            } else if (inData) {
                if (name == ROW) {
                    h.rowAt(attrR);
                    if (selfClosing && !h.endRow()) {
                        return;
                    }
                } else if (name == -ROW) {
                    if (!h.endRow()) {
                        return;
                    }
                } else if (name == C) {
                    cell(h);
                }
            }
        }
    }

    /** Checks the encoding: a UTF-16 BOM, NUL bytes or a declared non-UTF-8 encoding go to StAX. */
    private void prolog() {
        fill(512);
        if (limit >= 2 && ((buf[0] & 0xFF) == 0xFE || (buf[0] & 0xFF) == 0xFF || buf[0] == 0 || buf[1] == 0)) {
            throw new NotUtf8();
        }
        int start = limit >= 3 && (buf[0] & 0xFF) == 0xEF ? 3 : 0;
        if (limit - start >= 5 && matches(start, XML_DECLARATION)) {
            int end = -1;
            for (int i = start; i + 1 < limit; i++) {
                if (buf[i] == '?' && buf[i + 1] == '>') {
                    end = i;
                    break;
                }
            }
            if (end > 0) {
                String decl = new String(buf, start, end - start, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
                int e = decl.indexOf("encoding");
                if (e >= 0) {
                    String rest = decl.substring(e + 8).replace(" ", "");
                    if (!(rest.startsWith("=\"utf-8\"") || rest.startsWith("='utf-8'") || rest.startsWith("=\"utf8\""))) {
                        throw new NotUtf8();
                    }
                }
            }
        }
    }

    /**
     * After a '<': skips a PI, comment or CDATA and returns true; refuses a DTD; returns false at a
     * tag.
     */
    private boolean markup() {
        need(1);
        byte b = buf[pos];
        if (b == '?') {
            skipPast("?>");
            return true;
        }
        if (b == '!') {
            fill(8);
            if (startsWith(COMMENT)) {
                skipPast("-->");
                return true;
            }
            if (startsWith(CDATA)) {
                skipPast("]]>");
                return true;
            }
            throw new InputRejected("contains a DTD or an entity declaration, which workbooks never need;"
                    + " the file was not read (XML entity expansion and external entities are refused)");
        }
        return false;
    }

    /** Reads a tag from its name to its '>'. Returns the name's code, negative for an end tag. */
    private int tag() {
        boolean end = buf[pos] == '/';
        if (end) {
            pos++;
        }
        int name = name();
        attrR = null;
        attrT = null;
        attrS = null;
        attrRef = null;
        selfClosing = false;
        while (true) {
            need(1);
            byte b = buf[pos];
            if (b == '>') {
                pos++;
                return end ? -name : name;
            }
            if (b == '/') {
                need(2);
                if (buf[pos + 1] != '>') {
                    throw damaged("a '/' inside a tag");
                }
                pos += 2;
                selfClosing = true;
                return end ? -name : name;
            }
            if (isSpace(b)) {
                pos++;
                continue;
            }
            attribute(end);
        }
    }

    /** How many bytes {@link #dataTag} wants in the buffer: more than any usual row's or cell's tag. */
    private static final int DATA_TAG_BYTES = 256;

    /**
     * Whether the buffer holds {@value #DATA_TAG_BYTES} bytes from pos, reading more when it must
     * (which may move the bytes: the short paths keep nothing from before); false near the end of
     * the sheet, which the general path reads.
     */
    private boolean shortPathWindow() {
        if (limit - pos < DATA_TAG_BYTES) {
            fill(DATA_TAG_BYTES);
        }
        return limit - pos >= DATA_TAG_BYTES;
    }

    /**
     * After a '<' inside {@code sheetData}: reads the usual tags of a sheet's data as {@link #tag}
     * would, with fewer calls and checks, and returns the name's code: a cell's or row's start tag
     * (unprefixed, attributes with plain values in double quotes) or {@code </row>}. Returns 0,
     * having read nothing, for anything else (other elements, prefixes, other spaces or quotes,
     * entities, non-ASCII text, a tag longer than {@value #DATA_TAG_BYTES} bytes), which
     * {@link #tag} then reads.
     */
    private int dataTag() {
        if (!shortPathWindow()) {
            return 0;
        }
        byte[] b = buf;
        int i = pos;
        if (b[i] == 'c' && (b[i + 1] == ' ' || b[i + 1] == '>' || b[i + 1] == '/')) {
            return plainStartTag(1) ? C : 0;
        }
        if (b[i] == 'r' && b[i + 1] == 'o' && b[i + 2] == 'w' && (b[i + 3] == ' ' || b[i + 3] == '>' || b[i + 3] == '/')) {
            return plainStartTag(3) ? ROW : 0;
        }
        if (b[i] == '/' && b[i + 1] == 'r' && b[i + 2] == 'o' && b[i + 3] == 'w' && b[i + 4] == '>') {
            attrR = null;
            attrT = null;
            attrS = null;
            attrRef = null;
            selfClosing = false;
            pos = i + 5;
            return -ROW;
        }
        return 0;
    }

    /**
     * For {@link #dataTag}: the start tag whose name is the {@code nameLength} bytes at pos, to its
     * {@code >} or {@code />}, all within {@value #DATA_TAG_BYTES} bytes. Keeps the r, t and s
     * attributes as {@link #attributeValue} does and passes over the others, as it does. False,
     * having read nothing, for anything {@link #tag} must read.
     */
    private boolean plainStartTag(int nameLength) {
        byte[] b = buf;
        int end = pos + DATA_TAG_BYTES;
        int i = pos + nameLength;
        int rFrom = -1;
        int rTo = 0;
        int tFrom = -1;
        int tTo = 0;
        int sFrom = -1;
        int sTo = 0;
        boolean closed;
        while (true) {
            if (i + 3 >= end) {
                return false;
            }
            byte c = b[i];
            if (c == ' ') {
                i++;
                continue;
            }
            if (c == '>') {
                closed = false;
                i++;
                break;
            }
            if (c == '/') {
                if (b[i + 1] != '>') {
                    return false;
                }
                closed = true;
                i += 2;
                break;
            }
            int nameAt = i;
            while (b[i] != '=') {
                byte n = b[i];
                if (!plainNameByte(n) || ++i >= end) {
                    return false;
                }
            }
            if (i + 1 >= end || b[i + 1] != '"') {
                return false;
            }
            int from = i + 2;
            int to = plainValueEnd(b, from, end);
            if (to < 0) {
                return false;
            }
            if (i - nameAt == 1) {
                byte name = b[nameAt];
                if (name == 'r') {
                    rFrom = from;
                    rTo = to;
                } else if (name == 't') {
                    tFrom = from;
                    tTo = to;
                } else if (name == 's') {
                    sFrom = from;
                    sTo = to;
                }
            }
            i = to + 1;
        }
        attrR = rFrom < 0 ? null : refBytes.copyOf(b, rFrom, rTo);
        attrT = tFrom < 0 ? null : lastType.of(tFrom, tTo);
        attrS = sFrom < 0 ? null : lastStyle.of(sFrom, sTo);
        attrRef = null;
        selfClosing = closed;
        pos = i;
        return true;
    }

    /**
     * Whether a byte may be part of an attribute's name on the short paths: not a space of any
     * kind (a name followed by a newline, then {@code =}, must not swallow the newline) nor
     * markup, nor a byte of a non-ASCII character.
     */
    private static boolean plainNameByte(byte n) {
        return n > ' ' && n != '>' && n != '/' && n != '<' && n != '"' && n != '\'' && n != '&';
    }

    /**
     * The index of the {@code "} that ends a plain attribute value starting at {@code from}, before
     * {@code end}: -1 when the value holds an entity, a {@code <} or a non-ASCII byte, or does not
     * end in time.
     */
    private static int plainValueEnd(byte[] b, int from, int end) {
        for (int to = from; to < end; to++) {
            byte v = b[to];
            if (v == '"') {
                return to;
            }
            if (v < 0 || v == '&' || v == '<') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * After a '<' inside {@code sheetData}, when the handler {@link Handler#wantsWholeCells}: reads a
     * cell of the usual shape, from its start tag to its end, in one pass over the buffer and hands it
     * to {@link Handler#wholeCell}. The usual shape: {@code <c} and a space, attributes with plain
     * values in double quotes (r: capital letters, at most three, then digits; t: {@code s} or
     * {@code n}; s: a number without a leading zero; others passed over), then {@code />} or
     * {@code ><v>value</v></c>} with a plain value (for t="s", 1 to 9 digits), all within
     * {@value #DATA_TAG_BYTES} bytes. False, having read nothing, for anything else, which the
     * general path then reads: this one gives the handler the same cell, with fewer calls.
     */
    private boolean wholeCell(Handler h) {
        if (!shortPathWindow()) {
            return false;
        }
        byte[] b = buf;
        int i = pos;
        if (b[i] != 'c' || b[i + 1] != ' ') {
            return false;
        }
        int end = pos + DATA_TAG_BYTES;
        i += 2;
        int column = -1;
        int refFrom = -1;
        int refTo = 0;
        byte type = 0;
        int style = -1;
        boolean closed;
        while (true) {
            if (i + 3 >= end) {
                return false;
            }
            byte c = b[i];
            if (c == ' ') {
                i++;
                continue;
            }
            if (c == '>') {
                closed = false;
                i++;
                break;
            }
            if (c == '/') {
                if (b[i + 1] != '>') {
                    return false;
                }
                closed = true;
                i += 2;
                break;
            }
            if (b[i + 1] == '=' && b[i + 2] == '"' && (c == 'r' || c == 's' || c == 't')) {
                // r, s or t: its value read and checked in the same pass that finds its end
                int v = i + 3;
                if (c == 'r') { // one to three capital letters, then digits, as CellRef.columnOf reads them
                    int letters = 0;
                    int col = 0;
                    while (v < end && b[v] >= 'A' && b[v] <= 'Z' && letters < 3) {
                        col = col * 26 + (b[v] - 'A' + 1);
                        v++;
                        letters++;
                    }
                    int digits = v;
                    while (v < end && b[v] >= '0' && b[v] <= '9') {
                        v++;
                    }
                    if (letters == 0 || v == digits) {
                        return false;
                    }
                    column = col - 1;
                    refFrom = i + 3;
                    refTo = v;
                } else if (c == 's') { // a number without a leading zero, of at most nine digits
                    int n = 0;
                    while (v < end && b[v] >= '0' && b[v] <= '9' && v - i - 3 < 9) {
                        n = n * 10 + (b[v] - '0');
                        v++;
                    }
                    if (v == i + 3 || b[i + 3] == '0' && v > i + 4) {
                        return false;
                    }
                    style = n;
                } else { // s or n
                    if (b[v] != 's' && b[v] != 'n') {
                        return false;
                    }
                    type = b[v];
                    v++;
                }
                if (v >= end || b[v] != '"') {
                    return false;
                }
                i = v + 1;
                continue;
            }
            // any other attribute, passed over
            while (b[i] != '=') {
                if (!plainNameByte(b[i]) || ++i >= end - 1) {
                    return false;
                }
            }
            if (b[i + 1] != '"') {
                return false;
            }
            int to = plainValueEnd(b, i + 2, end);
            if (to < 0) {
                return false;
            }
            i = to + 1;
        }
        int valueFrom = -1;
        int valueTo = -1;
        if (!closed) {
            if (i + 3 > end || b[i] != '<' || b[i + 1] != 'v' || b[i + 2] != '>') {
                return false;
            }
            valueFrom = i + 3;
            int lt = valueFrom;
            while (true) {
                if (lt >= end) {
                    return false;
                }
                byte v = b[lt];
                if (v == '<') {
                    break;
                }
                if (v < 0 || v == '&' || type == 's' && (v < '0' || v > '9')) {
                    return false;
                }
                lt++;
            }
            if (type == 's' && (lt == valueFrom || lt - valueFrom > 9)) {
                return false;
            }
            if (lt + CELL_END.length > end || b[lt + 1] != '/' || b[lt + 2] != 'v' || b[lt + 3] != '>'
                    || b[lt + 4] != '<' || b[lt + 5] != '/' || b[lt + 6] != 'c' || b[lt + 7] != '>') {
                return false;
            }
            valueTo = lt;
            i = lt + CELL_END.length;
        }
        pos = i;
        h.wholeCell(column, refFrom < 0 ? null : refView.of(b, refFrom, refTo), type, style, b, valueFrom, valueTo);
        return true;
    }

    /** The length of the run of bytes from pos up to a byte {@code stop} accepts (kept in the buffer). */
    private int runLength(boolean nameStop) {
        int n = 0;
        while (true) {
            if (pos + n >= limit) {
                fill(n + 1);
                if (pos + n >= limit) {
                    throw damaged("the sheet ends in the middle of a tag");
                }
            }
            byte b = buf[pos + n];
            if (nameStop ? (b == '>' || b == '/' || isSpace(b)) : (b == '=' || isSpace(b))) {
                return n;
            }
            if (!nameStop && (b == '>' || b == '/' || b == '<')) {
                throw damaged("an attribute without a value");
            }
            n++;
        }
    }

    private void attribute(boolean ignore) {
        fill(3);
        byte first = buf[pos];
        if (limit - pos >= 3 && buf[pos + 1] == '=' && (buf[pos + 2] == '"' || buf[pos + 2] == '\'')
                && first != '=' && first != '<') {
            // the usual attribute, a one-letter name right before its value (r="A2", t="s", s="1"),
            // read as the general path below reads it
            byte quote = buf[pos + 2];
            pos += 3;
            attributeValue(first, ignore, quote);
            return;
        }
        int len = runLength(false);
        int code = 0;
        if (len == 1) {
            code = buf[pos];
        } else if (len == 3 && matches(pos, REF)) {
            code = 'R';
        }
        pos += len;
        skipSpaces();
        if (buf[pos] != '=') {
            throw damaged("an attribute without '='");
        }
        pos++;
        skipSpaces();
        byte quote = buf[pos];
        if (quote != '"' && quote != '\'') {
            throw damaged("an attribute value without quotes");
        }
        pos++;
        attributeValue(code, ignore, quote);
    }

    /** The value of the attribute {@code code} names, from pos to its closing {@code quote}. */
    private void attributeValue(int code, boolean ignore, byte quote) {
        int at = find(quote);
        if (at < 0) {
            throw damaged("an unterminated attribute value");
        }
        int vstart = pos; // find() may move the buffer, but keeps pos at the value's start
        String value = null;
        if (!ignore && code != 0) {
            boolean plain = true;
            for (int i = vstart; i < at; i++) {
                byte b = buf[i];
                if (b == '<') {
                    throw damaged("a '<' inside an attribute value");
                }
                plain &= b >= 0 && b != '&'; // ASCII text without an entity, as plain() tells
            }
            if (code == 'r') {
                attrR = plain ? refBytes.copyOf(buf, vstart, at) : decode(vstart, at);
            } else {
                value = switch (code) {
                    case 't' -> lastType.of(vstart, at);
                    case 's' -> lastStyle.of(vstart, at);
                    default -> decode(vstart, at);
                };
            }
        }
        pos = at + 1;
        switch (code) {
            case 'r' -> {
                // set above
            }
            case 't' -> attrT = value;
            case 's' -> attrS = value;
            case 'R' -> attrRef = value;
            default -> {
            }
        }
    }

    /** Reads an element name and returns the code of its local part. */
    private int name() {
        fill(2);
        if (limit - pos >= 2 && buf[pos] == 'c') {
            byte next = buf[pos + 1];
            if (next == '>' || next == '/' || isSpace(next)) { // a cell, the most frequent name by far
                pos++;
                return C;
            }
        }
        int n = runLength(true);
        int start = pos;
        pos += n;
        int local = start;
        for (int i = start; i < pos; i++) {
            if (buf[i] == ':') {
                local = i + 1;
            }
        }
        int len = pos - local;
        if (len == 0) {
            throw damaged("a tag without a name");
        }
        byte c0 = buf[local];
        switch (len) {
            case 1:
                return c0 == 'c' ? C : c0 == 'v' ? V : c0 == 'f' ? F : c0 == 't' ? T : OTHER;
            case 2:
                return c0 == 'i' && buf[local + 1] == 's' ? IS : OTHER;
            case 3:
                return matches(local, ROW_NAME) ? ROW : matches(local, RPH_NAME) ? RPH : OTHER;
            case 9:
                return matches(local, MERGE_CELL_NAME) ? MERGE : matches(local, SHEET_DATA_NAME) ? SHEET_DATA : OTHER;
            default:
                return OTHER;
        }
    }

    private void cell(Handler h) {
        CharSequence ref = attrR;
        if (ref == refBytes) {
            refBytes = spareRefBytes;
            spareRefBytes = (Ascii) ref;
        }
        String type = attrT;
        String style = attrS;
        if (selfClosing) {
            h.cellAt(ref, type, style, (String) null, null, false);
            return;
        }
        String value = null;
        String inline = null;
        boolean formula = false;
        valueAsBytes = h.wantsBytes() && (type == null || type.equals("n"));
        if (plainCell()) {
            // the usual content read straight from the bytes, as the loop below would have read it
            if (valueLength >= 0) {
                h.cellAt(ref, type, style, valueBytes, valueLength, false);
            } else {
                h.cellAt(ref, type, style, plainCellText, null, false);
            }
            return;
        }
        while (true) {
            if (!skipTo('<')) {
                throw damaged("the sheet ends inside a cell");
            }
            pos++;
            if (markup()) {
                continue;
            }
            int name = tag();
            if (name == -C) {
                break;
            }
            if (name == V) {
                value = selfClosing ? "" : text(V);
            } else if (name == F) {
                formula = true;
                if (!selfClosing) {
                    text(F);
                }
            } else if (name == IS) {
                if (!selfClosing) {
                    inline = inlineText();
                }
            } else if (name > 0 && !selfClosing) {
                skipElement();
            }
        }
        if (value == PLAIN && inline == null) {
            h.cellAt(ref, type, style, valueBytes, valueLength, formula);
        } else {
            h.cellAt(ref, type, style, value == PLAIN ? plainValue() : value, inline, formula);
        }
    }

    /** The value of a cell {@link #plainCell} read as a String; {@code valueLength} is then -1. */
    private String plainCellText;

    /**
     * Reads {@code <v>text</v></c>}, the content of almost every cell (no formula, no prefix, no
     * markup inside), and returns true: the value as {@link #text} gives it for such a cell, in
     * {@link #valueBytes} ({@code valueLength} at least 0) or else in {@link #plainCellText}. Returns
     * false, having read nothing, for any other content, which the general loop then reads.
     */
    private boolean plainCell() {
        byte[] b = buf;
        int from = pos + 3;
        int end = Math.min(limit, pos + DATA_TAG_BYTES);
        if (end - pos >= 3 && b[pos] == '<' && b[pos + 1] == 'v' && b[pos + 2] == '>') {
            // the usual short value, all in the buffer: found, checked and kept in one pass
            boolean plain = true;
            int lt = from;
            while (lt < end && b[lt] != '<') {
                plain &= b[lt] >= 0 && b[lt] != '&';
                lt++;
            }
            if (lt + CELL_END.length <= end) {
                if (b[lt + 1] != '/' || b[lt + 2] != 'v' || b[lt + 3] != '>' || b[lt + 4] != '<' || b[lt + 5] != '/'
                        || b[lt + 6] != 'c' || b[lt + 7] != '>') {
                    return false;
                }
                keepValue(from, lt, plain);
                pos = lt + CELL_END.length;
                return true;
            }
        }
        fill(3);
        if (limit - pos < 3 || buf[pos] != '<' || buf[pos + 1] != 'v' || buf[pos + 2] != '>') {
            return false;
        }
        int lt = find((byte) '<', 3);
        if (lt < 0) {
            return false; // the general loop reports where the sheet ends
        }
        int valueAt = lt - pos; // offsets from pos: filling may move the bytes
        fill(valueAt + CELL_END.length);
        lt = pos + valueAt;
        if (!matches(lt, CELL_END)) {
            return false;
        }
        from = pos + 3;
        keepValue(from, lt, plain(from, lt));
        pos = lt + CELL_END.length;
        return true;
    }

    /** Keeps a plain cell's value, the bytes from..to: as bytes when they may be ({@code plain}), else as text. */
    private void keepValue(int from, int to, boolean plain) {
        if (valueAsBytes && plain) {
            valueLength = to - from;
            if (valueLength > valueBytes.length) {
                valueBytes = new byte[Math.max(valueLength, 2 * valueBytes.length)];
            }
            System.arraycopy(buf, from, valueBytes, 0, valueLength);
        } else {
            plainCellText = smallNumberOrDecode(from, to);
            valueLength = -1;
        }
    }

    private static final byte[] CELL_END = ascii("</v></c>");

    /**
     * ASCII bytes seen as characters, a cell reference without a String: copied into a reused array,
     * or a view of the scanner's buffer for as long as the buffer does not move.
     */
    private static final class Ascii implements CharSequence {
        private byte[] own = new byte[16];
        private byte[] bytes = own;
        private int offset;
        private int count;

        Ascii copyOf(byte[] src, int from, int to) {
            count = to - from;
            if (count > own.length) {
                own = new byte[Math.max(count, 2 * own.length)];
            }
            System.arraycopy(src, from, own, 0, count);
            bytes = own;
            offset = 0;
            return this;
        }

        Ascii of(byte[] src, int from, int to) {
            bytes = src;
            offset = from;
            count = to - from;
            return this;
        }

        @Override
        public int length() {
            return count;
        }

        @Override
        public char charAt(int index) {
            return (char) bytes[offset + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().subSequence(start, end);
        }

        @Override
        public String toString() {
            return new String(bytes, offset, count, StandardCharsets.ISO_8859_1);
        }
    }

    /** The reference of a cell read whole ({@link #wholeCell}): a view of the buffer, valid during the handler's call. */
    private final Ascii refView = new Ascii();

    /**
     * Stands for a number cell's value kept as bytes ({@code valueBytes}) instead of a String: compared by
     * identity, never read.
     */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String PLAIN = new String("plain value");
    private boolean valueAsBytes;
    private byte[] valueBytes = new byte[64];
    private int valueLength;

    private String plainValue() {
        return new String(valueBytes, 0, valueLength, StandardCharsets.ISO_8859_1);
    }

    /** Whether the bytes are ASCII text without an entity (the value as it stands). */
    private boolean plain(int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (b < 0 || b == '&') {
                return false;
            }
        }
        return true;
    }

    /** The text of {@code <is>}: its {@code <t>} elements, leaving out phonetic runs. */
    private String inlineText() {
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (!skipTo('<')) {
                throw damaged("the sheet ends inside an inline string");
            }
            pos++;
            if (markup()) {
                continue;
            }
            int name = tag();
            if (name == -IS) {
                return sb.toString();
            }
            if (name == T && !selfClosing) {
                sb.append(text(T));
            } else if (name == RPH && !selfClosing) {
                skipElement();
            }
        }
    }

    /** Skips the rest of an element whose start tag was just read. */
    private void skipElement() {
        int depth = 1;
        while (depth > 0) {
            if (!skipTo('<')) {
                throw damaged("the sheet ends inside an element");
            }
            pos++;
            if (markup()) {
                continue;
            }
            int name = tag();
            if (name < 0) {
                depth--;
            } else if (!selfClosing) {
                depth++;
            }
        }
    }

    /** Character data up to the end tag of the element just opened; entities decoded, CDATA kept. */
    private String text(int element) {
        text.setLength(0);
        while (true) {
            int lt = find((byte) '<');
            if (lt < 0) {
                throw damaged("the sheet ends inside a cell value");
            }
            boolean bytes = element == V && valueAsBytes && text.length() == 0 && plain(pos, lt);
            String chunk = null;
            if (bytes) {
                valueLength = lt - pos;
                if (valueLength > valueBytes.length) {
                    valueBytes = new byte[Math.max(valueLength, 2 * valueBytes.length)];
                }
                System.arraycopy(buf, pos, valueBytes, 0, valueLength);
            } else {
                chunk = element == V ? smallNumberOrDecode(pos, lt) : decode(pos, lt);
            }
            pos = lt + 1;
            need(1);
            if (buf[pos] == '/') {
                if (tag() != -element) {
                    throw damaged("a mismatched end tag");
                }
                if (text.length() == 0) {
                    return bytes ? PLAIN : chunk;
                }
                return text.append(chunk).toString();
            }
            text.append(bytes ? plainValue() : chunk);
            if (buf[pos] == '!') {
                fill(8);
                if (startsWith(CDATA)) {
                    pos += 8;
                    int end = findSeq("]]>");
                    text.append(utf8(pos, end));
                    pos = end + 3;
                    continue;
                }
                if (startsWith(COMMENT)) {
                    skipPast("-->");
                    continue;
                }
                throw new InputRejected("contains a DTD or an entity declaration, which workbooks never need;"
                        + " the file was not read (XML entity expansion and external entities are refused)");
            }
            if (buf[pos] == '?') {
                skipPast("?>");
                continue;
            }
            throw damaged("markup inside a cell value");
        }
    }

    // ---- buffer ----

    /** Reads more, keeping the bytes from pos on (pos becomes 0); false at the end of the stream. */
    private boolean more() {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            if (buf.length >= maxBuffer) {
                throw new InputRejected("holds a piece of XML longer than " + maxBuffer / 2
                        + " bytes; the file was not read");
            }
            buf = java.util.Arrays.copyOf(buf, Math.min(buf.length * 2, maxBuffer));
        }
        try {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
                return false;
            }
            limit += r;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tries to have n bytes from pos; fewer only at the end of the stream. */
    private void fill(int n) {
        while (limit - pos < n && more()) {
            // reading
        }
    }

    private void need(int n) {
        if (limit - pos < n) {
            fill(n);
            if (limit - pos < n) {
                throw damaged("the sheet ends in the middle of a tag");
            }
        }
    }

    /** Index of b at or after pos, keeping pos..index in the buffer; -1 at the end of the stream. */
    private int find(byte b) {
        return find(b, 0);
    }

    /** Index of b at or after pos + skip, keeping pos..index in the buffer; -1 at the end of the stream. */
    private int find(byte b, int skip) {
        fill(skip);
        int from = pos + skip;
        while (true) {
            for (int i = from; i < limit; i++) {
                if (buf[i] == b) {
                    return i;
                }
            }
            int scanned = limit - pos;
            if (!more()) {
                return -1;
            }
            from = pos + scanned;
        }
    }

    /** Index of a sequence at or after pos (kept in the buffer); damaged when it never comes. */
    private int findSeq(String seq) {
        int from = pos;
        int n = seq.length();
        while (true) {
            outer:
            for (int i = from; i + n <= limit; i++) {
                for (int k = 0; k < n; k++) {
                    if (buf[i + k] != seq.charAt(k)) {
                        continue outer;
                    }
                }
                return i;
            }
            int scanned = Math.max(0, limit - pos - n + 1);
            if (!more()) {
                throw damaged("an unterminated " + seq);
            }
            from = pos + scanned;
        }
    }

    private boolean skipTo(char c) {
        int i = find((byte) c);
        if (i < 0) {
            pos = limit;
            return false;
        }
        pos = i;
        return true;
    }

    private void skipPast(String seq) {
        pos = findSeq(seq) + seq.length();
    }

    private boolean startsWith(byte[] s) {
        return matches(pos, s);
    }

    /** Whether the buffer holds {@code s} at {@code at}; compared as bytes, with no String read per byte. */
    private boolean matches(int at, byte[] s) {
        return at + s.length <= limit && Arrays.equals(buf, at, at + s.length, s, 0, s.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static final byte[] XML_DECLARATION = ascii("<?xml");
    private static final byte[] COMMENT = ascii("!--");
    private static final byte[] CDATA = ascii("![CDATA[");
    private static final byte[] REF = ascii("ref");
    private static final byte[] ROW_NAME = ascii("row");
    private static final byte[] RPH_NAME = ascii("rPh");
    private static final byte[] MERGE_CELL_NAME = ascii("mergeCell");
    private static final byte[] SHEET_DATA_NAME = ascii("sheetData");

    private void skipSpaces() {
        while (true) {
            need(1);
            if (!isSpace(buf[pos])) {
                return;
            }
            pos++;
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** The last value of an attribute, and the bytes that spelled it. */
    private final class Repeated {
        private String text;
        private byte[] bytes = new byte[0];

        /** The last value when the bytes from..to spell it again (compared as bytes), else the bytes decoded. */
        String of(int from, int to) {
            if (text == null || !Arrays.equals(buf, from, to, bytes, 0, bytes.length)) {
                text = decode(from, to);
                bytes = Arrays.copyOfRange(buf, from, to);
            }
            return text;
        }
    }

    /** The bytes from..to decoded, from {@link #smallNumbers} when they are one of those numbers. */
    private String smallNumberOrDecode(int from, int to) {
        int len = to - from;
        if (len < 1 || len > 4 || len > 1 && buf[from] == '0') {
            return decode(from, to);
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (b < '0' || b > '9') {
                return decode(from, to);
            }
            n = n * 10 + (b - '0');
        }
        String s = smallNumbers[n];
        if (s == null) {
            s = decode(from, to);
            smallNumbers[n] = s;
        }
        return s;
    }

    /** UTF-8 text with entities and character references decoded. */
    private String decode(int from, int to) {
        boolean amp = false;
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (b == '&') {
                amp = true;
                break;
            }
            if (b < 0) {
                ascii = false;
            }
        }
        if (!amp) {
            return ascii ? new String(buf, from, to - from, StandardCharsets.ISO_8859_1) : utf8(from, to);
        }
        String raw = utf8(from, to);
        StringBuilder sb = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c != '&') {
                sb.append(c);
                i++;
                continue;
            }
            int semi = raw.indexOf(';', i);
            if (semi < 0 || semi - i > 12) {
                throw damaged("a '&' that starts no entity");
            }
            String ent = raw.substring(i + 1, semi);
            switch (ent) {
                case "amp" -> sb.append('&');
                case "lt" -> sb.append('<');
                case "gt" -> sb.append('>');
                case "quot" -> sb.append('"');
                case "apos" -> sb.append('\'');
                default -> {
                    if (ent.startsWith("#x") || ent.startsWith("#X")) {
                        sb.appendCodePoint(codePoint(ent.substring(2), 16));
                    } else if (ent.startsWith("#")) {
                        sb.appendCodePoint(codePoint(ent.substring(1), 10));
                    } else {
                        throw new InputRejected("contains a DTD or an entity reference, which workbooks never need;"
                                + " the file was not read (XML entity expansion and external entities are refused)");
                    }
                }
            }
            i = semi + 1;
        }
        return sb.toString();
    }

    /**
     * Strict UTF-8: the JDK decoder replaces a malformed byte with U+FFFD, which would silently
     * merge two ids, so any U+FFFD that the bytes do not spell out (EF BF BD) ends the read. The
     * check costs an indexOf on non-ASCII text only.
     */
    private String utf8(int from, int to) {
        String s = new String(buf, from, to - from, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') >= 0 && replacements(s) != spelledReplacements(from, to)) {
            throw new NotValidUtf8();
        }
        return s;
    }

    private static int replacements(String s) {
        int n = 0;
        for (int i = s.indexOf('\uFFFD'); i >= 0; i = s.indexOf('\uFFFD', i + 1)) {
            n++;
        }
        return n;
    }

    private int spelledReplacements(int from, int to) {
        int n = 0;
        for (int i = from; i + 2 < to; i++) {
            if (buf[i] == (byte) 0xEF && buf[i + 1] == (byte) 0xBF && buf[i + 2] == (byte) 0xBD) {
                n++;
            }
        }
        return n;
    }

    /** The sheet declares (or defaults to) UTF-8 but holds bytes that are not UTF-8; the caller names the row. */
    static final class NotValidUtf8 extends RuntimeException {
        NotValidUtf8() {
            super("not valid UTF-8", null, false, false);
        }
    }

    private static int codePoint(String digits, int radix) {
        try {
            int cp = Integer.parseInt(digits, radix);
            if (!Character.isValidCodePoint(cp)) {
                throw damaged("an invalid character reference");
            }
            return cp;
        } catch (NumberFormatException e) {
            throw damaged("an invalid character reference");
        }
    }

    private static InputRejected damaged(String what) {
        return new InputRejected("has damaged XML (" + what + "); the file was not read");
    }
}
