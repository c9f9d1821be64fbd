package org.wattledger.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void englishAndChineseSayTheSameThings() {
        assertEquals(Texts.of("en").keys(), Texts.of("zh").keys());
    }

    @Test
    void aLanguageThatIsNotOffered() {
        assertEquals("Dashboard", Texts.of("fr").get("nav.dashboard"));
        assertEquals("仪表盘", Texts.of("zh").get("nav.dashboard"));
        assertEquals("A password has at least 10 characters.", Texts.of("en").format("password.tooShort", 10));
        assertThrows(IllegalArgumentException.class, () -> Texts.of("en").get("no.such.key"));
    }
}
