package org.wattledger.factors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.wattledger.engine.factor.Factor;
import org.wattledger.engine.factor.Regions;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.TextTable;

/**
 * The factor releases wattledger knows: those bundled in this jar (listed in
 * {@code org/wattledger/factors/sets/index.csv}, since jar resources cannot be listed) and,
 * optionally, releases in folders on disk ({@link #withReleaseRoot}). Each release is read once,
 * checked against its manifest (SHA-256 and row count of every file) and validated row by row;
 * a damaged release is refused whole. Immutable and safe to share.
 */
public final class FactorLibrary {
    /** Where bundled releases live on the class path. */
    public static final String BUNDLED_ROOT = "org/wattledger/factors/sets/";
    /** {@link Release#location()} of a release bundled in this jar. */
    public static final String BUNDLED_LOCATION = "bundled";
    /** The index of bundled releases: columns {@code set,version}. */
    public static final String INDEX_FILE = "index.csv";
    /** Each release's metadata: columns {@code key,value}. */
    public static final String RELEASE_FILE = "release.csv";

    /** Versions compare part by part, numerically where both parts are numbers: 2026.2 &lt; 2026.10. */
    public static final Comparator<String> VERSION_ORDER = FactorLibrary::compareVersions;

    private final List<Release> releases;

    private FactorLibrary(List<Release> releases) {
        this.releases = releases.stream()
                .sorted(Comparator.comparing(Release::setId).thenComparing(Release::version, VERSION_ORDER))
                .toList();
    }

    /** The releases bundled in this jar. Read once, then shared. */
    public static FactorLibrary bundled() {
        return Bundled.LIBRARY;
    }

    /**
     * A library of no release, to which {@link #withReleaseRoot} adds folders: what {@code verify}
     * uses, so an audit bundle is re-run with the releases it holds and never with this jar's.
     */
    public static FactorLibrary empty() {
        return new FactorLibrary(List.of());
    }

    /**
     * The bytes of one file of a release, wherever it was read from: its {@code manifest.csv} or a
     * file the manifest lists. An audit bundle copies a release with these.
     */
    public static byte[] releaseFile(Release release, String name) throws IOException {
        byte[] bytes = release.location().equals(BUNDLED_LOCATION)
                ? resource(BUNDLED_ROOT + release.setId() + "/" + release.version() + "/" + name)
                : new FolderFiles(Path.of(release.location())).read(name);
        if (bytes == null) {
            throw new IOException("release " + release.ref() + " (" + release.location() + ") has no file " + name);
        }
        return bytes;
    }

    private static final class Bundled {
        static final FactorLibrary LIBRARY = loadBundled();
    }

    /**
     * This library plus every release in {@code root/<set>/<version>/} (each such folder must be a
     * complete release with its {@code manifest.csv}). A release that is already known under the
     * same set and version is an error: a released version is never replaced, a correction gets a
     * new version.
     */
    public FactorLibrary withReleaseRoot(Path root) throws IOException {
        List<Release> all = new ArrayList<>(releases);
        List<Path> dirs;
        try (Stream<Path> sets = Files.list(root)) {
            dirs = sets.filter(Files::isDirectory).filter(FactorLibrary::visible).flatMap(FactorLibrary::subdirectories)
                    .sorted().toList();
        }
        for (Path dir : dirs) {
            String setId = dir.getParent().getFileName().toString();
            String version = dir.getFileName().toString();
            Optional<Release> known = find(setId, version);
            if (known.isPresent()) {
                throw new FactorSetException("release " + Release.ref(setId, version) + " in " + dir
                        + " is already known (" + known.get().location() + "): a released version is never"
                        + " replaced; give the correction a new version");
            }
            all.add(load(setId, version, new FolderFiles(dir), dir.toString()));
        }
        return new FactorLibrary(all);
    }

    /** Every release, by set id, then version (oldest first). */
    public List<Release> releases() {
        return releases;
    }

    /** One set and its releases, oldest first, for {@code factors list}. */
    public record SetInfo(String id, String title, List<ReleaseInfo> releases) {
        public SetInfo {
            releases = List.copyOf(releases);
        }

