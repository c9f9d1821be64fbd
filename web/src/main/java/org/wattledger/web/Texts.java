package org.wattledger.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** The UI's words in English and Chinese ({@code web/texts_en.properties}, {@code web/texts_zh.properties}, UTF-8). */
public final class Texts {
    public static final Set<String> LANGUAGES = Set.of("en", "zh");
    private static final Map<String, Texts> BY_LANGUAGE = Map.of("en", load("en"), "zh", load("zh"));

    private final String language;
    private final Properties words;

    private Texts(String language, Properties words) {
        this.language = language;
        this.words = words;
    }

    public static Texts of(String language) {
        return "zh".equals(language) ? BY_LANGUAGE.get("zh") : BY_LANGUAGE.get("en");
    }

    public String language() {
        return language;
    }

    /** The word for {@code key}; a missing key fails loudly (a test checks both files hold the same keys). */
    public String get(String key) {
        String w = words.getProperty(key);
        if (w == null) {
            throw new IllegalArgumentException("no UI text '" + key + "' in " + language);
        }
        return w;
    }

    /** The word for {@code key}, or {@code fallback} for a name the UI has no word for (a new intensity). */
    public String getOr(String key, String fallback) {
        return words.getProperty(key, fallback);
    }

    /** {@code get(key)} with {0}, {1}… replaced by the arguments. */
    public String format(String key, Object... args) {
        String w = get(key);
        for (int i = 0; i < args.length; i++) {
            w = w.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return w;
    }

    /** The keys, for the test that both languages say everything. */
    public Set<String> keys() {
        return words.stringPropertyNames();
    }

    private static Texts load(String language) {
        Properties p = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream("/web/texts_" + language + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("web/texts_" + language + ".properties is missing from the jar");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Texts(language, p);
    }
}
