package org.tuanjie.units.domain;

import java.util.Map;
import org.tuanjie.units.unit.UnitNames;

/**
 * The nine standard domains of "9+N进": ethnic unity and progress entering ...
 */
public enum StandardDomain {
    ORGANS("进机关", "Organs"),
    ENTERPRISES("进企业", "Enterprises"),
    COMMUNITIES("进社区", "Communities"),
    TOWNSHIPS("进乡镇", "Townships"),
    SCHOOLS("进学校", "Schools"),
    CORPS_COMPANIES("进连队", "Corps companies"),
    RELIGIOUS_VENUES("进宗教活动场所", "Religious venues"),
    FAMILIES("进家庭", "Families"),
    SCENIC_AREAS("进景区", "Scenic areas");

    private final String zh;
    private final String en;

    StandardDomain(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public UnitNames names() {
        return new UnitNames(Map.of("zh", "民族团结进步" + zh, "en", "Ethnic unity entering " + en.toLowerCase(java.util.Locale.ROOT)));
    }
}
