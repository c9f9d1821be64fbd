package org.wattledger.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@code --ledger}, {@code WATTLEDGER_LEDGER}, {@code PGUSER} and {@code PGPASSWORD} name a ledger. */
final class LedgerLocationTest {
    @Test
    void withNothingGivenTheLedgerIsTheFolderWattledgerLedgerHere() {
        LedgerLocation l = LedgerLocation.resolve(null, Map.of());
        assertEquals(LedgerLocation.Kind.H2, l.kind());
        assertEquals("wattledger-ledger", l.display());
        assertEquals("jdbc:h2:file:" + Path.of("wattledger-ledger").toAbsolutePath().resolve("ledger")
                + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=600000;LAZY_QUERY_EXECUTION=TRUE", l.jdbcUrl());
    }

    @Test
    void theEnvironmentVariableNamesTheLedgerAndTheOptionWins() {
        Map<String, String> env = Map.of("WATTLEDGER_LEDGER", "/srv/ledger");
        assertEquals("/srv/ledger", LedgerLocation.resolve(null, env).display());
        assertEquals("team-ledger", LedgerLocation.resolve("team-ledger", env).display());
    }

    @Test
    void postgresTakesUserAndPasswordFromTheUrlElseFromPgUserAndPgPassword() {
        Map<String, String> env = Map.of("PGUSER", "esg", "PGPASSWORD", "from-env");
        LedgerLocation plain = LedgerLocation.resolve("jdbc:postgresql://db:5432/wattledger", env);
        assertEquals(LedgerLocation.Kind.POSTGRESQL, plain.kind());
        assertEquals("esg", plain.user());
        assertEquals("from-env", plain.password());
        LedgerLocation inUrl = LedgerLocation.resolve("jdbc:postgresql://db:5432/wattledger?user=auditor&password=s3cret", env);
        assertNull(inUrl.user());
        assertNull(inUrl.password());
        assertEquals("jdbc:postgresql://db:5432/wattledger?user=auditor&password=***", inUrl.display());
    }

    @Test
    void anotherDatabaseIsAUsageError() {
        LedgerException e = assertThrows(LedgerException.Usage.class,
                () -> LedgerLocation.resolve("jdbc:mysql://db/w?password=x", Map.of()));
        assertEquals("--ledger jdbc:mysql://db/w?password=***: only jdbc:postgresql: and jdbc:h2: URLs, or a folder,"
                + " name a ledger", e.getMessage());
    }
}
