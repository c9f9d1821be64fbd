package org.wattledger.engine.factor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class RegionsTest {
    private static String parse(String text) {
        return Regions.parse(text).orElse("?");
    }

    @Test
    void readsEveryProvinceLevelDivisionByItsChineseNameWithAndWithoutSuffix() {
        // Written out by hand from ISO 3166-2:CN (2017 codes); short name, full name.
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("安徽省", "CN-AH");
        expected.put("北京市", "CN-BJ");
        expected.put("重庆市", "CN-CQ");
        expected.put("福建省", "CN-FJ");
        expected.put("广东省", "CN-GD");
        expected.put("甘肃省", "CN-GS");
        expected.put("广西壮族自治区", "CN-GX");
        expected.put("贵州省", "CN-GZ");
        expected.put("河南省", "CN-HA");
        expected.put("湖北省", "CN-HB");
        expected.put("河北省", "CN-HE");
        expected.put("海南省", "CN-HI");
        expected.put("黑龙江省", "CN-HL");
        expected.put("湖南省", "CN-HN");
        expected.put("吉林省", "CN-JL");
        expected.put("江苏省", "CN-JS");
        expected.put("江西省", "CN-JX");
        expected.put("辽宁省", "CN-LN");
        expected.put("内蒙古自治区", "CN-NM");
        expected.put("宁夏回族自治区", "CN-NX");
        expected.put("青海省", "CN-QH");
        expected.put("四川省", "CN-SC");
        expected.put("山东省", "CN-SD");
        expected.put("上海市", "CN-SH");
        expected.put("陕西省", "CN-SN");
        expected.put("山西省", "CN-SX");
        expected.put("天津市", "CN-TJ");
        expected.put("新疆维吾尔自治区", "CN-XJ");
        expected.put("西藏自治区", "CN-XZ");
        expected.put("云南省", "CN-YN");
        expected.put("浙江省", "CN-ZJ");
        assertEquals(31, expected.size());
        expected.forEach((full, code) -> {
            assertEquals(code, parse(full), full);
            String shortName = full.replaceAll("(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$", "");
            assertEquals(code, parse(shortName), shortName);
        });
    }

    @Test
    void readsEnglishNamesWithTheirDesignations() {
        List<String[]> cases = List.of(
                new String[] {"Guangdong", "CN-GD"}, new String[] {"guangdong province", "CN-GD"},
                new String[] {"Inner Mongolia", "CN-NM"}, new String[] {"Inner Mongolia Autonomous Region", "CN-NM"},
                new String[] {"Nei Mongol", "CN-NM"}, new String[] {"Beijing Municipality", "CN-BJ"},
                new String[] {"Xinjiang Uyghur Autonomous Region", "CN-XJ"},
                new String[] {"Guangxi Zhuang Autonomous Region", "CN-GX"},
                new String[] {"Ningxia Hui Autonomous Region", "CN-NX"}, new String[] {"Tibet", "CN-XZ"},
                new String[] {"Xizang", "CN-XZ"}, new String[] {"Shaanxi", "CN-SN"}, new String[] {"Shanxi", "CN-SX"},
                new String[] {"Hong Kong SAR", "HK"}, new String[] {"香港特别行政区", "HK"}, new String[] {"Macau", "MO"},
                new String[] {"台湾省", "TW"}, new String[] {"CN-HK", "HK"});
        for (String[] c : cases) {
            assertEquals(c[1], parse(c[0]), c[0]);
        }
    }

    @Test
    void readsCodesGridsAndCountries() {
        assertEquals("CN-GD", parse(" cn-gd "));
        assertEquals("CN-BJ", parse("ＣＮ－ＢＪ"));
        assertEquals("CN-BJ", parse("cn_bj"));
        assertEquals("CN-NORTH", parse("CN-North"));
        assertEquals("CN-SOUTH", parse("南方电网"));
        assertEquals("CN-EAST", parse("华东区域电网"));
        assertEquals("CN", parse("中国"));
        assertEquals("CN", parse("cn"));
        assertEquals("GB", parse("UK"));
        assertEquals("US-CAMX", parse("us-camx"));
        assertEquals("*", parse("*"));
    }

    @Test
    void refusesCitiesMadeUpCodesAndUnknownCountries() {
        assertEquals(Optional.empty(), Regions.parse("广州"));
        assertEquals(Optional.empty(), Regions.parse("Shenzhen"));
        assertEquals(Optional.empty(), Regions.parse("CN-GUANGDONG"));
        assertEquals(Optional.empty(), Regions.parse("XX"));
        assertEquals(Optional.empty(), Regions.parse(""));
    }

    @Test
    void hongKongDoesNotFallBackToTheMainland() {
        assertEquals(List.of("HK", "*"), Regions.chain(parse("香港")));
        assertEquals(List.of("CN-GD", "CN-SOUTH", "CN", "*"), Regions.chain(parse("广东")));
    }
}
