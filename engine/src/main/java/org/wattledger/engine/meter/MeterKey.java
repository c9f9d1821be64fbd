package org.wattledger.engine.meter;

import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Reading;

/**
 * Identifies one meter's series: its site, its id and the carrier it measures. Meter ids are
 * unique within a site; the carrier is part of the key so that a site that numbers its electricity
 * and water meters independently (E1 and W1, or 1 and 1) is not told its meters overlap.
 */
public record MeterKey(String site, String meter, Carrier carrier) {

    public static MeterKey of(Reading r) {
        return new MeterKey(r.site(), r.meter(), r.carrier());
    }

    /** "S1/M1 (electricity)". */
    @Override
    public String toString() {
        return site + "/" + meter + " (" + carrier.id() + ")";
    }
}
