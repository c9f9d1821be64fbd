package org.wattledger.app;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.wattledger.engine.model.UserText;

/**
 * The writers for standard output and error. Text from users' files reaches them (ids, messages
 * quoting cells), so control characters other than line feed and tab are shown in their visible
 * backslash-u form instead of being obeyed by the terminal. JSON stays valid: a JSON string may
 * hold the same character escaped that way.
 */
final class Terminal {
    private Terminal() {
    }

    static PrintWriter writer(OutputStream stream) {
        Writer utf8 = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        return new PrintWriter(new SafeWriter(utf8), true);
    }

    /** Passes text on with every control character but line feed and tab escaped. */
    private static final class SafeWriter extends Writer {
        private final Writer out;

        SafeWriter(Writer out) {
            this.out = out;
        }

        @Override
        public void write(char[] buf, int off, int len) throws java.io.IOException {
            int start = off;
            for (int i = off; i < off + len; i++) {
                char c = buf[i];
                if (c != '\n' && c != '\t' && UserText.isControl(c)) {
                    out.write(buf, start, i - start);
                    out.write(UserText.escapeControls(String.valueOf(c)));
                    start = i + 1;
                }
            }
            out.write(buf, start, off + len - start);
        }

        @Override
        public void flush() throws java.io.IOException {
            out.flush();
        }

        @Override
        public void close() throws java.io.IOException {
            out.close();
        }
    }
}
