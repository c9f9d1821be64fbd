package org.wattledger.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.wattledger.engine.calc.CalcOptions;
import org.wattledger.engine.calc.Results;

/**
 * What a report says about how it was made, beside the figures: the engine version, the factor
 * sets and user factor sheets used (with SHA-256), the energy basis, the GWP set, the input files
 * (with SHA-256) and whether to include the lineage of every figure. Holds no clock: two reports
 * with equal metadata and results are byte-identical.
 *
 * @param engineVersion the version of wattledger that computed the results ("0.1.0")
 * @param factorSets the bundled factor sets used, in priority order; empty for {@code --factors none}
 * @param factorSheets user factor sheets ({@code --factor-sheet}), in the order given
 * @param energyBasis {@code calorific} or {@code gbt2589}
 * @param gwpSet the GWP set CO2e rests on ({@code AR5})
 * @param inputs the input files
 * @param includeLineage whether the JSON report carries a {@code lineage} section
 * @param options the command-line options that reproduce the figures, as words after the inputs
 *     ({@code --factors}, {@code cn@2026.1}, {@code --period}, {@code 2024}, ...), taken from the
 *     options the command line parsed; empty when the results were not made by the command line
 * @param language the language people read (HTML, xlsx, text, charts); JSON and CSV stay English
 */
public record ReportMeta(String engineVersion, List<FactorSetRef> factorSets, List<FileDigest> factorSheets,
        String energyBasis, String gwpSet, List<FileDigest> inputs, boolean includeLineage, List<String> options,
        Labels.Language language) {

    /** The id written when no bundled set was used ({@code --factors none}). */
    public static final String NO_FACTOR_SET = "none";

    public ReportMeta {
        Objects.requireNonNull(engineVersion, "engineVersion");
        factorSets = List.copyOf(factorSets);
        factorSheets = List.copyOf(factorSheets);
        inputs = List.copyOf(inputs);
        options = List.copyOf(options);
        energyBasis = energyBasis == null || energyBasis.isBlank() ? CalcOptions.EnergyBasis.CALORIFIC.id() : energyBasis;
        gwpSet = gwpSet == null || gwpSet.isBlank() ? CalcOptions.GwpSet.DEFAULT.id() : gwpSet;
        language = language == null ? Labels.Language.EN : language;
    }

    /** Metadata in English. */
    public ReportMeta(String engineVersion, List<FactorSetRef> factorSets, List<FileDigest> factorSheets,
            String energyBasis, String gwpSet, List<FileDigest> inputs, boolean includeLineage, List<String> options) {
        this(engineVersion, factorSets, factorSheets, energyBasis, gwpSet, inputs, includeLineage, options,
                Labels.Language.EN);
    }

    /** Metadata without command-line options. */
    public ReportMeta(String engineVersion, List<FactorSetRef> factorSets, List<FileDigest> factorSheets,
            String energyBasis, String gwpSet, List<FileDigest> inputs, boolean includeLineage) {
        this(engineVersion, factorSets, factorSheets, energyBasis, gwpSet, inputs, includeLineage, List.of());
    }

    /** A bundled factor set and its release: {@code cn} {@code 2026.1}. */
    public record FactorSetRef(String id, String version) {
        public FactorSetRef {
            Objects.requireNonNull(id, "id");
            version = version == null ? "" : version;
        }

        /** Parses {@code cn@2026.1} (or {@code cn} without a version). */
        public static FactorSetRef parse(String text) {
            String t = text.strip();
            int at = t.indexOf('@');
            return at < 0 ? new FactorSetRef(t, "") : new FactorSetRef(t.substring(0, at), t.substring(at + 1));
        }

        /** {@code cn@2026.1}, or the id alone when there is no version. */
        @Override
        public String toString() {
            return version.isEmpty() ? id : id + "@" + version;
        }
    }

    /** A file named in the report with its SHA-256 (lower-case hex), so an auditor can check it. */
    public record FileDigest(String file, String sha256) {
        public FileDigest {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sha256, "sha256");
        }

        /** The file's name (without its folder) and the SHA-256 of its bytes. */
        public static FileDigest of(Path path) throws IOException {
            MessageDigest digest;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required by every Java platform", e);
            }
            try (InputStream in = Files.newInputStream(path)) {
                byte[] buffer = new byte[1 << 16];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
            }
            return new FileDigest(path.getFileName().toString(), HexFormat.of().formatHex(digest.digest()));
        }
    }

    /**
     * Metadata for results: energy basis and GWP set from the calculation options, inputs from the
     * inventory's files; without lineage.
     */
    public static ReportMeta of(String engineVersion, List<FactorSetRef> factorSets, List<FileDigest> factorSheets,
            Results results) {
        CalcOptions options = results.options();
        List<FileDigest> inputs = results.calculation().inventory().files().stream()
                .map(f -> new FileDigest(f.name(), f.sha256() == null ? "" : f.sha256()))
                .toList();
        return new ReportMeta(engineVersion, factorSets, factorSheets, options.energyBasis().id(), options.gwpSet().id(),
                inputs, false);
    }

    public ReportMeta withLineage(boolean include) {
        return new ReportMeta(engineVersion, factorSets, factorSheets, energyBasis, gwpSet, inputs, include, options,
                language);
    }

    /** The same metadata with the options that reproduce the figures. */
    public ReportMeta withOptions(List<String> commandLineOptions) {
        return new ReportMeta(engineVersion, factorSets, factorSheets, energyBasis, gwpSet, inputs, includeLineage,
                commandLineOptions, language);
    }

    /** The same metadata for readers of another language. */
    public ReportMeta withLanguage(Labels.Language lang) {
        return new ReportMeta(engineVersion, factorSets, factorSheets, energyBasis, gwpSet, inputs, includeLineage,
                options, lang);
    }

    /** The words of the report's language. */
    public Labels labels() {
        return Labels.of(language);
    }

    /** The ids of the sets joined with {@code +} ({@code cn+ipcc2006}), or {@code none}. */
    public String factorSetId() {
        return factorSets.isEmpty() ? NO_FACTOR_SET
                : factorSets.stream().map(FactorSetRef::id).collect(Collectors.joining("+"));
    }

    /** The versions of the sets joined with {@code +}, position by position with the ids; "" for none. */
    public String factorSetVersion() {
        return factorSets.stream().map(FactorSetRef::version).collect(Collectors.joining("+"));
    }

    /** For people: {@code cn@2026.1, ipcc2006@2026.1}, or {@code none}. */
    public String factorSetLabel() {
        return factorSets.isEmpty() ? NO_FACTOR_SET
                : factorSets.stream().map(FactorSetRef::toString).collect(Collectors.joining(", "));
    }
}
