package org.wattledger.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The words people read in a report, in its language: every heading, table header, figure name
 * and sentence of the HTML page, the workbook, the text summary and the charts comes from here.
 * The words live in UTF-8 bundles beside this class ({@code labels_en.properties},
 * {@code labels_zh.properties}) with the same keys; a missing key is a defect and fails loudly.
 * Machine outputs (JSON keys, CSV headers) stay English whatever the language.
 */
public final class Labels {
    /** A report language: {@code en} (the default) or {@code zh} (simplified Chinese). */
    public enum Language {
        EN("en"), ZH("zh");

        private final String id;

        Language(String id) {
            this.id = id;
        }

        /** {@code en}, {@code zh}: as {@code --lang} takes it and HTML's {@code lang} attribute writes it. */
        public String id() {
            return id;
        }

        /** {@code en}, {@code zh} (also {@code zh-CN}, {@code zh-Hans}), any case; null for anything else. */
        public static Language parse(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (t.equals("en")) {
                return EN;
            }
            return t.equals("zh") || t.equals("zh-cn") || t.equals("zh-hans") ? ZH : null;
        }
    }

    public static final Labels EN = load(Language.EN);
    public static final Labels ZH = load(Language.ZH);

    private final Language language;
    private final Map<String, String> words;

    private Labels(Language language, Map<String, String> words) {
        this.language = language;
        this.words = words;
    }

    public static Labels of(Language language) {
        return language == Language.ZH ? ZH : EN;
    }

    public Language language() {
        return language;
    }

    /** The words of a key. */
    public String get(String key) {
        String w = words.get(key);
        if (w == null) {
            throw new IllegalStateException("no " + language.id() + " label for '" + key + "'");
        }
        return w;
    }

    /** True when the bundle has the key. */
    public boolean has(String key) {
        return words.containsKey(key);
    }

    /** The words of a key with {0}, {1} … replaced by the arguments' text (no number formatting here). */
    public String format(String key, Object... args) {
        String w = get(key);
        for (int i = 0; i < args.length; i++) {
            w = w.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return w;
    }

    /** Every key and its words, sorted by key. */
    public Map<String, String> all() {
        return java.util.Collections.unmodifiableMap(words);
    }

    private static Labels load(Language language) {
        String name = "labels_" + language.id() + ".properties";
        Properties p = new Properties();
        try (InputStream in = Labels.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
        Map<String, String> words = new TreeMap<>();
        p.forEach((k, v) -> words.put((String) k, (String) v));
        return new Labels(language, words);
    }
}
