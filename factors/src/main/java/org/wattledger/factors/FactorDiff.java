package org.wattledger.factors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.wattledger.engine.factor.Factor;

/**
 * What changed between two releases, matched by factor id: factors only in the newer one, only
 * in the older one, and factors whose content differs (with the names of the fields that do).
 * Lists are sorted by id.
 *
 * @param from the older release, e.g. {@code cn@2026.1}
 * @param to the newer release
 */
public record FactorDiff(String from, String to, List<Factor> added, List<Factor> removed, List<Change> changed) {
    public FactorDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /**
     * One factor in both releases whose content differs.
     *
     * @param fields what differs, from: value (compared as numbers: 0.5810 equals 0.581), unit,
     *     validity, source, note, basis, use, carrier, kind, gas, region
     */
    public record Change(Factor before, Factor after, List<String> fields) {
        public Change {
            fields = List.copyOf(fields);
        }

        /** How one of {@link #fields} reads before and after: "value: 0.4042 t/MWh -> 0.4000 t/MWh". */
        public String describe(String field) {
            return field + ": " + show(before, field) + " -> " + show(after, field);
        }

        /**
         * True when the factor changed but its row keeps the version it had: a correction must carry
         * the version of the release that made it, or a report cannot say which value it used.
         */
        public boolean keepsItsVersion() {
            return before.version().equals(after.version());
        }
    }

    /** The field of a factor as the diff prints it: value and unit together, text fields quoted. */
    private static String show(Factor f, String field) {
        return switch (field) {
            case "value", "unit" -> f.valueWithUnit();
            case "validity" -> f.validity();
            case "source" -> quote(f.source());
            case "note" -> quote(f.note());
            case "basis" -> quote(f.basis());
            case "use" -> f.use() == null ? "-" : f.use().id();
            case "carrier" -> f.carrier() == null ? "*" : f.carrier().id();
            case "kind" -> f.kind().id();
            case "gas" -> f.gas() == null ? "-" : f.gas();
            case "region" -> f.region();
            default -> throw new IllegalArgumentException("not a factor field: " + field);
        };
    }

    private static String quote(String text) {
        return "\"" + (text == null ? "" : text) + "\"";
    }

    /** The changes whose rows keep their old version ({@link Change#keepsItsVersion}). */
    public List<Change> unversioned() {
        return changed.stream().filter(Change::keepsItsVersion).toList();
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /**
     * The differences from release {@code a} to release {@code b}, two releases of one set.
     *
     * @throws FactorSetException when they belong to different sets: their ids do not match, so a
     *     diff would list every factor as added and removed
     */
    public static FactorDiff between(Release a, Release b) {
        if (!a.setId().equals(b.setId())) {
            throw new FactorSetException(a.ref() + " and " + b.ref() + " are releases of different sets; factors diff"
                    + " compares two releases of one set, e.g. " + a.setId() + "@A " + a.setId() + "@B");
        }
        Map<String, Factor> before = byId(a.factors());
        Map<String, Factor> after = byId(b.factors());
        List<Factor> added = new ArrayList<>();
        List<Factor> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        after.forEach((id, f) -> {
            if (!before.containsKey(id)) {
                added.add(f);
            }
        });
        before.forEach((id, old) -> {
            Factor now = after.get(id);
            if (now == null) {
                removed.add(old);
            } else {
                List<String> fields = differences(old, now);
                if (!fields.isEmpty()) {
                    changed.add(new Change(old, now, fields));
                }
            }
        });
        return new FactorDiff(a.ref(), b.ref(), added, removed, changed);
    }

    private static Map<String, Factor> byId(List<Factor> factors) {
        Map<String, Factor> map = new TreeMap<>(Comparator.naturalOrder());
        factors.forEach(f -> map.put(f.id(), f));
        return map;
    }

    private static List<String> differences(Factor a, Factor b) {
        List<String> fields = new ArrayList<>();
        if (a.value().compareTo(b.value()) != 0) {
            fields.add("value");
        }
        compare(fields, "unit", a, b, f -> f.unit().text());
        compare(fields, "validity", a, b, Factor::validity);
        compare(fields, "source", a, b, Factor::source);
        compare(fields, "note", a, b, Factor::note);
        compare(fields, "basis", a, b, Factor::basis);
        compare(fields, "use", a, b, Factor::use);
        compare(fields, "carrier", a, b, Factor::carrier);
        compare(fields, "kind", a, b, Factor::kind);
        compare(fields, "gas", a, b, Factor::gas);
        compare(fields, "region", a, b, Factor::region);
        return fields;
    }

    private static void compare(List<String> fields, String name, Factor a, Factor b, Function<Factor, Object> get) {
        if (!Objects.equals(get.apply(a), get.apply(b))) {
            fields.add(name);
        }
    }
}