        public ReleaseInfo latest() {
            return releases.get(releases.size() - 1);
        }
    }

    /** A release as {@code factors list} shows it. */
    public record ReleaseInfo(String version, LocalDate released, int factors, List<String> countries,
            String location) {
        public ReleaseInfo {
            countries = List.copyOf(countries);
        }
    }

    /** The sets, by id, each with its releases and their factor counts. */
    public List<SetInfo> sets() {
        Map<String, List<Release>> bySet = new TreeMap<>();
        releases.forEach(r -> bySet.computeIfAbsent(r.setId(), k -> new ArrayList<>()).add(r));
        List<SetInfo> sets = new ArrayList<>();
        bySet.forEach((id, rs) -> sets.add(new SetInfo(id, rs.get(rs.size() - 1).title(), rs.stream()
                .map(r -> new ReleaseInfo(r.version(), r.released(), r.factors().size(), r.countries(), r.location()))
                .toList())));
        return sets;
    }

    /** The newest release of a set. */
    public Release latest(String setId) {
        List<Release> of = releasesOf(setId);
        return of.get(of.size() - 1);
    }

    /** One release of a set. */
    public Release release(String setId, String version) {
        List<Release> of = releasesOf(setId);
        return of.stream().filter(r -> r.version().equals(version)).findFirst()
                .orElseThrow(() -> new FactorSetException("factor set " + setId + " has no version " + version
                        + "; available: " + of.stream().map(Release::version).collect(Collectors.joining(", "))));
    }

    /** A release named as on the command line: {@code SET@VERSION}, or {@code SET} for its newest. */
    public Release release(String spec) {
        String s = spec.strip();
        int at = s.indexOf('@');
        return at < 0 ? latest(s) : release(s.substring(0, at).strip(), s.substring(at + 1).strip());
    }

    /** Every release's factor with this id, for {@code factors show ID}: by set, newest release first. */
    public List<Factor> find(String factorId) {
        List<Factor> found = new ArrayList<>();
        for (int i = releases.size() - 1; i >= 0; i--) {
            releases.get(i).factors().stream().filter(f -> f.id().equals(factorId)).forEach(found::add);
        }
        found.sort(Comparator.comparing((Factor f) -> f.set().substring(0, f.set().indexOf('@'))));
        return found;
    }

    /**
     * {@code factors search TEXT}: the factors of each set's newest release whose id, carrier,
     * region, source or note contains the text, ignoring case; by set, then in the release's order.
     * A Chinese province or grid, by code or name (广东, Guangdong, CN-GD), also finds the factors
     * of the regions a site there falls back to before the national ones ({@link #chinaRegions}).
     */
    public List<Factor> search(String text) {
        String needle = text.strip().toLowerCase(Locale.ROOT);
        List<String> regions = chinaRegions(text);
        List<Factor> found = new ArrayList<>();
        for (SetInfo set : sets()) {
            for (Factor f : latest(set.id()).factors()) {
                String haystack = String.join(" ", f.id(), f.carrier() == null ? "" : f.carrier().id(), f.region(),
                        f.source(), f.note()).toLowerCase(Locale.ROOT);
                if (haystack.contains(needle) || regions.contains(f.region())) {
                    found.add(f);
                }
            }
        }
        return found;
    }

    /**
     * The province or grid a text names and the grid it falls back to (CN-GD, CN-SOUTH for 广东 or
     * Guangdong; CN-SOUTH for 南方电网); empty when the text is not a Chinese province or grid. A
     * site there takes the first factor found along {@link Regions#chain}: these, then CN.
     */
    public static List<String> chinaRegions(String text) {
        return Regions.parse(text).filter(r -> r.startsWith("CN-"))
                .map(r -> Regions.chain(r).stream().filter(c -> c.startsWith("CN-")).toList())
                .orElse(List.of());
    }

    /** {@code factors diff SET@A SET@B}: what changed from release A to release B. */
    public FactorDiff diff(String fromSpec, String toSpec) {
        return FactorDiff.between(release(fromSpec), release(toSpec));
    }

