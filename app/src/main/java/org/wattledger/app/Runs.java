package org.wattledger.app;

import java.io.PrintWriter;
import java.util.function.Supplier;
import org.wattledger.engine.model.Issue;
import org.wattledger.ledger.LedgerException;

/** Turns the pipeline's expected failures into messages and exit codes, in one place. */
final class Runs {
    private Runs() {
    }

    static int guard(PrintWriter err, Supplier<Integer> job) {
        try {
            return job.get();
        } catch (Pipeline.FactorSheetErrors e) {
            err.println("wattledger: " + e.getMessage() + ":");
            for (Issue issue : e.errors) {
                err.println("  " + issue);
            }
            err.flush();
            return ExitCode.INPUT_ERRORS;
        } catch (LedgerException.Usage e) {
            throw new UsageException(e.getMessage());
        } catch (LedgerException.Refused e) {
            err.println("wattledger: " + e.getMessage());
            err.flush();
            return ExitCode.INPUT_ERRORS;
        } catch (LedgerException e) {
            err.println("wattledger: " + e.getMessage());
            err.flush();
            return ExitCode.SOFTWARE;
        }
    }
}
