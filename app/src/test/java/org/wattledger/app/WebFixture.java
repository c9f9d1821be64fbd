package org.wattledger.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wattledger.ledger.Ledger;
import org.wattledger.ledger.LedgerLocation;
import org.wattledger.web.Role;
import org.wattledger.web.Users;
import org.wattledger.web.WebServer;

/**
 * A real {@code serve} on a loopback port over an embedded ledger in a temporary folder, with the
 * app's own backend (the commands run in this JVM), and an HTTP client for it.
 */
final class WebFixture implements AutoCloseable {
    /** The password every test user is given (after their one-time password, as a person would). */
    static final String PASSWORD = "correct horse battery";

    final Path folder;
    final String ledger;
    final Users users;
    final WebServer server;
    final String base;

    WebFixture(Path folder, long maxUploadBytes) {
        this.folder = folder;
        this.ledger = folder.resolve("ledger").toString();
        LedgerLocation location;
        try (Ledger l = Ledgers.open(ledger)) {
            location = l.location();
        }
        users = Users.open(location);
        server = WebServer.start(new WebServer.Options(ledger, "127.0.0.1", 0, maxUploadBytes, folder.resolve("work")),
                Serve.backend(), users);
        base = "http://127.0.0.1:" + server.port();
    }

    /** A user with role {@code role} and {@link #PASSWORD} (the one-time password already replaced). */
    void user(String name, Role role) {
        users.create(name, role);
        users.setPassword(name, PASSWORD);
    }

    @Override
    public void close() {
        server.close();
        users.close();
    }

    // ---- HTTP ----

    /** A client that keeps cookies (a browser session) and does not follow redirects. */
    static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static HttpClient plain() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(HttpClient client, String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(client, b.build());
    }

    HttpResponse<byte[]> getBytes(HttpClient client, String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> postForm(HttpClient client, String path, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return send(client, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** A multipart POST of {@code files} (name → bytes) as the field "files", plus any headers. */
    HttpResponse<String> postFiles(HttpClient client, String path, Map<String, byte[]> files, String... headers) {
        String boundary = "----wattledger-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + f.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(client, b.build());
    }

    static String[] basic(String user, String password) {
        return new String[] {"Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8))};
    }

    /** Signs {@code client} in through the form, as a browser does; returns the session's CSRF token. */
    String signIn(HttpClient client, String name) {
        String csrf = csrf(get(client, "/login").body());
        HttpResponse<String> r = postForm(client, "/login", Map.of("_csrf", csrf, "name", name, "password", PASSWORD));
        if (r.statusCode() != 302) {
            throw new AssertionError("sign-in failed: " + r.statusCode() + " " + r.body());
        }
        return csrf(get(client, "/dashboard").body());
    }

    static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the page:\n" + page);
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- data ----

    /** The demo's CSV files (readings, sites, instruments, targets, denominators), name → bytes. */
    static Map<String, byte[]> demoFiles() {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        for (String n : List.of("readings.csv", "sites.csv", "instruments.csv", "targets.csv", "denominators.csv")) {
            files.put(n, demo(n));
        }
        return files;
    }

    static byte[] demo(String name) {
        try (var in = WebFixture.class.getResourceAsStream("/demo/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo files written to a folder, for the command line. */
    static Path demoFolder(Path parent) {
        try {
            Path dir = Files.createDirectories(parent.resolve("demo-input"));
            for (Map.Entry<String, byte[]> f : demoFiles().entrySet()) {
                Files.write(dir.resolve(f.getKey()), f.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
