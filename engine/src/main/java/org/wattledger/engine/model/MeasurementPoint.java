package org.wattledger.engine.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an IT meter measures IT-equipment energy, which decides the PUE category of ISO/IEC
 * 30134-2:2016 (clause 6.2): at the UPS output (PUE1, basic), at the PDU output (PUE2,
 * intermediate) or at the IT equipment's input (PUE3, advanced). Declared in the order of the
 * categories, so that the lowest category of a site's IT meters is the smallest constant.
 */
public enum MeasurementPoint {
    UPS_OUTPUT("PUE1"),
    PDU_OUTPUT("PUE2"),
    IT_INPUT("PUE3");

    private static final Aliases<MeasurementPoint> ALIASES = new Aliases<MeasurementPoint>()
            .add(UPS_OUTPUT, "ups output", "ups", "UPS输出", "UPS输出端")
            .add(PDU_OUTPUT, "pdu output", "pdu", "PDU输出", "PDU输出端", "列头柜输出")
            .add(IT_INPUT, "it input", "it equipment input", "server input", "IT设备输入", "IT设备输入端", "服务器输入");

    private final String category;

    MeasurementPoint(String category) {
        this.category = category;
    }

    /** The name used in files and reports: ups_output, pdu_output, it_input. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The ISO/IEC 30134-2 category a PUE measured here supports: PUE1, PUE2 or PUE3. */
    public String category() {
        return category;
    }

    public static Optional<MeasurementPoint> parse(String text) {
        return ALIASES.find(text);
    }
}
