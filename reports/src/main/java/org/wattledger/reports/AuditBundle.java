package org.wattledger.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.factor.Factor;

/**
 * An audit bundle: one zip file that holds everything needed to re-run a report offline and
 * compare — the inputs, the factor releases used (whole, with their manifests), every factor row
 * used, the options, the engine version and the outputs — and a {@value #MANIFEST} file with the
 * SHA-256 of every other entry, in the format {@code sha256sum -c} checks.
 *
 * <p>Layout: {@value #DESCRIPTION} (engine version, command, inputs in order, options, releases,
 * outputs), {@code inputs/NAME} (a file input) or {@code inputs/FOLDER/FILE} (a folder input),
 * {@code factor-sheets/NAME}, {@code factors/releases/SET/VERSION/FILE}, {@value #FACTORS_USED},
 * {@code outputs/NAME}. The inputs are named byte blobs, whatever they came from (files on the
 * command line, a ledger's batches).
 *
 * <p>Deterministic: entries sorted by name, one fixed timestamp, fixed compression, so identical
 * contents give a byte-identical bundle. Reading is guarded: entry names must be plain relative
 * paths (no {@code ..}, no absolute path, no backslash), the number and inflated size of entries
 * are bounded while inflating (a zip bomb is refused, never unpacked), and every entry must match
 * the manifest — an altered bundle is refused with the name of what changed.
 */
public final class AuditBundle {
    public static final String SCHEMA = "wattledger.bundle/1";
    /** The SHA-256 of every other entry, one {@code HEX  NAME} line each, sorted by name. */
    public static final String MANIFEST = "SHA256SUMS";
    /** What the bundle is: engine version, command, inputs, options, releases, outputs (JSON). */
    public static final String DESCRIPTION = "bundle.json";
    /** Every factor row the report used, with set@version and its release manifest's SHA-256. */
    public static final String FACTORS_USED = "factors/used.csv";
    public static final String INPUTS = "inputs/";
    public static final String FACTOR_SHEETS = "factor-sheets/";
    public static final String RELEASES = "factors/releases/";
    public static final String OUTPUTS = "outputs/";

    /** The one timestamp on every entry: a bundle says nothing of when it was made. */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
    /** Limits when reading: beyond them a bundle is refused as hostile or not one of ours. */
    static final int MAX_ENTRIES = 10_000;
    static final long MAX_INFLATED_BYTES = 1L << 30;
    static final int MAX_NAME_CHARS = 500;

    private AuditBundle() {
    }

