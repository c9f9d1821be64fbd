package org.wattledger.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.calc.Results;

final class HtmlReportTest {
    private static String html(Results results) {
        return HtmlReport.render(results, Fixtures.meta(results));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    @Test
    void containsEverySectionInOrder() {
        String html = html(Fixtures.small());
        int last = -1;
        for (String id : List.of("status", "summary", "intensities", "sites", "lineage", "coverage", "targets", "charts", "issues", "factors",
                "reproduce")) {
            int at = html.indexOf("id=\"" + id + "\"");
            assertTrue(at > last, id + " after the previous section");
            last = at;
        }
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"));
        assertTrue(html.contains("Reporting period 2024-01-01 to 2024-12-31"));
        assertTrue(html.endsWith("</html>\n"));
    }

    @Test
    void embedsFourChartsAsPngDataUrisAndLoadsNothingFromOutside() throws IOException {
        String html = html(Fixtures.small());
        Matcher img = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\" width=\"(\\d+)\" "
                + "height=\"(\\d+)\"").matcher(html);
        int images = 0;
        while (img.find()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(img.group(1))));
            assertEquals(Integer.parseInt(img.group(2)), image.getWidth());
            assertEquals(Integer.parseInt(img.group(3)), image.getHeight());
            images++;
        }
        assertEquals(4, images);
        for (String external : List.of("src=\"http", "href=\"http", "<link", "<script", "url(", "@import")) {
            assertFalse(html.contains(external), external);
        }
        assertEquals(1, count(html, "<style>"), "CSS is inline");
    }

    @Test
    void showsEachMetersCoverageAndTheTimeItLeavesUncovered() {
        // OFF3/E reads January and February 2024 only: 31 + 29 = 60 of 366 days, 2024-03-01..2024-12-31 uncovered.
        String html = html(Fixtures.uncovered());
        assertTrue(html.contains("<tr><td>OFF3/E (electricity)</td><td class=\"num\">366</td><td class=\"num\">366</td>"
                + "<td class=\"num\">60.00</td><td><span class=\"no\">2024-03-01..2024-12-31</span></td></tr>"), html);
    }

    @Test
    void escapesMarkupThatComesFromTheInput() {
        String html = html(Fixtures.small());
        assertTrue(html.contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Head Office</td>"));
        assertFalse(html.contains("<script"), "the site name must not become a script element");
        assertTrue(html.contains("&#39;n/a&#39; is not a number (expected a quantity in kWh)"));
    }

    @Test
    void showsAnIncompleteBannerWithTheErrorCount() {
        String html = html(Fixtures.small());
        assertTrue(html.contains("<div class=\"banner bad\" id=\"status\"><strong>Incomplete: 1 error.</strong>"), html);
    }

    @Test
    void showsACompleteBannerWhenNothingIsWrong() {
        String html = html(Fixtures.officeOnly());
        assertTrue(html.contains("<div class=\"banner ok\" id=\"status\"><strong>Complete.</strong>"));
        assertTrue(html.contains("No targets in the input."));
    }

    @Test
    void roundsForDisplayOnlyWithFixedDecimalsAndThousandsSeparators() {
        String small = html(Fixtures.small());
        assertTrue(small.contains("<td>Scope 1</td><td class=\"num\">0.20</td><td>t CO2e</td>"), "0.2028 t shown as 0.20");
        assertTrue(small.contains("<td>Scope 2, location-based</td><td class=\"num\">1.35</td><td>t CO2e</td>"
                + "<td class=\"num\">18.52 %</td>"), "estimated share beside the total");
        assertTrue(small.contains("<td>Energy as standard coal</td><td class=\"num\">—</td>"), "not applicable, not 0");
        assertTrue(small.contains("<td class=\"num\">1.100</td><td class=\"num\">2.500</td><td class=\"num\">0.550</td>"),
                "PUE, WUE and CUE with three decimals");
        assertTrue(small.contains("<td>scope1_2_per_headcount</td><td class=\"num\">0.1553</td>"));
        String rich = html(Fixtures.rich());
        assertTrue(rich.matches("(?s).*<td class=\"num\">\\d{1,3},\\d{3}\\.\\d{2}</td>.*"), "thousands separators");
    }

    @Test
    void showsTargetsWithProgressAndTrackMarks() {
        String html = html(Fixtures.small());
        assertTrue(html.contains("<td class=\"num\">44.7 %</td><td><span class=\"no\">✗ off track</span>"), html);
        assertTrue(html.contains("<span class=\"yes\">✓ on track</span>"));
    }

    @Test
    void listsIssuesErrorsFirstAndFactorsWithTheirCitations() {
        String html = html(Fixtures.small());
        String issues = html.substring(html.indexOf("id=\"issues\""), html.indexOf("id=\"factors\""));
        assertTrue(issues.contains("1 error, 0 warnings, 7 notices."), issues);
        assertTrue(issues.indexOf("sev error") < issues.indexOf("sev info"), "errors first");
        assertTrue(issues.contains("<td>meters.xlsx</td><td>readings</td><td class=\"num\">14</td><td>F</td>"));
        String factors = html.substring(html.indexOf("id=\"factors\""), html.indexOf("id=\"reproduce\""));
        assertTrue(factors.contains("<code>test.grid.cn</code>"));
        assertTrue(factors.contains("<td class=\"num\">0.5</td><td>t/MWh</td><td>CN</td><td>from 2020-01-01</td>"
                + "<td>Test grid factor, table 1</td>"), factors);
        assertTrue(factors.contains("IPCC AR5 WG1, Table 8.7"));
    }

    @Test
    void namesFactorSheetsAndInputsWithSha256AndTellsHowToReproduce() {
        String html = html(Fixtures.small());
        assertTrue(html.contains("own-factors.csv <span class=\"muted\">SHA-256</span> <code>" + "ef".repeat(32)));
        assertTrue(html.contains("sha256sum meters.xlsx   # " + "ab".repeat(32)));
        assertTrue(html.contains("java -jar wattledger.jar report meters.xlsx \\\n    --format json --out out/</pre>"
                + "<p class=\"muted\">This report was not made by the command line"), html);
    }

    @Test
    void theReproduceCommandIsTheRecordedOptionsOneOptionALine() {
        ReportMeta meta = Fixtures.meta(Fixtures.small()).withOptions(List.of("--factors", "test@2026.1",
                "--factor-sheet", "own factors.csv", "--period", "2024", "--gwp", "AR6", "--fill-gaps"));
        String html = HtmlReport.render(Fixtures.small(), meta);
        // Each option starts a line; a value with a space is shell-quoted; the HTML escapes the quote.
        assertTrue(html.contains("<pre>java -jar wattledger.jar report meters.xlsx \\\n    --factors test@2026.1 \\\n"
                + "    --factor-sheet &#39;own factors.csv&#39; \\\n    --period 2024 \\\n    --gwp AR6 \\\n"
                + "    --fill-gaps \\\n    --format json --out out/</pre></li>"), html);
    }

    @Test
    void writesTheSamePageForTheSameResults(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.html");
        Path b = dir.resolve("b.html");
        HtmlReport.write(Fixtures.small(), Fixtures.meta(Fixtures.small()), a);
        HtmlReport.write(Fixtures.small(), Fixtures.meta(Fixtures.small()), b);
        assertEquals(Files.readString(a, StandardCharsets.UTF_8), Files.readString(b, StandardCharsets.UTF_8));
    }

    @Test
    void escapesEveryHtmlSpecialCharacter() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;",
                HtmlReport.escape("<a href=\"x\">Tom & Jerry's</a>"));
        assertEquals("", HtmlReport.escape(null));
    }

    @Test
    void eachSiteOpensToItsLinesAndEachLineToItsRows() {
        String html = html(Fixtures.small());
        // DC1: Scope 2 location 2.2 MWh × 0.5 t/MWh = 1.10 t; 6 lines (main, IT, water × January, February)
        assertTrue(html.contains("<details class=\"site\" id=\"lines-1\"><summary><strong>DC1</strong> · "
                + "Scope 2, location-based 1.10 t CO2e · Scope 2, market-based 1.10 t CO2e · Energy 2.20 MWh · "
                + "Water 5.00 m³ · 6 lines</summary>"), html);
        assertTrue(html.contains("<td><a href=\"#lines-1\">DC1</a></td>"), "the site's row links to its lines");
        // DC1 main electricity, January: 1,000 kWh × 0.5 t/MWh = 0.50 t; energy 1.00 MWh; its row 2 of meters.xlsx
        assertTrue(html.contains("<tr><td>E-MAIN<br><span class=\"muted\">electricity, main</span></td><td>2024-01</td>"
                + "<td class=\"num\">1,000 kWh</td><td><code>test.grid.cn</code><br>0.5 t/MWh</td>"
                + "<td class=\"num\">—</td><td class=\"num\">0.50</td><td class=\"num\">0.50</td>"
                + "<td class=\"num\">1.00</td><td class=\"num\">—</td>"
                + "<td><details><summary>meters.xlsx, sheet readings, row 2</summary><ul>"), html);
        // the estimated office line says so, inside its rows
        assertTrue(html.matches("(?s).*<li>meters\\.xlsx, sheet readings, row \\d+: estimated, no note given</li>.*"), html);
    }

    @Test
    void listsAtMostMaxLinesAndSaysWhereTheRestAre() {
        // 5,001 meters of one office, each one reading in March 2024: one line each
        List<org.wattledger.engine.model.Site> sites = List.of(new org.wattledger.engine.model.Site("OFF9", "OFF9", "CN",
                org.wattledger.engine.model.SiteKind.OFFICE, null, null, null));
        List<org.wattledger.engine.model.Reading> readings = new java.util.ArrayList<>();
        for (int i = 0; i < HtmlReport.MAX_LINES + 1; i++) {
            readings.add(Fixtures.month("OFF9", "E" + i, org.wattledger.engine.model.Carrier.ELECTRICITY,
                    org.wattledger.engine.model.Role.MAIN, 2024, 3, "1", org.wattledger.engine.units.CarbonUnits.KWH, i + 2));
        }
        var inventory = new org.wattledger.engine.model.Inventory(sites, readings, List.of(), List.of(), List.of(),
                List.of(), new org.wattledger.engine.model.Inventory.RowTally(readings.size(), readings.size(), 0),
                List.of(new org.wattledger.engine.model.Inventory.InputFile("many.csv", "cd".repeat(32))));
        String html = html(Fixtures.run(inventory, Fixtures.smallFactors(), 2024));
        assertTrue(html.contains("· 5,001 lines</summary>"), "the summary counts every line");
        assertEquals(HtmlReport.MAX_LINES, count(html, "<td><details><summary>meters.xlsx, sheet readings, row "));
        assertTrue(html.contains("<p class=\"muted\">Not listed here (the page lists at most 5,000 lines): 1 more line of"
                + " this site, in the Activity sheet of report.xlsx and in report.json with --lineage.</p>"));
    }
}
