package org.wattledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import io.javalin.security.BasicAuthCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code wattledger serve}: the browser UI and the JSON API over one ledger, on Javalin (Jetty).
 * Pages are jte templates compiled at build time (HTML-escaped by default); every figure comes
 * from the command line's own {@code report}, run in this JVM through the {@link Backend}.
 */
public final class WebServer implements AutoCloseable {
    /** How the server is started: {@code ledger} is the --ledger value every command is given (a folder or a JDBC URL). */
    public record Options(String ledger, String bind, int port, long maxUploadBytes, Path workFolder) {
    }

    /** Ends a request with a status and a message for the user (an HTML page, or JSON under /api). */
    static final class Halt extends RuntimeException {
        final int status;

        Halt(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private static final String USER = "wattledger.user";
    private static final String SESSION = "wattledger.session";
    private static final Set<String> ENERGY_BASES = Set.of("calorific", "gbt2589");
    private static final Set<String> GRID_BASES = Set.of("", "ets_reporting");
    private static final Set<String> STATIC_FILES = Set.of("app.css", "upload.js");
    private static final Pattern AS_OF = Pattern.compile("[0-9]{1,18}|[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9:]+)?");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    /** What a file name may hold: no folder, nothing a shell or a page would read specially. */
    private static final Pattern FILE_NAME = Pattern.compile("[\\p{L}\\p{N} ._()\\-]{1,120}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Options options;
    private final Backend backend;
    private final Users users;
    private final Sessions sessions = new Sessions();
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Javalin app;

    private WebServer(Options options, Backend backend, Users users) {
        this.options = options;
        this.backend = backend;
        this.users = users;
        this.app = Javalin.create(config -> {
            config.jetty.host = options.bind();
            config.jetty.port = options.port();
            config.startup.showJavalinBanner = false;
            config.jetty.multipartConfig.maxFileSize(options.maxUploadBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(options.maxUploadBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.jetty.multipartConfig.cacheDirectory(options.workFolder().toString());
            config.http.maxRequestSize = 64 * 1024;
            config.routes.before(this::authenticate);
            config.routes.get("/static/{file}", this::staticFile);
            config.routes.get("/login", this::loginPage);
            config.routes.post("/login", this::login);
            config.routes.post("/logout", this::logout);
            config.routes.get("/password", ctx -> render(ctx, "password.jte", page(ctx, ""), Map.of("error", "")));
            config.routes.post("/password", this::changePassword);
            config.routes.post("/language", this::language);
            config.routes.get("/", ctx -> ctx.redirect("/dashboard"));
            config.routes.get("/dashboard", this::dashboard);
            config.routes.get("/drill", this::drill);
            config.routes.get("/upload", ctx -> render(ctx, "upload.jte", page(ctx, "upload"),
                    Map.of("maxBytes", options.maxUploadBytes())));
            config.routes.post("/upload", this::upload);
            config.routes.get("/upload/{id}", this::validation);
            config.routes.post("/upload/{id}/accept", this::accept);
            config.routes.post("/upload/{id}/discard", this::discard);
            config.routes.get("/history", this::history);
            config.routes.get("/download/{file}", this::download);
            config.routes.get("/users", this::usersPage);
            config.routes.post("/users", this::createUser);
            config.routes.post("/api/batches", this::apiUpload);
            config.routes.get("/api/batches", ctx -> ctx.contentType("application/json")
                    .result(command(List.of("history", "--format", "json")).stdout()));
            config.routes.get("/api/report", this::apiReport);
            config.routes.exception(Halt.class, (e, ctx) -> halt(ctx, e.status, e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                System.err.println("wattledger serve: internal error on " + ctx.method() + " " + ctx.path() + ": " + e);
                e.printStackTrace();
                halt(ctx, 500, "internal error: " + e.getClass().getSimpleName()
                        + " (the server's standard error has the details)");
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint")) {
                    halt(ctx, 404, "no such page: " + ctx.path());
                }
            });
        });
    }

    /** Starts the server; the caller closes it (the users' database pool too). */
    public static WebServer start(Options options, Backend backend, Users users) {
        try {
            Files.createDirectories(options.workFolder());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WebServer server = new WebServer(options, backend, users);
        server.app.start();
        return server;
    }

    /** The port it listens on (the one chosen by the system when 0 was asked). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        uploads.values().forEach(Upload::delete);
    }

    // ---- who is asking ----

    /**
     * Every request but the sign-in page and the style sheet needs a user: under /api from HTTP
     * Basic (else 401), elsewhere from the session cookie (else the sign-in page). A POST that
     * relies on the cookie must carry the session's CSRF token.
     */
    private void authenticate(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/static/")) {
            return;
        }
        checkUploadSize(ctx);
        boolean api = path.startsWith("/api/");
        BasicAuthCredentials basic = api && ctx.header("Authorization") != null ? basic(ctx) : null;
        if (basic != null) {
            Users.User u = users.check(basic.getUsername(), basic.getPassword())
                    .orElseThrow(() -> unauthorized(ctx, "the user name or password is wrong"));
            if (u.mustChangePassword()) {
                throw new Halt(403, "sign in once in the browser and replace the one-time password first");
            }
            ctx.attribute(USER, u);
            return;
        }
        Sessions.Session s = path.equals("/login") ? sessions.findOrStart(ctx) : sessions.find(ctx);
        if (s != null) {
            ctx.attribute(SESSION, s);
        }
        if (ctx.method() == HandlerType.POST && (s == null || !s.csrfMatches(csrfToken(ctx)))) {
            throw s == null && api ? unauthorized(ctx, "sign in: HTTP Basic with a user name and password")
                    : new Halt(403, "this form is out of date or was not sent by this site (its CSRF token does"
                            + " not match); reload the page and try again");
        }
        if (path.equals("/login")) {
            return;
        }
        Users.User u = s == null || s.user == null ? null : users.find(s.user).orElse(null);
        if (u == null) {
            if (api) {
                throw unauthorized(ctx, "sign in: HTTP Basic with a user name and password");
            }
            if (ctx.method() == HandlerType.GET) {
                ctx.redirect("/login");
                ctx.skipRemainingHandlers();
                return;
            }
            throw new Halt(401, "sign in first");
        }
        ctx.attribute(USER, u);
        if (u.mustChangePassword() && !path.equals("/password") && !path.equals("/logout")
                && !path.equals("/language")) {
            if (ctx.method() == HandlerType.GET) {
                ctx.redirect("/password");
                ctx.skipRemainingHandlers();
                return;
            }
            throw new Halt(403, "replace the one-time password first");
        }
    }

    private static BasicAuthCredentials basic(Context ctx) {
        try {
            return ctx.basicAuthCredentials();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Halt unauthorized(Context ctx, String message) {
        ctx.header("WWW-Authenticate", "Basic realm=\"wattledger\", charset=\"UTF-8\"");
        return new Halt(401, message);
    }

    /** The token from the form field {@code _csrf} or the header {@code X-CSRF-Token} (the upload page's XHR). */
    private static String csrfToken(Context ctx) {
        String header = ctx.header("X-CSRF-Token");
        if (header != null) {
            return header;
        }
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/"))
                ? ctx.formParam("_csrf") : null;
    }

    /** Refuses a body larger than the limit before reading it, with a message a person can act on. */
    private void checkUploadSize(Context ctx) {
        String length = ctx.header("Content-Length");
        if (ctx.method() != HandlerType.POST || length == null) {
            return;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            throw new Halt(400, "the request's Content-Length is not a number");
        }
        if (bytes > options.maxUploadBytes()) {
            ctx.header("Connection", "close");
            throw new Halt(413, "the upload is " + megabytes(bytes) + " MB; this server accepts at most "
                    + megabytes(options.maxUploadBytes()) + " MB per upload (serve --max-upload-mb)");
        }
    }

    private static String megabytes(long bytes) {
        return java.math.BigDecimal.valueOf(bytes).divide(java.math.BigDecimal.valueOf(1024 * 1024), 1,
                java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static Users.User user(Context ctx) {
        return ctx.attribute(USER);
    }

    private Page page(Context ctx, String tab) {
        Users.User u = user(ctx);
        Sessions.Session s = ctx.attribute(SESSION);
        String lang = u != null ? u.language() : "zh".equals(ctx.queryParam("lang")) ? "zh" : "en";
        return new Page(Texts.of(lang), u, s == null ? "" : s.csrf, tab);
    }

    // ---- sign-in ----

    private void loginPage(Context ctx) {
        render(ctx, "login.jte", page(ctx, ""), Map.of("error", ""));
    }

    private void login(Context ctx) {
        Optional<Users.User> u = users.check(ctx.formParam("name"), ctx.formParam("password"));
        if (u.isEmpty()) {
            ctx.status(401);
            render(ctx, "login.jte", page(ctx, ""), Map.of("error", page(ctx, "").t().get("login.wrong")));
            return;
        }
        sessions.start(ctx, u.get().name());
        ctx.redirect(u.get().mustChangePassword() ? "/password" : "/dashboard");
    }

    private void logout(Context ctx) {
        sessions.end(ctx);
        ctx.redirect("/login");
    }

    private void changePassword(Context ctx) {
        Users.User u = user(ctx);
        String current = ctx.formParam("current");
        String next = ctx.formParam("password");
        Texts t = page(ctx, "").t();
        String error = "";
        if (users.check(u.name(), current).isEmpty()) {
            error = t.get("password.wrongCurrent");
        } else if (next == null || next.length() < Users.MIN_PASSWORD_LENGTH) {
            error = t.format("password.tooShort", Users.MIN_PASSWORD_LENGTH);
        } else if (!next.equals(ctx.formParam("repeat"))) {
            error = t.get("password.mismatch");
        } else if (next.equals(current)) {
            error = t.get("password.same");
        }
        if (!error.isEmpty()) {
            ctx.status(400);
            render(ctx, "password.jte", page(ctx, ""), Map.of("error", error));
            return;
        }
        users.setPassword(u.name(), next);
        ctx.redirect("/dashboard");
    }

    private void language(Context ctx) {
        String lang = ctx.formParam("lang");
        if (lang == null || !Texts.LANGUAGES.contains(lang)) {
            throw new Halt(400, "the language is en or zh");
        }
        users.setLanguage(user(ctx).name(), lang);
        ctx.redirect(localPath(ctx.formParam("back")));
    }

    /** A path on this site to go back to: anything else (another site, //host) goes to the dashboard. */
    private static String localPath(String back) {
        return back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")
                && back.chars().noneMatch(c -> c < 0x20) ? back : "/dashboard";
    }

    // ---- users ----

    private void usersPage(Context ctx) {
        requireRole(ctx, user(ctx).role().mayManageUsers());
        render(ctx, "users.jte", page(ctx, "users"), Map.of("users", users.all(), "created", "", "password", "",
                "error", ""));
    }

    private void createUser(Context ctx) {
        requireRole(ctx, user(ctx).role().mayManageUsers());
        String name = ctx.formParam("name");
        String created = "";
        String password = "";
        String error = "";
        try {
            Role role = Role.parse(ctx.formParam("role"));
            password = users.create(name == null ? "" : name.strip(), role);
            created = name.strip();
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
            ctx.status(400);
        }
        render(ctx, "users.jte", page(ctx, "users"), Map.of("users", users.all(), "created", created,
                "password", password, "error", error));
    }

    private static void requireRole(Context ctx, boolean allowed) {
        if (!allowed) {
            throw new Halt(403, "your role (" + user(ctx).role().id() + ") may not do this");
        }
    }

    // ---- reports ----

    /** The report options the dashboard, the drill-down, the downloads and the API share. */
    public record Query(String period, String asOf, String energyBasis, String gridBasis) {
        public List<String> args() {
            List<String> a = new ArrayList<>();
            if (period != null) {
                a.add("--period");
                a.add(period);
            }
            if (asOf != null) {
                a.add("--as-of");
                a.add(asOf);
            }
            a.add("--energy-basis");
            a.add(energyBasis);
            if (!gridBasis.isEmpty()) {
                a.add("--grid-basis");
                a.add(gridBasis);
            }
            return a;
        }

        /** The query string that repeats these options (without the period). */
        public String options() {
            return (asOf == null ? "" : "&asOf=" + asOf) + "&energyBasis=" + energyBasis
                    + (gridBasis.isEmpty() ? "" : "&gridBasis=" + gridBasis);
        }
    }

    private static Query query(Context ctx, String period) {
        String asOf = blankToNull(ctx.queryParam("asOf"));
        if (asOf != null && !AS_OF.matcher(asOf).matches()) {
            throw new Halt(400, "asOf is a batch number or an ISO timestamp (2026-01-31T17:00:00Z), not '" + asOf + "'");
        }
        String energy = Optional.ofNullable(blankToNull(ctx.queryParam("energyBasis"))).orElse("calorific");
        if (!ENERGY_BASES.contains(energy)) {
            throw new Halt(400, "energyBasis is calorific or gbt2589, not '" + energy + "'");
        }
        String grid = Optional.ofNullable(ctx.queryParam("gridBasis")).orElse("").strip();
        if (!GRID_BASES.contains(grid)) {
            throw new Halt(400, "gridBasis is empty (the factor set's default) or ets_reporting, not '" + grid + "'");
        }
        return new Query(period, asOf, energy, grid);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** {@code report --ledger … --format json}: the JSON report bytes, or the command's message as an error. */
    private byte[] reportJson(Query q, boolean lineage) {
        List<String> args = new ArrayList<>(List.of("report", "--format", "json"));
        args.addAll(q.args());
        if (lineage) {
            args.add("--lineage");
        }
        return command(args).stdout();
    }

    private void dashboard(Context ctx) {
        Query base = query(ctx, null);
        List<Integer> all = backend.years(options.ledger(), base.asOf());
        int from = year(ctx, "from", all.isEmpty() ? 0 : all.get(0));
        int to = year(ctx, "to", all.isEmpty() ? 0 : all.get(all.size() - 1));
        List<Dashboard.Year> years = new ArrayList<>();
        for (int y : all) {
            if (y >= from && y <= to) {
                Query q = query(ctx, Integer.toString(y));
                years.add(new Dashboard.Year(y, Figures.parse(reportJson(q, false))));
            }
        }
        JsonNode history = Figures.parse(command(List.of("history", "--format", "json")).stdout());
        Map<String, Object> params = new HashMap<>();
        params.put("board", new Dashboard(years));
        params.put("allYears", all);
        params.put("from", from);
        params.put("to", to);
        params.put("query", base);
        params.put("batches", history);
        render(ctx, "dashboard.jte", page(ctx, "dashboard"), params);
    }

    private static int year(Context ctx, String name, int fallback) {
        String v = blankToNull(ctx.queryParam(name));
        if (v == null) {
            return fallback;
        }
        if (!YEAR.matcher(v).matches()) {
            throw new Halt(400, name + " is a year (2024), not '" + v + "'");
        }
        return Integer.parseInt(v);
    }

    /** From a total to the lines and rows behind it: the report's lineage for one metric of one period. */
    private void drill(Context ctx) {
        String period = blankToNull(ctx.queryParam("period"));
        String metric = blankToNull(ctx.queryParam("metric"));
        if (period == null || metric == null) {
            throw new Halt(400, "name a period and a metric");
        }
        Query q = query(ctx, period);
        JsonNode report = Figures.parse(reportJson(q, true));
        List<JsonNode> entries = new ArrayList<>();
        String site = blankToNull(ctx.queryParam("site"));
        for (JsonNode e : report.path("lineage")) {
            if (metric.equals(e.path("metric").asText()) && (site == null || site.equals(e.path("site").asText()))) {
                entries.add(e);
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        report.path("sites").forEach(s -> names.put(s.path("site").asText(), s.path("name").asText()));
        Map<String, Object> params = new HashMap<>();
        params.put("report", report);
        params.put("metric", metric);
        params.put("period", period);
        params.put("entries", entries);
        params.put("siteNames", names);
        params.put("query", q);
        render(ctx, "drill.jte", page(ctx, "dashboard"), params);
    }

    private void download(Context ctx) {
        String file = ctx.pathParam("file");
        Query q = query(ctx, blankToNull(ctx.queryParam("period")));
        Path tmp = tempFolder("download-");
        try {
            byte[] bytes;
            String type;
            switch (file) {
                case "report.json", "report.html", "report.csv", "report.txt" -> {
                    String format = file.substring("report.".length());
                    List<String> args = new ArrayList<>(List.of("report", "--format", format.equals("txt") ? "text" : format));
                    args.addAll(q.args());
                    bytes = command(args).stdout();
                    type = switch (format) {
                        case "json" -> "application/json";
                        case "html" -> "text/html; charset=utf-8";
                        case "csv" -> "text/csv; charset=utf-8";
                        default -> "text/plain; charset=utf-8";
                    };
                }
                case "report.xlsx" -> {
                    List<String> args = new ArrayList<>(List.of("report", "--format", "xlsx", "--out", tmp.toString()));
                    args.addAll(q.args());
                    command(args);
                    bytes = Files.readAllBytes(tmp.resolve("report.xlsx"));
                    type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                }
                case "bundle.zip" -> {
                    requireRole(ctx, user(ctx).role().mayDownloadBundles());
                    Path zip = tmp.resolve("bundle.zip");
                    List<String> args = new ArrayList<>(List.of("report", "--format", "json", "--bundle", zip.toString()));
                    args.addAll(q.args());
                    command(args);
                    bytes = Files.readAllBytes(zip);
                    type = "application/zip";
                }
                default -> throw new Halt(404, "no such download: " + file);
            }
            ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
            ctx.contentType(type).result(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            new Upload("", "", Instant.now(), tmp, List.of(), null, null, 0).delete();
        }
    }

    /**
     * Runs a command on this server's ledger. Exit 0, and exit 3 (the report is written and says
     * it is incomplete), are results; anything else is the command's own message.
     */
    private Backend.Run command(List<String> args) {
        List<String> full = new ArrayList<>(args);
        full.add("--ledger");
        full.add(options.ledger());
        Backend.Run run = backend.run(full);
        if (run.exitCode() != 0 && run.exitCode() != 3) {
            throw new Halt(run.exitCode() == 2 ? 400 : 500, message(run));
        }
        return run;
    }

    /** The command's error lines, without the "wattledger: " prefix. */
    private static String message(Backend.Run run) {
        String text = run.stderr().strip();
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("batch ") || line.startsWith("wrote ") || line.isBlank()) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : "\n").append(line.startsWith("wattledger: ")
                    ? line.substring("wattledger: ".length()) : line);
        }
        return sb.length() == 0 ? "the command failed (exit " + run.exitCode() + ")" : sb.toString();
    }

    // ---- upload, validate, accept ----

    /** Saves the files and checks them: nothing is stored in the ledger yet. */
    private Upload receive(Context ctx) {
        List<UploadedFile> files;
        try {
            files = ctx.uploadedFiles();
        } catch (RuntimeException e) {
            throw tooLargeOr(e);
        }
        if (files.isEmpty()) {
            throw new Halt(400, "choose at least one file (.xlsx, .xls or .csv)");
        }
        String id = newId();
        Path folder = options.workFolder().resolve("upload-" + id);
        List<String> names = new ArrayList<>();
        try {
            Files.createDirectories(folder.resolve(Upload.CSV_FOLDER));
            for (UploadedFile f : files) {
                String name = Path.of(f.filename().replace('\\', '/')).getFileName().toString().strip();
                if (!FILE_NAME.matcher(name).matches() || name.startsWith(".")) {
                    throw new Halt(400, "the file name '" + name + "' is not accepted: use letters, digits, spaces,"
                            + " '.', '_', '-' and brackets");
                }
                if (names.contains(name)) {
                    throw new Halt(400, "two files are named " + name);
                }
                names.add(name);
                try (InputStream in = f.content()) {
                    Files.copy(in, Upload.target(folder, name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            new Upload(id, "", Instant.now(), folder, names, null, null, 0).delete();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            new Upload(id, "", Instant.now(), folder, names, null, null, 0).delete();
            throw e;
        }
        Upload pending = new Upload(id, user(ctx).name(), Instant.now(), folder, names, null, null, 0);
        List<String> args = new ArrayList<>(List.of("report"));
        pending.inputs().forEach(p -> args.add(p.toString()));
        args.addAll(List.of("--format", "json"));
        Backend.Run run = backend.run(args);
        JsonNode report = run.stdout().length > 0 ? Figures.parse(run.stdout()) : null;
        String failure = report == null ? message(run) : null;
        if (report != null && report.path("factorSet").path("sheets").size() > 0) {
            failure = "the files hold a factor table (a factors sheet or factors.csv); the ledger stores meter data"
                    + " only: upload the files without it";
        }
        int targets = failure == null ? backend.targets(pending.inputs()) : 0;
        Upload checked = new Upload(id, pending.user(), pending.at(), folder, names, report, failure, targets);
        uploads.put(id, checked);
        return checked;
    }

    /** Jetty's multipart parser refuses a part over the limit when no Content-Length said so beforehand. */
    private RuntimeException tooLargeOr(RuntimeException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("exceeds") || m.contains("too large") || m.contains("max")) {
                return new Halt(413, "the upload is larger than this server accepts ("
                        + megabytes(options.maxUploadBytes()) + " MB per upload; serve --max-upload-mb)");
            }
        }
        return new Halt(400, "the upload could not be read: " + e.getMessage());
    }

    private void upload(Context ctx) {
        requireRole(ctx, user(ctx).role().mayUpload());
        Upload u = receive(ctx);
        String next = "/upload/" + u.id();
        if ("XMLHttpRequest".equals(ctx.header("X-Requested-With"))) {
            ctx.json(Map.of("next", next));
        } else {
            ctx.redirect(next);
        }
    }

    private Upload pending(Context ctx) {
        Upload u = uploads.get(ctx.pathParam("id"));
        if (u == null || !u.user().equals(user(ctx).name())) {
            throw new Halt(404, "no such upload (it was accepted or discarded already, or the server restarted)");
        }
        return u;
    }

    private void validation(Context ctx) {
        Upload u = pending(ctx);
        render(ctx, "validation.jte", page(ctx, "upload"), Map.of("upload", u,
                "targetsRefused", u.hasTargets() && !user(ctx).role().maySetTargets()));
    }

    private void accept(Context ctx) {
        requireRole(ctx, user(ctx).role().mayUpload());
        Upload u = uploads.remove(pending(ctx).id());
        try {
            long batch = store(u, user(ctx), blankToNull(ctx.formParam("note")));
            ctx.redirect("/history?batch=" + batch);
        } finally {
            u.delete();
        }
    }

    private void discard(Context ctx) {
        Upload u = uploads.remove(pending(ctx).id());
        u.delete();
        ctx.redirect("/upload");
    }

    /** {@code import FILES --user NAME [--note TEXT]}: the batch number. */
    private long store(Upload u, Users.User who, String note) {
        if (u.failure() != null) {
            throw new Halt(422, u.failure());
        }
        if (!u.acceptable()) {
            throw new Halt(422, "no row of these files was accepted, so there is nothing to store");
        }
        if (u.hasTargets() && !who.role().maySetTargets()) {
            throw new Halt(403, "the files hold targets, which only a lead or an admin may store");
        }
        List<String> args = new ArrayList<>(List.of("import"));
        u.inputs().forEach(p -> args.add(p.toString()));
        args.addAll(List.of("--user", who.name()));
        if (note != null) {
            args.addAll(List.of("--note", note));
        }
        Backend.Run run = command(args);
        String out = run.out();
        if (!out.startsWith("batch ")) {
            throw new Halt(422, message(run));
        }
        return Long.parseLong(out.substring("batch ".length(), out.indexOf(':')));
    }

    private void history(Context ctx) {
        JsonNode history = Figures.parse(command(List.of("history", "--format", "json")).stdout());
        List<JsonNode> batches = new ArrayList<>();
        history.forEach(batches::add);
        java.util.Collections.reverse(batches); // newest first
        String highlight = Optional.ofNullable(ctx.queryParam("batch")).orElse("");
        render(ctx, "history.jte", page(ctx, "history"), Map.of("batches", batches, "highlight", highlight));
    }

    // ---- API ----

    /**
     * {@code POST /api/batches}: the files are checked and, when at least one row is accepted,
     * stored as one batch. 201 with the batch, the rows tally and the issues; 422 with the issues
     * when nothing could be stored.
     */
    private void apiUpload(Context ctx) {
        requireRole(ctx, user(ctx).role().mayUpload());
        Upload u = receive(ctx);
        uploads.remove(u.id());
        try {
            ObjectNode body = JSON.createObjectNode();
            int status;
            if (u.failure() != null || !u.acceptable()) {
                status = 422;
                body.put("error", u.failure() != null ? u.failure() : "no row was accepted; nothing was stored");
            } else {
                long batch = store(u, user(ctx), blankToNull(ctx.formParam("note")));
                status = 201;
                for (JsonNode b : Figures.parse(command(List.of("history", "--format", "json")).stdout())) {
                    if (b.path("batch").asLong() == batch) {
                        body.set("batch", b);
                    }
                }
            }
            ObjectNode rows = body.putObject("rows");
            rows.put("read", u.read());
            rows.put("accepted", u.accepted());
            rows.put("rejected", u.rejected());
            ArrayNode issues = body.putArray("issues");
            u.issues().forEach(issues::add);
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            u.delete();
        }
    }

    /** {@code GET /api/report?period=…[&asOf=…]}: exactly {@code report --ledger … --format json}'s bytes. */
    private void apiReport(Context ctx) {
        Query q = query(ctx, blankToNull(ctx.queryParam("period")));
        boolean lineage = "true".equals(ctx.queryParam("lineage"));
        ctx.contentType("application/json").result(reportJson(q, lineage));
    }

    // ---- pages ----

    private void render(Context ctx, String template, Page page, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("page", page);
        StringOutput out = new StringOutput();
        templates.render(template, all, out);
        securityHeaders(ctx);
        ctx.html(out.toString());
    }

    /** No framing by other sites, no sniffing, scripts and styles from this site only. */
    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self';"
                + " script-src 'self'; frame-ancestors 'none'; form-action 'self'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
    }

    private void halt(Context ctx, int status, String message) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            try {
                ctx.contentType("application/json").result(JSON.writeValueAsBytes(Map.of("error", message)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        if ("XMLHttpRequest".equals(ctx.header("X-Requested-With"))) {
            ctx.contentType("text/plain; charset=utf-8").result(message);
            return;
        }
        Map<String, Object> all = new HashMap<>();
        all.put("page", page(ctx, ""));
        all.put("status", status);
        all.put("message", message);
        StringOutput out = new StringOutput();
        templates.render("error.jte", all, out);
        securityHeaders(ctx);
        ctx.html(out.toString());
    }

    private void staticFile(Context ctx) {
        String file = ctx.pathParam("file");
        if (!STATIC_FILES.contains(file)) {
            throw new Halt(404, "no such file");
        }
        try (InputStream in = WebServer.class.getResourceAsStream("/web/" + file)) {
            ctx.contentType(file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8")
                    .header("Cache-Control", "max-age=3600").result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path tempFolder(String prefix) {
        try {
            return Files.createTempDirectory(options.workFolder(), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String newId() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