    /** A named file of the bundle: its path inside the zip and its bytes. */
    public record Blob(String name, byte[] bytes) {
        public Blob {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** A factor release in the bundle, named as reports name it, with the SHA-256 of its manifest.csv. */
    public record ReleaseRef(String set, String version, String manifestSha256) {
        public String ref() {
            return set + "@" + version;
        }
    }

    /**
     * What a bundle says about itself.
     *
     * @param command the command that re-runs it ({@code report})
     * @param inputs the top-level inputs as given on the command line (a file or folder name), in order
     * @param options the options that reproduce the figures, as words ({@link ReportMeta#options()})
     * @param outputs the output names under {@value #OUTPUTS}, in the order they are compared
     */
    public record Description(String engineVersion, String command, List<String> inputs, List<String> options,
            List<ReleaseRef> releases, List<String> outputs) {
        public Description {
            inputs = List.copyOf(inputs);
            options = List.copyOf(options);
            releases = List.copyOf(releases);
            outputs = List.copyOf(outputs);
        }
    }

    /** A bundle: its description and its files (every entry but {@value #DESCRIPTION} and {@value #MANIFEST}). */
    public record Bundle(Description description, List<Blob> files) {
        public Bundle {
            files = List.copyOf(files);
        }

        /** The files under a folder of the bundle ({@value #INPUTS}, {@value #OUTPUTS}...), names relative to it. */
        public Map<String, byte[]> under(String folder) {
            Map<String, byte[]> out = new TreeMap<>();
            for (Blob b : files) {
                if (b.name().startsWith(folder)) {
                    out.put(b.name().substring(folder.length()), b.bytes());
                }
            }
            return out;
        }
    }

    /** A bundle that cannot be used: altered, hostile, damaged or not a bundle. The message says which and where. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    // ---------------------------------------------------------------- what a bundle holds

    /**
     * The outputs a bundle holds and {@code verify} compares, by name: the JSON, HTML and xlsx
     * reports, the CSV files and the text summary. The PNG charts stay out: their pixels depend on
     * the fonts installed (the HTML embeds them too, so it compares equal only where the same
     * fonts render them).
     */
    public static Map<String, byte[]> outputs(Results results, ReportMeta meta) {
        ReportModel m = ReportModel.of(results);
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("report.json", JsonReport.toBytes(results, meta));
        out.put("report.html", HtmlReport.render(results, meta).getBytes(StandardCharsets.UTF_8));
        out.put("report.xlsx", XlsxReport.toBytes(results, meta));
        out.put(CsvReport.SUMMARY, CsvReport.summary(m).getBytes(StandardCharsets.UTF_8));
        out.put(CsvReport.SITES, CsvReport.sites(m).getBytes(StandardCharsets.UTF_8));
        out.put(CsvReport.MONTHLY, CsvReport.monthly(m).getBytes(StandardCharsets.UTF_8));
        out.put(CsvReport.ISSUES, CsvReport.issues(m).getBytes(StandardCharsets.UTF_8));
        out.put("summary.txt", TextSummary.render(results, meta).getBytes(StandardCharsets.UTF_8));
        return out;
    }

    /**
     * {@value #FACTORS_USED}: every factor row the results used, with its set@version and, for a
     * factor of a bundled or added release, the SHA-256 of that release's manifest.csv.
     */
    public static Blob factorsUsed(List<Factor> factors, List<ReleaseRef> releases) {
        Map<String, String> manifestByRef = new TreeMap<>();
        releases.forEach(r -> manifestByRef.put(r.ref(), r.manifestSha256()));
        StringBuilder csv = new StringBuilder("id,set,version,kind,carrier,gas,value,unit,region,valid_from,valid_to,"
                + "basis,use,source,release_manifest_sha256\n");
        for (Factor f : factors) {
            List<String> cells = List.of(f.id(), nz(f.set()), nz(f.version()), f.kind().id(),
                    f.carrier() == null ? "*" : f.carrier().id(), nz(f.gas()), f.value().toPlainString(), f.unit().text(),
                    nz(f.region()), f.validFrom().toString(), f.validTo() == null ? "" : f.validTo().toString(),
                    nz(f.basis()), f.use() == null ? "" : f.use().id(), nz(f.source()),
                    manifestByRef.getOrDefault(nz(f.set()), ""));
            csv.append(String.join(",", cells.stream().map(AuditBundle::csvCell).toList())).append('\n');
        }
        return new Blob(FACTORS_USED, csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    // ---------------------------------------------------------------- writing

    /** The bundle's bytes: the files, {@value #DESCRIPTION} and {@value #MANIFEST}, sorted by name, one timestamp. */
    public static byte[] write(Bundle bundle) {
        Map<String, byte[]> entries = new TreeMap<>();
        for (Blob b : bundle.files()) {
            checkName(b.name());
            if (b.name().equals(MANIFEST) || b.name().equals(DESCRIPTION) || entries.put(b.name(), b.bytes()) != null) {
                throw new IllegalArgumentException("two bundle entries named " + b.name());
            }
        }
        entries.put(DESCRIPTION, describe(bundle.description()));
        StringBuilder sums = new StringBuilder();
        entries.forEach((name, bytes) -> sums.append(sha256(bytes)).append("  ").append(name).append('\n'));
        entries.put(MANIFEST, sums.toString().getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTimeLocal(ENTRY_TIME);
                entry.setMethod(ZipEntry.DEFLATED);
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static byte[] describe(Description d) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("engineVersion", d.engineVersion());
        root.put("command", d.command());
        d.inputs().forEach(root.putArray("inputs")::add);
        d.options().forEach(root.putArray("options")::add);
        ArrayNode releases = root.putArray("releases");
        for (ReleaseRef r : d.releases()) {
            releases.addObject().put("set", r.set()).put("version", r.version()).put("manifestSha256", r.manifestSha256());
        }
        d.outputs().forEach(root.putArray("outputs")::add);
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads and checks a bundle: safe entry names, bounded size, every entry equal to its SHA-256
     * in {@value #MANIFEST} and nothing unlisted, a readable {@value #DESCRIPTION}, each release's
     * manifest equal to the SHA-256 the description gives.
     *
     * @throws Refused with a message naming the first problem
     */
    public static Bundle read(byte[] zip) {
        return read(zip, MAX_INFLATED_BYTES);
    }

    /** {@link #read(byte[])} with another bound on the inflated bytes (tests use a small one). */
    static Bundle read(byte[] zip, long maxInflatedBytes) {
        Map<String, byte[]> entries = unzip(zip, maxInflatedBytes);
        byte[] manifest = entries.remove(MANIFEST);
        if (manifest == null) {
            throw new Refused("it has no " + MANIFEST + ", so it is not a wattledger audit bundle");
        }
        Map<String, String> sums = parseManifest(manifest);
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String listed = sums.get(e.getKey());
            if (listed == null) {
                throw new Refused("it was altered: " + e.getKey() + " is not listed in " + MANIFEST);
            }
            String actual = sha256(e.getValue());
            if (!actual.equals(listed)) {
                throw new Refused("it was altered: " + e.getKey() + " has SHA-256 " + actual + ", but " + MANIFEST
                        + " says " + listed);
            }
        }
        for (String name : sums.keySet()) {
            if (!entries.containsKey(name)) {
                throw new Refused("it was altered: " + name + " is listed in " + MANIFEST + " but missing");
            }
        }
        byte[] description = entries.remove(DESCRIPTION);
        if (description == null) {
            throw new Refused("it has no " + DESCRIPTION + ", so it is not a wattledger audit bundle");
        }
        Description d = parseDescription(description);
        for (ReleaseRef r : d.releases()) {
            byte[] releaseManifest = entries.get(RELEASES + r.set() + "/" + r.version() + "/manifest.csv");
            if (releaseManifest == null) {
                throw new Refused("it names the factor release " + r.ref() + " but does not hold its manifest.csv");
            }
            if (!sha256(releaseManifest).equals(r.manifestSha256())) {
                throw new Refused("it was altered: the manifest.csv of factor release " + r.ref() + " has SHA-256 "
                        + sha256(releaseManifest) + ", but " + DESCRIPTION + " says " + r.manifestSha256());
            }
        }
        List<Blob> files = new ArrayList<>();
        entries.forEach((name, bytes) -> files.add(new Blob(name, bytes)));
        files.sort(Comparator.comparing(Blob::name));
        return new Bundle(d, files);
    }

    /** Inflates every entry, counting the bytes as they come: a lying header cannot hide a bomb. */
    private static Map<String, byte[]> unzip(byte[] zip, long maxInflatedBytes) {
        Map<String, byte[]> entries = new TreeMap<>();
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (entries.size() == MAX_ENTRIES) {
                    throw new Refused("it has more than " + MAX_ENTRIES + " entries");
                }
                String name = e.getName();
                checkName(name);
                if (e.isDirectory()) {
                    throw new Refused("it holds a folder entry " + quote(name) + "; a bundle holds files only");
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    total += n;
                    if (total > maxInflatedBytes) {
                        throw new Refused("it inflates to more than " + maxInflatedBytes + " bytes (at entry "
                                + quote(name) + "); refused as a possible zip bomb");
                    }
                    bytes.write(buffer, 0, n);
                }
                if (entries.put(name, bytes.toByteArray()) != null) {
                    throw new Refused("it has two entries named " + quote(name));
                }
            }
        } catch (ZipException e) {
            throw new Refused("it is not a readable zip file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new Refused("it cannot be read (" + e.getMessage() + ")");
        }
        if (entries.isEmpty()) {
            throw new Refused("it is empty or not a zip file");
        }
        return entries;
    }

    /**
     * An entry name must be a plain relative path of safe segments: no absolute path, drive letter
     * ({@code C:}) or backslash, no {@code .} or {@code ..} segment, no control character; so no entry can name a
     * place outside the folder it is unpacked into.
     */
    static void checkName(String name) {
        boolean bad = name.isEmpty() || name.length() > MAX_NAME_CHARS || name.startsWith("/") || name.contains("\\")
                || name.matches("[A-Za-z]:.*") || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        if (!bad) {
            for (String segment : name.split("/", -1)) {
                if (segment.isEmpty() && !name.endsWith("/") || segment.equals(".") || segment.equals("..")) {
                    bad = true;
                    break;
                }
            }
        }
        if (bad) {
            throw new Refused("it has an entry named " + quote(name) + ", which is not a plain relative path;"
                    + " refused (a bundle never names a place outside itself)");
        }
    }

    private static String quote(String name) {
        String shown = name.length() > 120 ? name.substring(0, 120) + "…" : name;
        StringBuilder sb = new StringBuilder("'");
        shown.codePoints().forEach(c -> sb.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c)
                : new String(Character.toChars(c))));
        return sb.append("'").toString();
    }

    private static Map<String, String> parseManifest(byte[] bytes) {
        Map<String, String> sums = new TreeMap<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (!line.matches("[0-9a-f]{64}  .+")) {
                throw new Refused("it was altered: " + MANIFEST + " line " + (i + 1) + " is not 'SHA-256  NAME'");
            }
            sums.put(line.substring(66), line.substring(0, 64));
        }
        return sums;
    }

    private static Description parseDescription(byte[] bytes) {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (!SCHEMA.equals(root.path("schema").asText())) {
                throw new Refused(DESCRIPTION + " has schema '" + root.path("schema").asText() + "'; this version of"
                        + " wattledger reads " + SCHEMA);
            }
            List<ReleaseRef> releases = new ArrayList<>();
            for (JsonNode r : root.path("releases")) {
                releases.add(new ReleaseRef(r.path("set").asText(), r.path("version").asText(),
                        r.path("manifestSha256").asText()));
            }
            return new Description(root.path("engineVersion").asText(), root.path("command").asText(),
                    strings(root.path("inputs")), strings(root.path("options")), releases, strings(root.path("outputs")));
        } catch (IOException e) {
            throw new Refused(DESCRIPTION + " is not valid JSON (" + e.getMessage() + ")");
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Lower-case hex SHA-256. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
