package org.tuanjie.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    @Test
    void aFailedCommitIsKnownByTheDatabaseAnswerItSuppressed() {
        // as Narayana reports it: QuarkusTransactionException → RollbackException, the driver's answer suppressed under an XAException
        SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        Exception xa = new Exception("Error trying to transactionCommit local transaction", terminated);
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        RuntimeException thrown = new RuntimeException(rollback);

        List<Throwable> causes = ProblemMappers.causesOf(thrown);

        assertEquals(List.of(thrown, rollback, xa, terminated), causes);
        assertTrue(causes.stream().anyMatch(c -> c instanceof SQLException sql && ProblemMappers.isDatabaseUnreachable(sql)));
    }

    @Test
    void anExhaustedPoolIs503EvenThoughItsExceptionHasNoSqlState() {
        // as Hibernate reports Agroal's timeout: JDBCConnectionException → SQLException without SQLSTATE
        SQLException timeout = new SQLException("Acquisition timeout while waiting for new connection");
        RuntimeException thrown = new RuntimeException("Unable to acquire JDBC Connection", timeout);

        Response response = new ProblemMappers().unexpected(thrown, null, null);

        assertEquals(503, response.getStatus());
        assertEquals("2", response.getHeaderString("Retry-After"));
        assertEquals(Problem.TYPE_BASE + "database-unavailable", ((Problem) response.getEntity()).type());
    }

    @Test
    void causesEndEvenWhenTheyLoop() {
        Exception first = new Exception("first");
        Exception second = new Exception("second", first);
        first.addSuppressed(second);
        assertEquals(List.of(second, first), ProblemMappers.causesOf(second));
    }

    @Test
    void onlyConnectionFailuresMeanTheDatabaseIsAway() {
        assertTrue(ProblemMappers.isDatabaseUnreachable(new SQLException("closed", "08003")));
        assertTrue(ProblemMappers.isDatabaseUnreachable(new SQLException("shutting down", "57P01")));
        assertFalse(ProblemMappers.isDatabaseUnreachable(new SQLException("duplicate key", "23505")));
        assertFalse(ProblemMappers.isDatabaseUnreachable(new SQLException("syntax", "42601")));
    }
}