    /** The newest release of the set that is the default for a country (ISO 3166-1: CN, GB, US). */
    public Optional<Release> forCountry(String country) {
        String c = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        return latestOf(r -> !r.isFallback() && r.countries().contains(c));
    }

    /** The newest release of the fallback set (ipcc2006), which follows every country's set. */
    public Optional<Release> fallback() {
        return latestOf(Release::isFallback);
    }

    /** The newest release of the fallback set published on or before a day, for pinned selections. */
    Optional<Release> fallbackOnOrBefore(LocalDate day) {
        return releases.stream().filter(Release::isFallback).filter(r -> !r.released().isAfter(day))
                .max(Comparator.comparing(Release::released).thenComparing(Release::version, VERSION_ORDER));
    }

    /** "cn (2026.1), ipcc2006 (2026.1), ...": for error messages. */
    public String available() {
        return sets().stream().map(s -> s.id() + " (" + s.releases().stream().map(ReleaseInfo::version)
                .collect(Collectors.joining(", ")) + ")").collect(Collectors.joining(", "));
    }

    private Optional<Release> latestOf(Predicate<Release> test) {
        Set<String> ids = new TreeSet<>();
        releases.stream().filter(test).forEach(r -> ids.add(r.setId()));
        return ids.stream().findFirst().map(this::latest);
    }

    private List<Release> releasesOf(String setId) {
        List<Release> of = releases.stream().filter(r -> r.setId().equals(setId)).toList();
        if (of.isEmpty()) {
            throw new FactorSetException("unknown factor set '" + setId + "'; available: " + available());
        }
        return of;
    }

    private Optional<Release> find(String setId, String version) {
        return releases.stream().filter(r -> r.setId().equals(setId) && r.version().equals(version)).findFirst();
    }

    private static boolean visible(Path dir) {
        return !dir.getFileName().toString().startsWith(".");
    }

    private static Stream<Path> subdirectories(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).filter(FactorLibrary::visible).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- reading releases

    /** The files of one release folder, wherever it is. */
    private interface ReleaseFiles {
        /** The file's bytes, or null when there is no such file. */
        byte[] read(String name) throws IOException;

        /** The names of the CSV files in the folder, or null where a folder cannot be listed (a jar). */
        Set<String> list() throws IOException;
    }

    private record FolderFiles(Path dir) implements ReleaseFiles {
        @Override
        public byte[] read(String name) throws IOException {
            Path file = dir.resolve(name);
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        }

        @Override
        public Set<String> list() throws IOException {
            try (Stream<Path> files = Files.list(dir)) {
                return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv"))
                        .collect(Collectors.toCollection(TreeSet::new));
            }
        }
    }

    private record ClasspathFiles(String folder) implements ReleaseFiles {
        @Override
        public byte[] read(String name) throws IOException {
            return resource(folder + name);
        }

        @Override
        public Set<String> list() {
            return null;
        }
    }

