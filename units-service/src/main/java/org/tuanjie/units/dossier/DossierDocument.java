package org.tuanjie.units.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.time.LocalDate;
import org.tuanjie.units.unit.Unit;

/**
 * A document (文件) a unit files in its dossier: its number (文号), title, the day it was issued and who issued it,
 * e.g. the notice setting up the unit's leading group that the readiness profile asks for. The issuer is the
 * name printed on it, not a unit of the hierarchy: documents come from bodies that are no units here (a party
 * committee's office, a leading group, the province's commission). Its file will be attached to it by its id.
 */
@Entity
@DiscriminatorValue("DOCUMENT")
public class DossierDocument extends DossierEntry {

    @Column(name = "doc_number")
    private String number;

    @Column
    private String issuer;

    protected DossierDocument() {
        // for JPA
    }

    private DossierDocument(Unit unit, DocumentDetails details, LocalDate today) {
        super(unit, DossierKind.DOCUMENT, details.facts(), today);
        describe(details);
    }

    /** Files a document issued by {@code today} in {@code unit}'s dossier. */
    public static DossierDocument file(Unit unit, DocumentDetails details, LocalDate today) {
        return new DossierDocument(unit, details, today);
    }

    public void revise(DocumentDetails details, LocalDate today) {
        restate(DossierKind.DOCUMENT, details.facts(), today);
        describe(details);
    }

    private void describe(DocumentDetails details) {
        this.number = details.number();
        this.issuer = details.issuer();
    }

    public String number() {
        return number;
    }

    public String issuer() {
        return issuer;
    }
}
