package org.tuanjie.units;

import static org.tuanjie.units.UnitsApi.create;
import static org.tuanjie.units.UnitsApi.creditCode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small real-looking jurisdiction built through the API: province → prefecture → county → two
 * townships with a village each, and a county organ, a school under township A and a religious
 * venue under township B. Each test class uses its own province so that classes do not meet.
 */
public final class Hierarchy {

    public final String province;
    public final String prefecture;
    public final String county;
    public final String townshipA;
    public final String townshipB;
    public final String villageA;
    public final String villageB;
    public final String organ;
    public final String school;
    public final String temple;
    private final Map<String, String> ids = new LinkedHashMap<>();

    /** @param provinceDigits two digits, distinct per test class, e.g. "53" */
    public Hierarchy(String provinceDigits) {
        province = provinceDigits + "0000000000";
        prefecture = provinceDigits + "34" + "00000000";
        String county6 = provinceDigits + "3422";
        county = county6 + "000000";
        townshipA = county6 + "100000";
        townshipB = county6 + "101000";
        villageA = county6 + "100001";
        villageB = county6 + "101001";
        organ = creditCode("11" + county6 + "MB0000001");
        school = creditCode("12" + county6 + "MB0000002");
        temple = creditCode("71" + county6 + "MB0000003");

        add(province, "PROVINCE", null, "测试省" + provinceDigits);
        add(prefecture, "PREFECTURE", province, "迪庆藏族自治州");
        add(county, "COUNTY", prefecture, "德钦县");
        add(townshipA, "TOWNSHIP", county, "升平镇");
        add(townshipB, "TOWNSHIP", county, "奔子栏镇");
        add(villageA, "VILLAGE", townshipA, "阿东村");
        add(villageB, "VILLAGE", townshipB, "书松村");
        add(organ, "ORGAN", county, "县委统战部");
        add(school, "SCHOOL", townshipA, "升平镇中心小学");
        add(temple, "RELIGIOUS_VENUE", townshipB, "东竹林寺");
    }

    private void add(String code, String kind, String parentCode, String zh) {
        ids.put(code, create(province, code, kind, parentCode == null ? null : ids.get(parentCode), zh));
    }

    public String id(String code) {
        return ids.get(code);
    }
}
