package org.wattledger.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wattledger.engine.calc.Line;
import org.wattledger.engine.calc.Lineage;

/**
 * How the xlsx Activity sheet and the HTML lineage word one calculated line: its main factor,
 * the other factors, and how its quantity was made. The engine's lineage is the data; this only
 * chooses what to show first.
 */
final class LineText {
    private LineText() {
    }

    /**
     * The factor behind the line's emissions: the first used for Scope 1 or location-based Scope 2,
     * else the first factor of the line (an energy coefficient); empty for water and other lines
     * without a factor.
     */
    static Optional<Lineage.FactorUse> mainFactor(Line line) {
        List<Lineage.FactorUse> uses = line.lineage().factors();
        return uses.stream().filter(u -> u.purpose().startsWith("scope1") || u.purpose().startsWith("scope2Location"))
                .findFirst().or(() -> uses.stream().findFirst());
    }

    /** The line's other factors as "purpose: id (set)", joined with "; ". */
    static String otherFactors(Line line) {
        Optional<Lineage.FactorUse> main = mainFactor(line);
        List<String> out = new ArrayList<>();
        for (Lineage.FactorUse u : line.lineage().factors()) {
            if (main.isEmpty() || u != main.get()) {
                out.add(u.purpose() + ": " + u.factor().id() + " (" + u.factor().set() + ")");
            }
        }
        return String.join("; ", out);
    }

    /** Register differences, estimates and prorations behind the quantity, joined with "; "; empty when read directly. */
    static String how(Line line) {
        List<String> out = new ArrayList<>(line.lineage().derivations());
        out.addAll(line.lineage().prorations());
        return String.join("; ", out);
    }
}
