package org.wattledger.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** User values in messages: control characters made visible, long values shortened. */
final class UserTextTest {
    @Test
    void aTerminalEscapeSequenceIsShownNotObeyed() {
        // ESC [ 2 J (clear screen) then BEL: the two control characters are shown as backslash-u 001B and 0007.
        assertEquals("'\\u001B[2Jsite\\u0007'", UserText.quote("\u001b[2Jsite\u0007"));
        assertEquals("a\\u000Db\\u202Ec", UserText.escapeControls("a\rb\u202ec"));
        assertEquals("広東 \\ ok", UserText.escapeControls("広東 \\ ok"));
    }

    @Test
    void aLongValueIsCutAtTwoHundredCharactersWithItsLength() {
        // 40,000 × "x": the first 200 are shown, then the marker with the full length.
        String quoted = UserText.quote("x".repeat(40_000));
        assertEquals("'" + "x".repeat(200) + "… [truncated, 40000 characters]'", quoted);
        assertEquals("'" + "y".repeat(200) + "'", UserText.quote("y".repeat(200)));
    }
}
