package org.wattledger.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.web.Figures;
import org.wattledger.web.Role;

/** The JSON API and the security of the web application, over real HTTP on a loopback port. */
class WebApiTest {
    /** 1 MB: small enough that a test can send more. */
    private static final long LIMIT = 1024 * 1024;

    @TempDir
    static Path dir;
    static WebFixture web;

    @BeforeAll
    static void start() {
        web = new WebFixture(dir, LIMIT);
        web.user("ada", Role.ADMIN);
        web.user("eng", Role.ENGINEER);
        web.user("aud", Role.AUDITOR);
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** One electricity reading of {@code kwh} kWh in January 2024 at {@code site}. */
    private static byte[] reading(String site, String kwh) {
        return utf8("site,meter,carrier,from,to,quantity,unit\n" + site + ",M1,electricity,2024-01-01,2024-01-31,"
                + kwh + ",kWh\n");
    }

    @Test
    void theApiAnswers401WithoutCredentials() {
        HttpClient c = WebFixture.plain();
        for (String path : List.of("/api/batches", "/api/report?period=2024")) {
            HttpResponse<String> r = web.get(c, path);
            assertEquals(401, r.statusCode(), path);
            assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), path);
        }
        assertEquals(401, web.postFiles(c, "/api/batches", Map.of("readings.csv", reading("S", "1"))).statusCode());
        HttpResponse<String> wrong = web.get(c, "/api/batches", WebFixture.basic("ada", "not the password"));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("the user name or password is wrong"), wrong.body());
    }

    @Test
    void noPageWithoutSignIn() {
        HttpClient c = WebFixture.plain();
        for (String path : List.of("/", "/dashboard", "/history", "/upload", "/users", "/drill?period=2024&metric=scope1",
                "/download/report.json?period=2024", "/download/bundle.zip", "/upload/abc")) {
            HttpResponse<String> r = web.get(c, path);
            assertEquals(302, r.statusCode(), path);
            assertEquals("/login", r.headers().firstValue("Location").orElse(""), path);
        }
        // A form sent without a session is refused before anything is read.
        HttpResponse<String> post = web.postFiles(c, "/upload", Map.of("readings.csv", reading("S", "1")));
        assertEquals(403, post.statusCode());
        assertEquals(200, web.get(c, "/login").statusCode());
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteStrictAndSecureBehindHttps() {
        HttpClient c = WebFixture.plain();
        String plain = web.get(c, "/login").headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(plain.contains("HttpOnly") && plain.contains("SameSite=Strict"), plain);
        assertFalse(plain.contains("Secure"), plain);
        String proxied = web.get(c, "/login", "X-Forwarded-Proto", "https").headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(proxied.contains("; Secure"), proxied);
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenIsRefused() {
        HttpClient c = WebFixture.browser();
        String csrf = web.signIn(c, "ada");
        HttpResponse<String> none = web.postForm(c, "/language", Map.of("lang", "zh"));
        assertEquals(403, none.statusCode());
        assertTrue(none.body().contains("CSRF"), none.body());
        assertEquals(403, web.postForm(c, "/language", Map.of("lang", "zh", "_csrf", csrf + "x")).statusCode());
        assertEquals(403, web.postFiles(c, "/upload", Map.of("readings.csv", reading("S", "1"))).statusCode());
        assertEquals(403, web.postFiles(c, "/upload", Map.of("readings.csv", reading("S", "1")),
                "X-CSRF-Token", "forged").statusCode());
        assertEquals("en", web.users.find("ada").orElseThrow().language(), "a refused form changes nothing");
        HttpResponse<String> ok = web.postForm(c, "/language", Map.of("lang", "en", "_csrf", csrf, "back", "/history"));
        assertEquals(302, ok.statusCode());
        assertEquals("/history", ok.headers().firstValue("Location").orElse(""));
        // Going back never leaves the site.
        HttpResponse<String> away = web.postForm(c, "/language", Map.of("lang", "en", "_csrf", csrf, "back", "//evil.example/"));
        assertEquals("/dashboard", away.headers().firstValue("Location").orElse(""));
    }

    @Test
    void anOversizedUploadIsRefusedCleanly() {
        byte[] big = new byte[(int) LIMIT + 1];
        java.util.Arrays.fill(big, (byte) 'x');
        HttpResponse<String> api = web.postFiles(WebFixture.plain(), "/api/batches", Map.of("readings.csv", big),
                WebFixture.basic("eng", WebFixture.PASSWORD));
        assertEquals(413, api.statusCode());
        assertTrue(api.body().contains("this server accepts at most 1.0 MB per upload"), api.body());
        HttpClient c = WebFixture.browser();
        String csrf = web.signIn(c, "eng");
        HttpResponse<String> page = web.postFiles(c, "/upload", Map.of("readings.csv", big), "X-CSRF-Token", csrf);
        assertEquals(413, page.statusCode());
        assertTrue(page.body().contains("at most 1.0 MB"), page.body());
        assertFalse(page.body().contains("Exception"), page.body());
    }

    @Test
    void aHostileFileGetsTheImportersClearErrorAndNothingIsStored() {
        byte[] notAWorkbook = utf8("PK\u0003\u0004 this is not a zip file at all");
        HttpResponse<String> r = web.postFiles(WebFixture.plain(), "/api/batches", Map.of("meters.xlsx", notAWorkbook),
                WebFixture.basic("eng", WebFixture.PASSWORD));
        assertEquals(422, r.statusCode(), r.body());
        JsonNode body = Figures.parse(utf8(r.body()));
        assertEquals(0, body.path("rows").path("accepted").asInt());
        boolean named = false;
        for (JsonNode i : body.path("issues")) {
            named |= "error".equals(i.path("severity").asText()) && "meters.xlsx".equals(i.path("file").asText());
        }
        assertTrue(named, "an error names the file: " + r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
        assertFalse(body.has("batch"));
    }

    @Test
    void rolesLimitWhatAUserMayDo() {
        HttpResponse<String> auditorUpload = web.postFiles(WebFixture.plain(), "/api/batches",
                Map.of("readings.csv", reading("S", "1")), WebFixture.basic("aud", WebFixture.PASSWORD));
        assertEquals(403, auditorUpload.statusCode());
        assertTrue(auditorUpload.body().contains("auditor"), auditorUpload.body());
        HttpClient eng = WebFixture.browser();
        web.signIn(eng, "eng");
        assertEquals(403, web.get(eng, "/download/bundle.zip?period=2024").statusCode());
        assertEquals(403, web.get(eng, "/users").statusCode());
        // Targets are a lead's: an engineer's upload holding them is refused, and nothing is stored.
        Map<String, byte[]> withTargets = new LinkedHashMap<>();
        withTargets.put("readings.csv", reading("T-SITE", "5"));
        withTargets.put("targets.csv", utf8("id,metric,boundary,base_year,base_value,target_year,target_value,"
                + "reduction_pct,path\nT9,scope1_2,*,2024,,2030,,50,linear\n"));
        HttpResponse<String> r = web.postFiles(WebFixture.plain(), "/api/batches", withTargets,
                WebFixture.basic("eng", WebFixture.PASSWORD));
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("only a lead or an admin"), r.body());
    }

    @Test
    void aOneTimePasswordWorksOnlyInTheBrowserUntilReplaced() {
        String once = web.users.create("newbie", Role.ENGINEER);
        HttpResponse<String> api = web.get(WebFixture.plain(), "/api/batches", WebFixture.basic("newbie", once));
        assertEquals(403, api.statusCode());
        HttpClient c = WebFixture.browser();
        String csrf = WebFixture.csrf(web.get(c, "/login").body());
        HttpResponse<String> r = web.postForm(c, "/login", Map.of("_csrf", csrf, "name", "newbie", "password", once));
        assertEquals("/password", r.headers().firstValue("Location").orElse(""));
        assertEquals("/password", web.get(c, "/dashboard").headers().firstValue("Location").orElse(""));
    }

    @Test
    void createAdminPrintsAOneTimePasswordThatSignsIn(@TempDir Path other) {
        String ledger = other.resolve("ledger").toString();
        Cli.Run run = Cli.run("serve", "--ledger", ledger, "--create-admin", "root");
        assertEquals(0, run.exitCode(), run.stderr());
        String line = run.stdout().lines().filter(l -> l.startsWith("password: ")).findFirst().orElseThrow();
        String password = line.substring("password: ".length());
        assertEquals(24, password.length(), "18 random bytes in URL-safe Base64");
        try (var users = org.wattledger.web.Users.open(Ledgers.open(ledger).location())) {
            var root = users.check("root", password).orElseThrow();
            assertEquals(Role.ADMIN, root.role());
            assertTrue(root.mustChangePassword());
        }
        Cli.Run again = Cli.run("serve", "--ledger", ledger, "--create-admin", "root");
        assertEquals(2, again.exitCode());
        assertTrue(again.stderr().contains("the user root exists already"), again.stderr());
    }

    /**
     * A site named {@code <script>…</script>} is shown as text on every page that names it: the
     * validation result, the dashboard, the drill-down.
     */
    @Test
    void aSiteNamedLikeAScriptIsEscapedEverywhere() {
        String evil = "<script>alert('x')</script>";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("readings.csv", reading("EVIL-1", "7"));
        files.put("sites.csv", utf8("site,name,region,kind,floor_area,it_capacity\nEVIL-1,\"" + evil
                + "\",CN-BJ,office,100,\n"));
        HttpClient c = WebFixture.browser();
        String csrf = web.signIn(c, "ada");
        HttpResponse<String> up = web.postFiles(c, "/upload", files, "X-CSRF-Token", csrf, "X-Requested-With",
                "XMLHttpRequest");
        assertEquals(200, up.statusCode(), up.body());
        String next = Figures.parse(utf8(up.body())).path("next").asText();
        List<String> pages = new ArrayList<>();
        pages.add(web.get(c, next).body());
        HttpResponse<String> accepted = web.postForm(c, next + "/accept", Map.of("_csrf", csrf, "note", evil));
        assertEquals(302, accepted.statusCode(), accepted.body());
        pages.add(web.get(c, accepted.headers().firstValue("Location").orElseThrow()).body()); // history, with the note
        pages.add(web.get(c, "/dashboard").body());
        pages.add(web.get(c, "/drill?period=2024&metric=energy&site=EVIL-1").body());
        for (String page : pages.subList(1, pages.size())) {
            assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                    || page.contains("&lt;script&gt;alert('x')&lt;/script&gt;"), page);
        }
        for (String page : pages) {
            assertFalse(page.contains(evil), page);
        }
    }

    /**
     * Two uploads at the same moment both land, each as its own batch, and the total is exact:
     * 1,000 kWh + 2,500 kWh = 3,500 kWh = 3.5 MWh of energy in 2024 (both sites new to the ledger,
     * so the 7 kWh of EVIL-1 from another test is added only if it ran first: the sites are counted).
     */
    @Test
    void twoUploadsAtTheSameMomentBothLand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        for (String[] r : List.of(new String[] {"CONC-A", "1000"}, new String[] {"CONC-B", "2500"})) {
            results.add(pool.submit(() -> {
                go.await();
                return web.postFiles(WebFixture.plain(), "/api/batches", Map.of("readings.csv", reading(r[0], r[1])),
                        WebFixture.basic("eng", WebFixture.PASSWORD));
            }));
        }
        go.countDown();
        List<Long> batches = new ArrayList<>();
        for (Future<HttpResponse<String>> f : results) {
            HttpResponse<String> r = f.get();
            assertEquals(201, r.statusCode(), r.body());
            JsonNode body = Figures.parse(utf8(r.body()));
            assertEquals(1, body.path("rows").path("accepted").asInt());
            assertEquals("eng", body.path("batch").path("user").asText());
            batches.add(body.path("batch").path("batch").asLong());
        }
        pool.shutdown();
        assertNotEquals(batches.get(0), batches.get(1));
        JsonNode report = Figures.parse(web.getBytes(WebFixture.plain(), "/api/report?period=2024",
                WebFixture.basic("aud", WebFixture.PASSWORD)).body());
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (JsonNode s : report.path("sites")) {
            if (s.path("site").asText().startsWith("CONC-")) {
                sum = sum.add(Figures.value(s.path("energy")));
            }
        }
        assertEquals(0, new java.math.BigDecimal("3.5").compareTo(sum), sum.toPlainString());
    }

    /** {@code GET /api/report} gives exactly the bytes of {@code report --ledger … --format json}. */
    @Test
    void theApiReportIsTheCommandLinesReport() {
        HttpResponse<String> up = web.postFiles(WebFixture.plain(), "/api/batches", WebFixture.demoFiles(),
                WebFixture.basic("ada", WebFixture.PASSWORD));
        assertEquals(201, up.statusCode(), up.body());
        JsonNode body = Figures.parse(utf8(up.body()));
        long batch = body.path("batch").path("batch").asLong();
        for (String period : List.of("2023", "2024")) {
            byte[] api = web.getBytes(WebFixture.plain(), "/api/report?period=" + period + "&asOf=" + batch,
                    WebFixture.basic("aud", WebFixture.PASSWORD)).body();
            Cli.Run cli = Cli.run("report", "--ledger", web.ledger, "--period", period, "--as-of", Long.toString(batch),
                    "--format", "json");
            assertArrayEquals(cli.stdout().getBytes(StandardCharsets.UTF_8), api, period);
        }
        HttpResponse<String> history = web.get(WebFixture.plain(), "/api/batches", WebFixture.basic("aud", WebFixture.PASSWORD));
        assertEquals(200, history.statusCode());
        assertEquals(Cli.run("history", "--ledger", web.ledger, "--format", "json").stdout(), history.body());
        HttpResponse<String> bad = web.get(WebFixture.plain(), "/api/report?period=2024-13",
                WebFixture.basic("aud", WebFixture.PASSWORD));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("--period"), bad.body());
    }
}
