package org.wattledger.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The embedded ledger's retry when H2 hands the database over from one process to another. */
class H2HandoverTest {
    private static final LedgerLocation H2 = LedgerLocation.folder(Path.of("ledger-folder"));
    private static final LedgerLocation POSTGRESQL = LedgerLocation.resolve("jdbc:postgresql://localhost:5432/ledger",
            java.util.Map.of());

    /** H2's "Connection is broken: session closed", as the JDBC driver reports it, wrapped as the ledger wraps it. */
    private static RuntimeException broken() {
        return new LedgerException("cannot open the ledger", new SQLException("Connection is broken: \"session closed\"",
                "08006", 90067));
    }

    @Test
    void aBrokenHandOverIsRetriedUntilTheOperationSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        String result = H2Handover.retrying(H2, () -> {
            if (calls.incrementAndGet() < 3) {
                throw broken();
            }
            return "stored";
        });
        assertEquals("stored", result);
        assertEquals(3, calls.get()); // two broken hand-overs, then the third attempt
    }

    @Test
    void otherFailuresAndPostgresqlAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        RuntimeException refused = new LedgerException("these files are already stored as batch 1");
        assertSame(refused, assertThrows(LedgerException.class, () -> H2Handover.retrying(H2, () -> {
            calls.incrementAndGet();
            throw refused;
        })));
        assertEquals(1, calls.get());
        calls.set(0);
        assertThrows(LedgerException.class, () -> H2Handover.retrying(POSTGRESQL, () -> {
            calls.incrementAndGet();
            throw broken();
        }));
        assertEquals(1, calls.get());
    }

    @Test
    void aHandOverThatNeverEndsFailsAfterTheLastAttempt() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(LedgerException.class, () -> H2Handover.retrying(H2, () -> {
            calls.incrementAndGet();
            throw broken();
        }));
        assertEquals(8, calls.get());
    }

    @Test
    void theLockedFolderAndTheServersShutdownCountAndOthersDoNot() {
        assertTrue(H2Handover.handedOver(new RuntimeException(new SQLException("Locked by another process", "90020", 90020))));
        // what a process saw in CI when the process serving the folder exited during its import
        assertTrue(H2Handover.handedOver(new RuntimeException(new SQLException("Database is already closed", "90121",
                90121))));
        assertFalse(H2Handover.handedOver(new RuntimeException(new SQLException("Unique index violation", "23505", 23505))));
    }
}
