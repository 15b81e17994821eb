package org.tuanjie.units.dossier;

import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;

/** What a document states: its number (文号), who issued it, and the facts every entry states. */
public record DocumentDetails(String number, String issuer, EntryFacts facts) {

    public DocumentDetails {
        number = number == null || number.isBlank() ? null : number.trim();
        issuer = issuer == null || issuer.isBlank() ? null : issuer.trim();
        if (number == null) {
            throw new Problems.InvalidInput(new Violation("number", "field.required"));
        }
        if (issuer == null) {
            throw new Problems.InvalidInput(new Violation("issuer", "field.required"));
        }
    }
}
