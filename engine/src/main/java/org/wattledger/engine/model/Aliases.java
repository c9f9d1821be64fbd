package org.wattledger.engine.model;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Matches user words to enum constants: case-insensitive, ignoring spaces, hyphens and
 * underscores, full-width forms folded (NFKC). One table per enum, built once.
 */
public final class Aliases<E extends Enum<E>> {
    /** Compiled once: String.replaceAll would compile it again for every word looked up. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-]+");
    private final Map<String, E> byKey = new LinkedHashMap<>();

    public Aliases<E> add(E value, String... names) {
        byKey.putIfAbsent(key(value.name()), value);
        for (String name : names) {
            byKey.putIfAbsent(key(name), value);
        }
        return this;
    }

    public Optional<E> find(String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(text)));
    }

    public static String key(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(s).replaceAll("");
    }
}
