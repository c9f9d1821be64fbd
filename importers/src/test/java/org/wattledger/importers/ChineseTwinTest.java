package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wattledger.importers.Fixtures.read;
import static org.wattledger.importers.Fixtures.sheet;
import static org.wattledger.importers.Fixtures.xlsx;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Inventory;

final class ChineseTwinTest {
    @TempDir
    Path dir;

    @Test
    void chineseWorkbookGivesTheSameTotalsAsItsEnglishTwin() throws Exception {
        Path zh = xlsx(dir, "中文.xlsx", sheet("抄表")
                .row("2022年能耗数据")
                .row("站点", "表计", "能源类型", "开始日期", "结束日期", "用量", "单位")
                .row("北京一号", "电表1", "电力", "2022年1月1日", "2022年1月31日", "12.5", "万千瓦时")
                .row("北京一号", "热表", "热力", "2022/1/1", "2022/1/31", "１,２００", "吉焦")
                .row("北京一号", "油罐", "柴油", "2022-01-01", "2022-01-31", 3.2, "吨")
                .row("北京一号", "燃气表", "天然气", "2022年1月", "2022年1月", "1.05", "万立方米")
                .row("北京一号", "水表", "自来水", "2022-01-01", "2022-01-31", "0.36", "万吨")
                .row("合计", null, null, null, null, 999, null));
        Path en = xlsx(dir, "english.xlsx", sheet("readings")
                .row("site", "meter", "carrier", "from", "to", "quantity", "unit")
                .row("BJ1", "E1", "electricity", "2022-01-01", "2022-01-31", 125000, "kWh")
                .row("BJ1", "H1", "heat", "2022-01-01", "2022-01-31", 1.2, "TJ")
                .row("BJ1", "D1", "diesel", "2022-01-01", "2022-01-31", 3200, "kg")
                .row("BJ1", "G1", "natural_gas", "2022-01-01", "2022-01-31", 10500, "m3")
                .row("BJ1", "W1", "water", "2022-01-01", "2022-01-31", 3600, "m3"));
        Inventory zhInv = read(zh);
        Inventory enInv = read(en);
        assertEquals(List.of(), Fixtures.errors(zhInv));
        assertEquals(new Inventory.RowTally(5, 5, 0), zhInv.rows());
        Map<Carrier, BigDecimal> a = Fixtures.totals(zhInv);
        Map<Carrier, BigDecimal> b = Fixtures.totals(enInv);
        assertEquals(b.keySet(), a.keySet());
        for (Carrier c : a.keySet()) {
            assertEquals(0, a.get(c).compareTo(b.get(c)), c + ": " + a.get(c) + " vs " + b.get(c));
        }
        assertEquals(0, new BigDecimal("450000").compareTo(a.get(Carrier.ELECTRICITY)), "125,000 kWh = 450,000 MJ");
    }
}
