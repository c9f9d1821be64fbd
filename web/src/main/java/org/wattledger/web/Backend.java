package org.wattledger.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the web application asks of wattledger: it runs the very commands of the command line
 * ({@code report}, {@code import}, {@code history}) in this JVM, so that a page or an API call shows
 * exactly the figures and messages the command line gives for the same rows.
 */
public interface Backend {
    /** A command's exit code and what it printed. */
    record Run(int exitCode, byte[] stdout, String stderr) {
        public String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    /** Runs {@code wattledger ARGS...}. */
    Run run(List<String> args);

    /**
     * The calendar years that the ledger's active rows touch, oldest first (as of {@code asOf}, a
     * batch number or timestamp as {@code report --as-of} takes it; null for now).
     */
    List<Integer> years(String ledger, String asOf);

    /** How many targets the input files define (a lead's or an admin's to store), whether or not they can be evaluated. */
    int targets(List<java.nio.file.Path> inputs);
}
