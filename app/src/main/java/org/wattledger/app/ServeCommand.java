package org.wattledger.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code serve}: the web application over a ledger. The work is in {@link Serve}, so that the web
 * server's classes (Javalin, Jetty) are loaded only when this command runs, never for the demo.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the web application (English and Chinese): sign in, upload and check meter sheets,"
                + " accept them into the ledger, dashboard, drill-down, downloads, and a JSON API for scripts.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--ledger", paramLabel = "URL", description = Ledgers.OPTION_HELP)
    String ledger;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "TCP port (default ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0 for every"
                    + " interface, behind an https proxy).")
    String bind;

    @Option(names = "--max-upload-mb", paramLabel = "MB", defaultValue = "200",
            description = "Largest upload accepted, all files together, in MB (default ${DEFAULT-VALUE}).")
    long maxUploadMb;

    @Option(names = "--work-folder", paramLabel = "DIR",
            description = "Where uploads wait until they are accepted or discarded (default: a new folder in the"
                    + " system's temporary folder, removed on exit).")
    Path workFolder;

    @Option(names = "--create-admin", paramLabel = "NAME",
            description = "Create the user NAME with role admin, print a one-time password (password: …) and exit.")
    String createAdmin;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port is 0 to 65535, not " + port);
        }
        if (maxUploadMb < 1) {
            throw new UsageException("--max-upload-mb is at least 1, not " + maxUploadMb);
        }
        return Serve.run(this);
    }
}
