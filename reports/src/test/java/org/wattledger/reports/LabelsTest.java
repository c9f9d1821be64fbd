package org.wattledger.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The en/zh label bundles, and the Chinese font the charts carry. */
final class LabelsTest {
    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertEquals(new TreeSet<>(Labels.EN.all().keySet()), new TreeSet<>(Labels.ZH.all().keySet()));
    }

    @Test
    void usesTheFilersTerms() {
        assertEquals("范围一", Labels.ZH.get("metric.scope1"));
        assertEquals("范围二，基于位置", Labels.ZH.get("metric.scope2Location"));
        assertEquals("范围二，基于市场", Labels.ZH.get("metric.scope2Market"));
        assertEquals("综合能源消耗量（标准煤）", Labels.ZH.get("metric.energyTce"));
        assertEquals("Scope 2, location-based", Labels.EN.get("metric.scope2Location"));
    }

    @Test
    void namesTheYearsDriversAndDataCentreSectionsInTheFilersTerms() {
        assertEquals("逐年对比", Labels.ZH.get("years.title"));
        assertEquals("范围一 + 范围二（基于位置）变动驱动因素（LMDI-I 分解）", Labels.ZH.get("years.drivers.title"));
        assertEquals("活动量效应", Labels.ZH.get("years.driver.activity"));
        assertEquals("能源强度效应", Labels.ZH.get("years.driver.energyIntensity"));
        assertEquals("能源结构效应", Labels.ZH.get("years.driver.mix"));
        assertEquals("排放因子效应", Labels.ZH.get("years.driver.factor"));
        assertEquals("基准年重新计算", Labels.ZH.get("years.recalculation.title"));
        assertEquals("异常值", Labels.ZH.get("years.anomalies.title"));
        assertEquals("按月电能使用效率（PUE）", Labels.ZH.get("dc.title.monthly"));
        assertEquals("局部PUE", Labels.ZH.get("dc.col.partialPue"));
        assertEquals("PUE 等级", Labels.ZH.get("dc.col.category"));
        assertEquals("PUE 合同结算", Labels.ZH.get("dc.title.contracts"));
        assertEquals("金额（+ 罚金，− 奖励）", Labels.ZH.get("dc.col.amount"));
        assertEquals("已封顶", Labels.ZH.get("dc.capped"));
        // The English words are those the sections printed before they moved into the bundle.
        assertEquals("change 2023", Labels.EN.format("years.col.changeIn", 2023));
        assertEquals("2023年变动", Labels.ZH.format("years.col.changeIn", 2023));
        assertEquals("Why Scope 1 + 2 (location-based) changed: LMDI-I decomposition", Labels.EN.get("years.drivers.title"));
        assertEquals("Amount (+ penalty, − bonus)", Labels.EN.get("dc.col.amount"));
    }

    @Test
    void keepsSpacesThatStartOrEndAWord() {
        // "Issues" and four spaces line up the text summary's last section; ", " joins counts.
        assertEquals("Issues    ", Labels.EN.get("text.issues"));
        assertEquals(", ", Labels.EN.get("html.comma"));
        assertEquals(" — on track", Labels.EN.get("chart.caption.onTrack"));
    }

    @Test
    void fillsPlaceholdersAndRefusesAMissingKey() {
        assertEquals("read 3, accepted 2, rejected 1", Labels.EN.format("html.rowsValue", 3, 2, 1));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Labels.ZH.get("no.such.key"));
        assertEquals("no zh label for 'no.such.key'", e.getMessage());
    }

    @Test
    void parsesLanguages() {
        assertEquals(Labels.Language.ZH, Labels.Language.parse("zh-CN"));
        assertEquals(Labels.Language.EN, Labels.Language.parse(" EN "));
        assertNull(Labels.Language.parse("fr"));
    }

    /**
     * Every Chinese chart label draws with the font the jar carries: no character falls back to the
     * missing-glyph box. The years and data-centre words count too: driver names label the waterfall's
     * bars and the contract note is the contract chart's subtitle.
     */
    @Test
    void theBundledFontDrawsEveryChineseChartLabel() {
        Font font = CjkFont.font();
        assertEquals("Noto Sans CJK SC", font.getFamily(java.util.Locale.ROOT), "the font loaded from the jar");
        int checked = 0;
        for (var e : Labels.ZH.all().entrySet()) {
            if (drawnInCharts(e.getKey())) {
                assertEquals(-1, font.canDisplayUpTo(e.getValue()), e.getKey() + ": " + e.getValue());
                checked++;
            }
        }
        assertEquals(Labels.ZH.all().keySet().stream().filter(LabelsTest::drawnInCharts).count(), checked);
        // GB 2312's first and last hanzi (啊 B0A1, 齄 F7FE) and the filers' terms.
        assertEquals(-1, font.canDisplayUpTo("啊齄范围一二综合能源消耗量标准煤基于位置市场"));
        assertTrue(font.canDisplayUpTo("\uD840\uDC00") >= 0, "a CJK Extension B character is not in the subset");
    }

    private static boolean drawnInCharts(String key) {
        return key.startsWith("chart.") || key.startsWith("years.") || key.startsWith("dc.");
    }

    @Test
    void drawsAChineseChartWithHanzi() throws IOException {
        List<Charts.Rendered> zh = Charts.renderAll(ReportModel.of(Fixtures.small()), Labels.ZH);
        List<Charts.Rendered> en = Charts.renderAll(ReportModel.of(Fixtures.small()), Labels.EN);
        assertEquals("按月排放量（吨二氧化碳当量）", zh.get(0).title());
        assertNotEquals(en.get(0).title(), zh.get(0).title());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(zh.get(0).png()));
        assertEquals(Charts.WIDTH, image.getWidth());
        // The title's band is not blank: the hanzi were drawn (dark pixels in the top-left title area).
        int dark = 0;
        for (int y = 10; y < 50; y++) {
            for (int x = 10; x < 400; x++) {
                if ((image.getRGB(x, y) & 0xFF) < 128) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 500, "the Chinese title is drawn: " + dark + " dark pixels");
    }
}
