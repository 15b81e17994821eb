package org.tuanjie.units.imports;

import java.util.Map;
import org.tuanjie.platform.sheets.SheetReader;

/** The columns of the unit sheet a county clerk already keeps, by their English or Chinese headers. */
public final class UnitColumns {

    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("code", "code"), Map.entry("代码", "code"), Map.entry("单位代码", "code"),
            Map.entry("统一社会信用代码", "code"), Map.entry("区划代码", "code"),
            Map.entry("name", "name_zh"), Map.entry("name_zh", "name_zh"), Map.entry("名称", "name_zh"),
            Map.entry("单位名称", "name_zh"), Map.entry("name_bo", "name_bo"), Map.entry("藏文名称", "name_bo"),
            Map.entry("name_en", "name_en"), Map.entry("英文名称", "name_en"),
            Map.entry("parent_code", "parent_code"), Map.entry("上级代码", "parent_code"),
            Map.entry("上级单位代码", "parent_code"), Map.entry("kind", "kind"), Map.entry("类型", "kind"),
            Map.entry("单位类型", "kind"),
            Map.entry("leader_name", "leader_name"), Map.entry("主要负责人", "leader_name"),
            Map.entry("leader_phone", "leader_phone"), Map.entry("主要负责人电话", "leader_phone"),
            Map.entry("leader_username", "leader_username"), Map.entry("主要负责人账号", "leader_username"),
            Map.entry("liaison_name", "liaison_name"), Map.entry("联络员", "liaison_name"),
            Map.entry("liaison_phone", "liaison_phone"), Map.entry("联络员电话", "liaison_phone"),
            Map.entry("liaison_username", "liaison_username"), Map.entry("联络员账号", "liaison_username"),
            Map.entry("temporary_password", "temporary_password"), Map.entry("初始密码", "temporary_password"),
            Map.entry("people_from", "people_from"), Map.entry("任职日期", "people_from"));

    private UnitColumns() {
    }

    /** Canonical column name of a header cell, or null for a column the import does not read. */
    public static String canonical(String header) {
        return header == null ? null : HEADERS.get(SheetReader.clean(header));
    }
}
