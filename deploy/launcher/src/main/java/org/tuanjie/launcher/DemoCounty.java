package org.tuanjie.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo county, modelled on the source report: a county office, ten townships with two villages and
 * a school each, twenty departments, religious venues, a scenic area and a corps company. Codes are
 * shaped like real ones (division codes under 513330, credit codes with their GB 32100 check character);
 * the county and its people are for demonstration only.
 */
final class DemoCounty {

    static final String COUNTY = "513330000000";
    static final String TOWNSHIP_1 = "513330100000";
    static final String TOWNSHIP_2 = "513330101000";
    static final String EDUCATION = credit("11", 2);
    static final String UNITED_FRONT = credit("11", 1);
    static final String PUBLICITY = credit("11", 3);
    static final String ETHNIC_AFFAIRS = credit("11", 4);
    static final String CULTURE = credit("11", 5);

    private static final String[][] TOWNSHIPS = {
            {"更庆镇", "དགོན་ཆེན་གྲོང་རྡལ།", "Gengqing Town"}, {"麦宿镇", "སྨར་ཁོག་གྲོང་རྡལ།", "Maisu Town"},
            {"马尼干戈镇", "མ་ཎི་རྒན་སྐོར་གྲོང་རྡལ།", "Manigango Town"}, {"竹庆镇", "རྫོགས་ཆེན་གྲོང་རྡལ།", "Zhuqing Town"},
            {"阿须镇", "ཨ་ཞུ་གྲོང་རྡལ།", "Axu Town"}, {"错阿镇", "མཚོ་ཨ་གྲོང་རྡལ།", "Cuo'a Town"},
            {"温拖乡", "ཝུན་ཐོ་ཞང་།", "Wentuo Township"}, {"岳巴乡", "ཡོད་པ་ཞང་།", "Yueba Township"},
            {"汪布顶乡", "དབང་པོ་སྡིངས་ཞང་།", "Wangbuding Township"}, {"柯洛洞乡", "ཁོ་ལོ་སྟོང་ཞང་།", "Keluodong Township"}};

    private static final String[][] DEPARTMENTS = {
            {"ORGAN", "县委统战部"}, {"ORGAN", "县教育局"}, {"ORGAN", "县委宣传部"}, {"ORGAN", "县民族宗教事务局"},
            {"ORGAN", "县文化广播电视和旅游局"}, {"ORGAN", "县卫生健康局"}, {"ORGAN", "县公安局"}, {"ORGAN", "县财政局"},
            {"ORGAN", "县发展和改革局"}, {"ORGAN", "县民政局"}, {"ORGAN", "县人力资源和社会保障局"}, {"ORGAN", "县自然资源局"},
            {"ORGAN", "县住房和城乡建设局"}, {"ORGAN", "县交通运输局"}, {"ORGAN", "县农业农村局"}, {"ORGAN", "县市场监督管理局"},
            {"ORGAN", "县司法局"}, {"ORGAN", "县委组织部"}, {"INSTITUTION", "县融媒体中心"}, {"HOSPITAL", "县人民医院"}};

    /**
     * The people with accounts, besides the county office's admin (office-admin, the one person in the realm file):
     * the demo loader records each at their unit through the people API, which creates the account.
     */
    static final List<Person> PEOPLE = List.of(
            new Person("inspector-zhang", "张华", "督查组", COUNTY, "inspector"),
            new Person("inspector-li", "李娜", "督查组", COUNTY, "inspector"),
            new Person("auditor-wang", "王强", "纪检", COUNTY, "auditor"),
            new Person("township-liaison", "卓玛", "更庆镇联络员", TOWNSHIP_1, "unit-liaison"),
            new Person("township-leader", "扎西", "更庆镇党委书记", TOWNSHIP_1, "unit-leader"),
            new Person("township-admin", "格桑", "更庆镇创建办", TOWNSHIP_1, "admin"),
            new Person("united-front-liaison", "次仁", "县委统战部", UNITED_FRONT, "unit-liaison"),
            new Person("education-liaison", "陈静", "县教育局联络员", EDUCATION, "unit-liaison"),
            new Person("education-leader", "格桑", "县教育局局长", EDUCATION, "unit-leader"),
            new Person("other-auditor", "次仁", "麦宿镇纪委", TOWNSHIP_2, "auditor"));

    /** A person of a unit and their account: its username and its one realm role. */
    record Person(String username, String nameZh, String position, String unitCode, String accountRole) {

        /** Their role in the unit: a unit's leader and liaison are named as such, everyone else is staff. */
        String role() {
            return switch (accountRole) {
                case "unit-leader" -> "LEADER";
                case "unit-liaison" -> "LIAISON";
                default -> "STAFF";
            };
        }
    }

    private DemoCounty() {
    }

    static String township(int i) {
        return "513330" + (100 + i) + "000";
    }

    /** The township's n-th village (1 or 2): its division code shares the township's first nine digits. */
    static String village(String township, int n) {
        return township.substring(0, 9) + String.format("%03d", n);
    }

    static String credit(String kind, int n) {
        return check(kind + "513330MB" + String.format("%07d", n));
    }

