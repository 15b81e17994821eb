package org.tuanjie.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
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

    record Target(@Min(1) Integer required) {
    }

    record Template(@Size(max = 1) List<@Size(max = 2) String> clauses, List<@Valid Target> targets,
            Map<String, @Valid Target> byCode) {
    }

    @Test
    void namesAFieldAsTheClientWroteIt() {
        try (ValidatorFactory factory = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
            Template template = new Template(List.of("ok", "too long"), List.of(new Target(1), new Target(0)),
                    Map.of("A1", new Target(-1)));
            List<String> fields = factory.getValidator().validate(template).stream().map(ProblemMappers::fieldName)
                    .sorted().toList();
            assertEquals(List.of("byCode[A1].required", "clauses", "clauses[1]", "targets[1].required"), fields);
        }
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
