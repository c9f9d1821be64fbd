package org.wattledger.importers;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a CSV file, decoded strictly: a byte sequence the charset cannot decode ends the
 * read ({@link Malformed}, with its offset in the file) instead of becoming U+FFFD, which would
 * silently merge two ids. Without a BOM the charset is decided at the first non-ASCII byte,
 * wherever it is in the file: UTF-8 when the {@value #WINDOW} bytes from there decode strictly as
 * UTF-8, else GB18030 (a superset of GBK and GB2312) when they decode as that, else UTF-8 (and
 * the first bad byte is the error). Until then the bytes are ASCII, which both
 * read alike, so a file whose first megabytes are ASCII is still decided by its Chinese text.
 */
final class StrictTextReader extends Reader {
    static final int WINDOW = 64 * 1024;

    /** Bytes the charset cannot decode, at a byte offset of the file. */
    static final class Malformed extends RuntimeException {
        final long offset;
        final Charset charset;
        final String bytes;

        Malformed(long offset, Charset charset, String bytes) {
            super("malformed " + charset.name() + " at byte " + offset, null, false, false);
            this.offset = offset;
            this.charset = charset;
            this.bytes = bytes;
        }
    }

    private final InputStream in;
    private final ByteBuffer bytes = ByteBuffer.allocate(2 * WINDOW);
    private CharsetDecoder decoder;
    private Charset charset;
    /** Offset in the file of {@code bytes}' first byte. */
    private long base;
    private boolean eof;
    private boolean flushed;

    /** {@code charset} null: not yet known (no BOM), decided at the first non-ASCII byte. */
    StrictTextReader(InputStream in, Charset charset, long offset) {
        this.in = in;
        this.base = offset;
        bytes.limit(0);
        if (charset != null) {
            use(charset);
        }
    }

    /** The charset decided so far (UTF-8 while only ASCII was seen). */
    Charset charset() {
        return charset != null ? charset : StandardCharsets.UTF_8;
    }

    private void use(Charset cs) {
        charset = cs;
        decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (decoder == null) {
                if (!bytes.hasRemaining()) {
                    if (eof) {
                        return -1;
                    }
                    refill();
                    continue;
                }
                int n = copyAscii(cbuf, off, len);
                if (n > 0) {
                    return n;
                }
                decide();
            }
            int n = decode(cbuf, off, len);
            if (n != 0) {
                return n;
            }
            refill(); // the decoder needs more bytes (at the end of the file decode never answers 0)
        }
    }

    /** Undecided: hands out the ASCII bytes before the first non-ASCII one as they are. */
    private int copyAscii(char[] cbuf, int off, int len) {
        byte[] a = bytes.array();
        int p = bytes.position();
        int end = Math.min(bytes.limit(), p + len);
        int i = p;
        while (i < end && a[i] >= 0) {
            cbuf[off + i - p] = (char) a[i];
            i++;
        }
        bytes.position(i);
        return i - p;
    }

    /** At the first non-ASCII byte: a window of bytes from there decides the charset. */
    private void decide() throws IOException {
        while (!eof && bytes.remaining() < WINDOW) {
            refill();
        }
        byte[] window = new byte[Math.min(bytes.remaining(), WINDOW)];
        bytes.duplicate().get(window);
        boolean complete = eof && window.length == bytes.remaining();
        // bytes valid in neither are reported as UTF-8, the likelier intent
        use(!CsvSource.isUtf8(window, complete) && CsvSource.decodes(window, CsvSource.GB18030, complete)
                ? CsvSource.GB18030 : StandardCharsets.UTF_8);
    }

    /** Decodes what is buffered; 0 when more bytes are needed, -1 at the end. */
    private int decode(char[] cbuf, int off, int len) throws IOException {
        if (flushed) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        CoderResult r = decoder.decode(bytes, out, eof);
        if (r.isError()) {
            throw malformed(r.length());
        }
        if (eof && !r.isOverflow() && !flushed) {
            r = decoder.flush(out);
            if (r.isError()) {
                throw malformed(r.length());
            }
            flushed = !r.isOverflow();
        }
        int n = out.position() - off;
        if (n > 0) {
            return n;
        }
        return eof && flushed ? -1 : 0;
    }

    private Malformed malformed(int length) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(length, 4) && bytes.position() + i < bytes.limit(); i++) {
            hex.append(i == 0 ? "" : " ").append(String.format(java.util.Locale.ROOT, "%02X", bytes.get(bytes.position() + i) & 0xFF));
        }
        return new Malformed(base + bytes.position(), charset, hex.toString());
    }

    /** Keeps the unread bytes and reads more after them. */
    private void refill() throws IOException {
        base += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
