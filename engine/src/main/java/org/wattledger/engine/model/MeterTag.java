package org.wattledger.engine.model;

/**
 * What the readings table says about a meter as a whole rather than about one reading: where an
 * IT meter measures ({@code measurement_point}) and the zone it serves ({@code zone}, for partial
 * PUE). An importer hands over one tag per distinct (site, meter, point, zone) it saw, with the
 * first row that gave it; tags of one meter that disagree are an error (the engine names the rows).
 *
 * @param point null when the rows give none
 * @param zone null when the rows give none
 */
public record MeterTag(String site, String meter, MeasurementPoint point, String zone, SourceRef source) {
}
