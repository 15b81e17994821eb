package org.tuanjie.units.people.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.jboss.logging.Logger;
import org.tuanjie.units.people.PeopleExceptions.IdentityUnavailable;

/**
 * Applies what the turn of a day changes to people recorded ahead of it: the accounts of those whose leaving
 * day came are disabled, and a leader or liaison starting today becomes the unit's current one. A change
 * recorded on or after its day takes effect at once; this catches the rest, and retries what an unreachable
 * identity server left undone, including the removal of accounts whose write did not commit.
 */
@ApplicationScoped
public class PeriodsTurn {

    private static final Logger LOG = Logger.getLogger(PeriodsTurn.class);

    @Inject
    PeopleService people;

    @Scheduled(every = "${units.accounts.close-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void turn() {
        try {
            int left = people.removeOrphanAccounts();
            if (left > 0) {
                LOG.warnf("%d accounts of writes that did not commit are still at the identity server (disabled)", left);
            }
            int closed = people.periodsTurn(LocalDate.now(PeopleService.CALENDAR));
            if (closed > 0) {
                LOG.infof("disabled %d accounts of people whose period ended", closed);
            }
        } catch (IdentityUnavailable e) {
            LOG.warnf("accounts of people who left are still enabled, retried next run: %s", e.getMessage());
        }
    }
}
