package org.wattledger.importers;

/** Hand-written sheet XML rows for the hostile and broken file tests. */
final class HostileFilesTestRows {
    private HostileFilesTestRows() {
    }

    /** Row 1: site, meter, carrier, to, quantity, unit (columns A-F). */
    static String header() {
        return "<row r=\"1\">" + text("A1", "site") + text("B1", "meter") + text("C1", "carrier") + text("D1", "to")
                + text("E1", "quantity") + text("F1", "unit") + "</row>";
    }

    static String text(String ref, String value) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + value + "</t></is></c>";
    }
}
