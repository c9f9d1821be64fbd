package org.wattledger.reports;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The Chinese font the charts draw with, carried in the jar: a subset of Noto Sans CJK SC (SIL Open
 * Font License 1.1, licence in {@code fonts/OFL.txt} beside it) holding the 6,763 hanzi of GB 2312,
 * ASCII, punctuation and every character of the Chinese labels. A machine without CJK fonts still
 * draws hanzi, not boxes. Made by tools/fonts/make_cjk_subset.py.
 */
final class CjkFont {
    static final String RESOURCE = "fonts/NotoSansSC-wattledger.otf";

    private CjkFont() {
    }

    /** Loaded once, when a Chinese chart is first drawn; registered so JFreeChart finds it by family name. */
    private static final class Holder {
        static final Font FONT = load();
    }

    /** The font's family name, to pass to {@code new Font(family, style, size)}. */
    static String family() {
        return Holder.FONT.getFamily(java.util.Locale.ROOT);
    }

    /** The font at size 1, plain. */
    static Font font() {
        return Holder.FONT;
    }

    private static Font load() {
        try (InputStream in = CjkFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no " + RESOURCE);
            }
            Font f = Font.createFont(Font.TRUETYPE_FONT, in);
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(f);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("cannot load " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