    static byte[] resource(String path) throws IOException {
        try (InputStream in = FactorLibrary.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static FactorLibrary loadBundled() {
        try {
            byte[] index = resource(BUNDLED_ROOT + INDEX_FILE);
            if (index == null) {
                throw new FactorSetException("the bundled factor index " + BUNDLED_ROOT + INDEX_FILE + " is missing");
            }
            List<Release> releases = new ArrayList<>();
            for (TextTable.Row row : FactorSheetLoader.readCsv(INDEX_FILE, index).rows()) {
                String setId = row.cell(0).strip();
                String version = row.cell(1).strip();
                releases.add(load(setId, version,
                        new ClasspathFiles(BUNDLED_ROOT + setId + "/" + version + "/"), BUNDLED_LOCATION));
            }
            return new FactorLibrary(releases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one release, checks every file against the manifest and every row against the format. */
    private static Release load(String setId, String version, ReleaseFiles files, String location) throws IOException {
        String ref = Release.ref(setId, version);
        String damaged = "release " + ref + " (" + location + ") is damaged: ";
        byte[] manifestBytes = files.read(ReleaseManifest.FILE);
        if (manifestBytes == null) {
            throw new FactorSetException(damaged + ReleaseManifest.FILE + " is missing");
        }
        List<Release.ReleaseFile> manifest = ReleaseManifest.parse(ref, manifestBytes);
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (Release.ReleaseFile entry : manifest) {
            byte[] bytes = files.read(entry.name());
            if (bytes == null) {
                throw new FactorSetException(damaged + entry.name() + " is listed in the manifest but missing");
            }
            String sha = FactorSheetLoader.sha256(bytes);
            if (!sha.equals(entry.sha256())) {
                throw new FactorSetException(damaged + entry.name() + " has SHA-256 " + sha + " but the manifest says "
                        + entry.sha256() + "; a released version is never edited: publish a correction as a new version");
            }
            int rows = ReleaseManifest.rows(entry.name(), bytes);
            if (rows != entry.rows()) {
                throw new FactorSetException(damaged + entry.name() + " has " + rows + " rows but the manifest says "
                        + entry.rows());
            }
            contents.put(entry.name(), bytes);
        }
        Set<String> listed = files.list();
        if (listed != null) {
            for (String name : listed) {
                if (!name.equals(ReleaseManifest.FILE) && !contents.containsKey(name)) {
                    throw new FactorSetException(damaged + name + " is not in the manifest");
                }
            }
        }
        byte[] meta = contents.remove(RELEASE_FILE);
        if (meta == null) {
            throw new FactorSetException(damaged + RELEASE_FILE + " is not in the manifest");
        }
        Map<String, String> info = new HashMap<>();
        FactorSheetLoader.readCsv(RELEASE_FILE, meta).rows().forEach(r -> info.put(r.cell(0).strip(), r.cell(1).strip()));
        if (!setId.equals(info.get("id")) || !version.equals(info.get("version"))) {
            throw new FactorSetException(damaged + RELEASE_FILE + " names " + info.get("id") + "@" + info.get("version")
                    + ", not " + ref);
        }
        LocalDate released;
        try {
            released = LocalDate.parse(info.getOrDefault("released", ""));
        } catch (DateTimeParseException e) {
            throw new FactorSetException(damaged + RELEASE_FILE + " has no valid 'released' date (YYYY-MM-DD)");
        }
        // A bundled release's rows are parsed when its factors are first used (a report uses the latest
        // release of a set or two, not all eight); the build's tests parse every one. A folder's
        // release, a user's, is parsed now, so that its errors come at once.
        Supplier<List<Factor>> factors = () -> factorsOf(ref, version, damaged, contents);
        List<String> countries = List.of(info.getOrDefault("countries", "").split("\\s*[,;]\\s*")).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(Locale.ROOT)).toList();
        return new Release(setId, version, released, info.getOrDefault("title", ""), info.getOrDefault("description", ""),
                info.getOrDefault("basis_notes", ""), countries,
                location.equals(BUNDLED_LOCATION) ? new LazyFactors(factors) : factors.get(), manifest, location);
    }

    /** A release's factor rows, parsed and checked against the format. */
    private static List<Factor> factorsOf(String ref, String version, String damaged, Map<String, byte[]> contents) {
        List<TextTable> tables = new ArrayList<>();
        contents.forEach((name, bytes) -> tables.add(FactorSheetLoader.readCsv(ref + "/" + name, bytes)));
        FactorSheetLoader.Parsed parsed = FactorSheetLoader.parse(ref, tables, version);
        List<Issue> issues = parsed.issues();
        if (!issues.isEmpty()) {
            throw new FactorSetException(damaged + issues.size() + (issues.size() == 1 ? " problem" : " problems") + " in its rows, first: " + issues.get(0));
        }
        return parsed.factors();
    }

    private static int compareVersions(String a, String b) {
        String[] pa = a.split("[.\\-]");
        String[] pb = b.split("[.\\-]");
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int c = pa[i].matches("\\d+") && pb[i].matches("\\d+")
                    ? new BigInteger(pa[i]).compareTo(new BigInteger(pb[i]))
                    : pa[i].compareTo(pb[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.length, pb.length);
    }
}
