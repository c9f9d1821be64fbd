package org.wattledger.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.calc.Results;

final class ChartsTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private static BufferedImage read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8), file + " is a PNG");
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void writesFourPngChartsOfTheDefaultSize(@TempDir Path dir) throws IOException {
        List<Path> files = Charts.writeAll(Fixtures.small(), dir.resolve("charts"));
        assertEquals(List.of("emissions-by-month.png", "pue-wue-by-month.png", "target-trajectory.png",
                "energy-by-carrier.png"), files.stream().map(p -> p.getFileName().toString()).toList());
        for (Path f : files) {
            BufferedImage image = read(f);
            assertEquals(1200, image.getWidth(), f.toString());
            assertEquals(700, image.getHeight(), f.toString());
        }
    }

    @Test
    void makesTheTargetChartTallerForManyTargets(@TempDir Path dir) throws IOException {
        Charts.writeAll(Fixtures.rich(), dir);
        BufferedImage targets = read(dir.resolve(Charts.TARGET_TRAJECTORY));
        assertEquals(1200, targets.getWidth());
        assertEquals(100 + 4 * 300, targets.getHeight(), "four targets, one subplot each");
    }

    @Test
    void drawsEveryChartEvenWithoutDataCentresOrTargets(@TempDir Path dir) throws IOException {
        List<Path> files = Charts.writeAll(Fixtures.officeOnly(), dir);
        assertEquals(List.of("emissions-by-month.png", "energy-by-carrier.png", "pue-wue-by-month.png",
                "target-trajectory.png"), files.stream().map(f -> f.getFileName().toString()).sorted().toList());
        for (Path f : files) {
            assertEquals(1200, read(f).getWidth());
        }
    }

    @Test
    void rendersIdenticalBytesForIdenticalResults() {
        List<Charts.Rendered> a = Charts.renderAll(Fixtures.small());
        List<Charts.Rendered> b = Charts.renderAll(Fixtures.small());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).png(), b.get(i).png(), a.get(i).file());
        }
    }

    @Test
    void sumsSitesPerMonthForTheEmissionsChart() {
        Results r = Fixtures.small();
        DefaultCategoryDataset stacked = ChartData.emissionsStacked(ReportModel.of(r), Labels.EN);
        assertEquals(12, stacked.getColumnCount(), "every month of the period is a column");
        assertEquals("2024-01", stacked.getColumnKey(0));
        // January: DC1 1000 kWh + OFF1 500 kWh at 0.5 t/MWh; Scope 1 from the office's gas
        assertEquals(0.75, stacked.getValue("Scope 2, location-based", "2024-01").doubleValue(), 1e-12);
        assertEquals(0.2028, stacked.getValue("Scope 1", "2024-01").doubleValue(), 1e-12);
        assertEquals(0.6, stacked.getValue("Scope 2, location-based", "2024-02").doubleValue(), 1e-12);
        assertNull(stacked.getValue("Scope 1", "2024-02"), "no gas in February: a gap, not 0");
        assertNull(stacked.getValue("Scope 2, location-based", "2024-03"));
        DefaultCategoryDataset market = ChartData.scope2Market(ReportModel.of(r), Labels.EN);
        assertEquals(0.75, market.getValue("Scope 2, market-based", "2024-01").doubleValue(), 1e-12);
    }

    @Test
    void computesPueAndWuePerDataCentrePerMonth() {
        ReportModel m = ReportModel.of(Fixtures.small());
        DefaultCategoryDataset pue = ChartData.pue(m);
        assertEquals(List.of("DC1"), pue.getRowKeys(), "one series per data centre; the office has none");
        // January 1000 / 800 kWh; February 1200 / 1200 kWh
        assertEquals(1.25, pue.getValue("DC1", "2024-01").doubleValue(), 1e-12);
        assertEquals(1.0, pue.getValue("DC1", "2024-02").doubleValue(), 1e-12);
        assertNull(pue.getValue("DC1", "2024-03"));
        // January 2 m3 = 2000 L / 800 kWh
        assertEquals(2.5, ChartData.wue(m).getValue("DC1", "2024-01").doubleValue(), 1e-12);
    }

    @Test
    void takesEachTargetsPathAndActualFromItsTrajectory() {
        List<ChartData.TargetSeries> series = ChartData.targets(ReportModel.of(Fixtures.small()), Labels.EN);
        assertEquals(2, series.size());
        var t1 = series.get(0).data();
        assertEquals(3, t1.getSeries(0).getItemCount(), "path 2023..2025");
        assertEquals(1, t1.getSeries(1).getItemCount(), "actual only where there is data");
        assertEquals(2024.0, t1.getSeries(1).getX(0).doubleValue());
        assertEquals(1.5528, t1.getSeries(1).getY(0).doubleValue(), 1e-12);
    }
}
