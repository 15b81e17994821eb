package org.tuanjie.units.people.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.jboss.logging.Logger;
import org.tuanjie.units.people.PeopleExceptions.IdentityUnavailable;

/**
 * Disables the accounts of people whose leaving was recorded ahead of its day, once the day comes. A leaving
 * recorded on or after its day disables the account at once; this catches the rest, and retries what an
 * unreachable identity server left undone.
 */
@ApplicationScoped
public class AccountCloser {

    private static final Logger LOG = Logger.getLogger(AccountCloser.class);

    @Inject
    PeopleService people;

    @Scheduled(every = "${units.accounts.close-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeEndedAccounts() {
        try {
            int closed = people.closeEndedAccounts(LocalDate.now(PeopleService.CALENDAR));
            if (closed > 0) {
                LOG.infof("disabled %d accounts of people whose period ended", closed);
            }
        } catch (IdentityUnavailable e) {
            LOG.warnf("accounts of people who left are still enabled, retried next run: %s", e.getMessage());
        }
    }
}
