package org.tuanjie.agreements.coverage.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.agreements.agreement.Agreement;
import org.tuanjie.agreements.agreement.AgreementState;
import org.tuanjie.unitsclient.Jurisdiction;

/**
 * Who has signed: current agreements of a year in the caller's jurisdiction, grouped by township
 * (its villages, schools and venues rolled up) and by department (units outside any township).
 */
@ApplicationScoped
public class CoverageService {

    private static final Set<AgreementState> SIGNED = Set.of(AgreementState.SIGNED, AgreementState.ACTIVE,
            AgreementState.ASSESSED);

    @Inject
    EntityManager em;

    @Inject
    Jurisdiction jurisdiction;

    public Coverage coverage(int year, UUID within) {
        String root = within == null ? jurisdiction.rootPath() : jurisdiction.unit(within).pathText();
        List<Agreement> current = em.createQuery("""
                select a from Agreement a where a.year = :year and a.unitPath like :root
                  and a.state not in (:revoked, :superseded)
                order by a.unitPath""", Agreement.class)
                .setParameter("year", year).setParameter("root", Jurisdiction.likePrefix(root))
                .setParameter("revoked", AgreementState.REVOKED).setParameter("superseded", AgreementState.SUPERSEDED)
                .getResultList();
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Group> groups = new LinkedHashMap<>();
        List<Unsigned> unsigned = new ArrayList<>();
        for (Agreement a : current) {
            boolean township = a.townshipCode() != null;
            String key = township ? a.townshipCode() : a.unitCode();
            groups.putIfAbsent(key, new Group(key, township ? a.townshipName() : a.unitName(),
                    township ? "TOWNSHIP" : "DEPARTMENT", 0, 0, 0));
            long[] c = counts.computeIfAbsent(key, k -> new long[2]);
            c[0]++;
            if (SIGNED.contains(a.state())) {
                c[1]++;
            } else {
                unsigned.add(new Unsigned(a.id(), a.unitId(), a.unitCode(), a.unitName(), a.townshipCode(), a.state()));
            }
        }
        List<Group> rows = new ArrayList<>();
        groups.forEach((key, g) -> {
            long[] c = counts.get(key);
            rows.add(new Group(g.code(), g.name(), g.type(), c[0], c[1], Math.round(10000.0 * c[1] / c[0]) / 10000.0));
        });
        long issued = current.size();
        long signed = issued - unsigned.size();
        return new Coverage(year, issued, signed, issued == 0 ? 0 : Math.round(10000.0 * signed / issued) / 10000.0,
                rows, unsigned);
    }

    @Schema(name = "CoverageGroup")
    public record Group(String code, String name, String type, long issued, long signed, double rate) {
    }

    @Schema(name = "UnsignedUnit")
    public record Unsigned(UUID agreementId, UUID unitId, String unitCode, String unitName, String townshipCode,
            AgreementState state) {
    }

    public record Coverage(int year, long issued, long signed, double rate, List<Group> groups, List<Unsigned> unsigned) {
    }
}
