package org.wattledger.factors;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.wattledger.engine.factor.Factor;

/**
 * One immutable release of a factor set: a folder {@code <set>/<version>/} of CSV factor sheets,
 * a {@code release.csv} with its metadata and a {@code manifest.csv} with each file's SHA-256 and
 * row count. A released version is never edited; a correction is a new version.
 *
 * @param countries ISO 3166-1 codes this set is the default for when no {@code --factors} is
 *     given ({@code CN}), or {@code *} for the fallback set that follows every country's set
 * @param basisNotes what each {@code basis} value in this release means
 * @param files the manifest, in its order
 * @param location {@code bundled}, or the folder an extra release was read from
 */
public record Release(String setId, String version, LocalDate released, String title, String description,
        String basisNotes, List<String> countries, List<Factor> factors, List<ReleaseFile> files, String location) {
    public Release {
        Objects.requireNonNull(setId);
        Objects.requireNonNull(version);
        countries = List.copyOf(countries);
        factors = factors instanceof LazyFactors ? factors : List.copyOf(factors);
        files = List.copyOf(files);
    }

    /** One file of a release as its manifest lists it. */
    public record ReleaseFile(String name, String sha256, int rows) {
    }

    /** "cn@2026.1": how layers, factors ({@link Factor#set()}) and reports name the release. */
    public String ref() {
        return ref(setId, version);
    }

    static String ref(String setId, String version) {
        return setId + "@" + version;
    }

    /** True for the set that follows every country's set (ipcc2006). */
    public boolean isFallback() {
        return countries.contains("*");
    }
}
