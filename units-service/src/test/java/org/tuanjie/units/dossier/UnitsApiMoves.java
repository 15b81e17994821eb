package org.tuanjie.units.dossier;

import static org.tuanjie.units.UnitsApi.admin;
import static org.tuanjie.units.UnitsApi.create;

import java.util.Map;
import org.tuanjie.units.Hierarchy;

/** Units added and moved through the API for the dossier's tests. */
final class UnitsApiMoves {

    private UnitsApiMoves() {
    }

    /** A school under a township: an organization, whose code does not tie it to the township's area. */
    static String newSchool(Hierarchy h, String code, String townshipCode, String zh) {
        return create(h.province, code, "SCHOOL", h.id(townshipCode), zh);
    }

    static void move(Hierarchy h, String unitId, String newParentCode) {
        String etag = admin(h.province).get("/units/" + unitId).then().statusCode(200).extract().header("ETag");
        admin(h.province).header("If-Match", etag).body(Map.of("parentId", h.id(newParentCode)))
                .post("/units/" + unitId + "/move").then().statusCode(200);
    }
}
