package org.tuanjie.unitfeed;

import java.util.List;
import org.tuanjie.unitsclient.client.UnitsClient.UnitRef;

/**
 * The units one page of the unit feed read, as units-service describes them now (where they sit, their status, their
 * principal leader), fired once the copies of their paths kept here have moved. A service observes it to follow
 * other facts about a unit than where it sits.
 *
 * <p>Every run reads the last few minutes again, so the same unit comes several times: an observer must change
 * nothing when what it keeps already agrees. Observers run synchronously, in the feed's run: one that fails fails the
 * run, and the next run reads the same page again, which is how a failed observer is retried.
 *
 * @param units the changed units of the page, in the feed's order; units that left the deployment's root are not
 *        among them (nothing is known of them here any more)
 */
public record UnitsRead(List<UnitRef> units) {

    public UnitsRead {
        units = List.copyOf(units);
    }
}
