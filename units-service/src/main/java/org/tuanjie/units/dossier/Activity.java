package org.tuanjie.units.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.time.LocalDate;
import org.tuanjie.units.unit.Unit;

/**
 * A creation activity a unit held and files in its dossier (宣传, 培训, 推进会, 政策学习, 示范/观摩): the unit is its
 * organizer. Its photos and documents will be attached to it by its id.
 */
@Entity
@DiscriminatorValue("ACTIVITY")
public class Activity extends DossierEntry {

    @Column
    private String place;

    @Column
    private Integer attendees;

    @Column
    private String summary;

    protected Activity() {
        // for JPA
    }

    private Activity(Unit organizer, ActivityDetails details, LocalDate today) {
        super(organizer, details.kind().dossierKind(), details.facts(), today);
        describe(details);
    }

    /** Files an activity {@code organizer} held by {@code today}. */
    public static Activity file(Unit organizer, ActivityDetails details, LocalDate today) {
        return new Activity(organizer, details, today);
    }

    public void revise(ActivityDetails details, LocalDate today) {
        restate(details.kind().dossierKind(), details.facts(), today);
        describe(details);
    }

    private void describe(ActivityDetails details) {
        this.place = details.place();
        this.attendees = details.attendees();
        this.summary = details.summary();
    }

    public ActivityKind activityKind() {
        return ActivityKind.of(kind());
    }

    public String place() {
        return place;
    }

    public Integer attendees() {
        return attendees;
    }

    public String summary() {
        return summary;
    }
}