    /** The import sheet the county clerk would upload: code, names, parent, kind. */
    static String csv() {
        List<String> rows = new ArrayList<>();
        rows.add("代码,名称,藏文名称,英文名称,上级代码,类型");
        rows.add(COUNTY + ",德格县,སྡེ་དགེ་རྫོང་།,Dêgê County,,县");
        for (int i = 0; i < TOWNSHIPS.length; i++) {
            String t = township(i);
            rows.add(t + "," + TOWNSHIPS[i][0] + "," + TOWNSHIPS[i][1] + "," + TOWNSHIPS[i][2] + "," + COUNTY + ",乡镇");
            for (int v = 1; v <= 2; v++) {
                rows.add(village(t, v) + "," + TOWNSHIPS[i][0] + "第" + v + "村,,," + t + ",村");
            }
            rows.add(credit("12", 100 + i) + "," + TOWNSHIPS[i][0] + "中心小学,,," + t + ",学校");
        }
        for (int d = 0; d < DEPARTMENTS.length; d++) {
            rows.add(credit("11", d + 1) + "," + DEPARTMENTS[d][1] + ",,," + COUNTY + "," + DEPARTMENTS[d][0]);
        }
        rows.add(credit("71", 201) + ",更庆寺,དགོན་ཆེན་དགོན།,Gonchen Monastery," + TOWNSHIP_1 + ",宗教活动场所");
        rows.add(credit("71", 202) + ",宗萨寺,རྫོང་གསར་དགོན།,Dzongsar Monastery," + TOWNSHIP_2 + ",宗教活动场所");
        rows.add(credit("71", 203) + ",竹庆寺,རྫོགས་ཆེན་དགོན།,Dzogchen Monastery," + township(3) + ",宗教活动场所");
        rows.add(credit("92", 301) + ",德格印经院景区,སྡེ་དགེ་པར་ཁང་།,Dêgê Parkhang," + TOWNSHIP_1 + ",景区");
        rows.add(credit("11", 401) + ",武警德格县中队,,," + COUNTY + ",连队");
        return String.join("\n", rows) + "\n";
    }

    /**
     * The townships' outlines as GeoJSON, for the dashboard's map. <b>Illustrative, not the real boundaries</b>: ten
     * cells of a warped five-by-two grid around Dêgê's county seat, neighbours sharing their borders.
     */
    static Map<String, Object> townshipMap() {
        double lon0 = 98.25;
        double lat0 = 31.45;
        double dx = 0.24;
        double dy = 0.32;
        List<Object> features = new ArrayList<>();
        for (int i = 0; i < TOWNSHIPS.length; i++) {
            int c = i % 5;
            int r = i / 5;
            // counter-clockwise (RFC 7946): along the south edge, up the east, back along the north, down the west
            List<List<Double>> ring = new ArrayList<>();
            ring.add(corner(c, r, lon0, lat0, dx, dy));
            ring.add(midpoint(c, r, c + 1, r, lon0, lat0, dx, dy));
            ring.add(corner(c + 1, r, lon0, lat0, dx, dy));
            ring.add(midpoint(c + 1, r, c + 1, r + 1, lon0, lat0, dx, dy));
            ring.add(corner(c + 1, r + 1, lon0, lat0, dx, dy));
            ring.add(midpoint(c, r + 1, c + 1, r + 1, lon0, lat0, dx, dy));
            ring.add(corner(c, r + 1, lon0, lat0, dx, dy));
            ring.add(midpoint(c, r, c, r + 1, lon0, lat0, dx, dy));
            ring.add(ring.get(0));
            features.add(Map.of("type", "Feature", "properties", Map.of("code", township(i), "name", TOWNSHIPS[i][0]),
                    "geometry", Map.of("type", "Polygon", "coordinates", List.of(ring))));
        }
        return Map.of("type", "FeatureCollection", "name", "德格县乡镇示意边界（演示数据，非真实行政区划）", "features", features);
    }

    private static List<Double> corner(int c, int r, double lon0, double lat0, double dx, double dy) {
        return List.of(round(lon0 + c * dx + wobble(c, r, 1) * dx / 5), round(lat0 + r * dy + wobble(c, r, 2) * dy / 5));
    }

    /** The middle of the border between two corners, pushed sideways the same way for both townships that share it. */
    private static List<Double> midpoint(int c1, int r1, int c2, int r2, double lon0, double lat0, double dx, double dy) {
        List<Double> a = corner(c1, r1, lon0, lat0, dx, dy);
        List<Double> b = corner(c2, r2, lon0, lat0, dx, dy);
        double push = wobble(c1 + c2, r1 + r2, 3) / 4;
        return List.of(round((a.get(0) + b.get(0)) / 2 + (r1 == r2 ? 0 : push * dx)),
                round((a.get(1) + b.get(1)) / 2 + (r1 == r2 ? push * dy : 0)));
    }

    /** A fixed number in [-1, 1) for a grid point: the same on every run. */
    private static double wobble(int c, int r, int salt) {
        double x = Math.sin(c * 12.9898 + r * 78.233 + salt * 37.719) * 43758.5453;
        return 2 * (x - Math.floor(x)) - 1;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e5) / 1e5;
    }

    static List<String> schools() {
        List<String> schools = new ArrayList<>();
        for (int i = 0; i < TOWNSHIPS.length; i++) {
            schools.add(credit("12", 100 + i));
        }
        return schools;
    }

    static List<String> venues() {
        return List.of(credit("71", 201), credit("71", 202), credit("71", 203));
    }

    /** GB 32100-2015 check character. */
    static String check(String first17) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(first17.charAt(i)) * weights[i];
        }
        return first17 + alphabet.charAt((31 - sum % 31) % 31);
    }
}
