package org.tuanjie.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.tuanjie.gateway.proxy.Circuit.State;

class CircuitTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<String> changes = new ArrayList<>();
    private final Circuit circuit = new Circuit(3, 5_000, now::get, (from, to, failures) -> changes.add(from + ">" + to + "@" + failures));

    private void advanceMillis(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertEquals(0, circuit.tryAcquire());
            circuit.failed();
        }
    }

    @Test
    void opensOnlyAfterTheThresholdOfFailuresInARow() {
        fail(2);
        assertEquals(0, circuit.tryAcquire());
        circuit.succeeded(); // an answer in between: the count starts again
        fail(2);
        assertEquals(State.CLOSED, circuit.state());
        fail(1);
        assertEquals(State.OPEN, circuit.state());
        assertEquals(List.of("CLOSED>OPEN@3"), changes);
    }

    @Test
    void anOpenCircuitRefusesAtOnceAndSaysForHowLong() {
        fail(3);
        assertEquals(5_000, circuit.tryAcquire());
        advanceMillis(3_200);
        assertEquals(1_800, circuit.tryAcquire());
        advanceMillis(1_799);
        assertEquals(1, circuit.tryAcquire());
        assertEquals(State.OPEN, circuit.state());
    }

    @Test
    void afterTheOpenTimeOneTrialGoesThroughAndItsSuccessCloses() {
        fail(3);
        advanceMillis(5_000);
        assertEquals(0, circuit.tryAcquire(), "the trial");
        assertEquals(State.HALF_OPEN, circuit.state());
        assertEquals(5_000, circuit.tryAcquire(), "others wait while the trial is out");
        circuit.succeeded();
        assertEquals(State.CLOSED, circuit.state());
        assertEquals(0, circuit.tryAcquire());
        assertEquals(List.of("CLOSED>OPEN@3", "OPEN>HALF_OPEN@3", "HALF_OPEN>CLOSED@0"), changes);
        fail(2);
        assertEquals(State.CLOSED, circuit.state(), "closing started the count again");
    }

    @Test
    void aFailedTrialOpensAgainForTheWholeTime() {
        fail(3);
        advanceMillis(6_000);
        assertEquals(0, circuit.tryAcquire());
        circuit.failed();
        assertEquals(State.OPEN, circuit.state());
        assertEquals(5_000, circuit.tryAcquire());
        assertEquals(List.of("CLOSED>OPEN@3", "OPEN>HALF_OPEN@3", "HALF_OPEN>OPEN@4"), changes);
    }

    @Test
    void aTrialThatNeverReportsIsReplacedAfterTheOpenTime() {
        fail(3);
        advanceMillis(5_000);
        assertEquals(0, circuit.tryAcquire());
        advanceMillis(4_999);
        assertEquals(1, circuit.tryAcquire());
        advanceMillis(1);
        assertEquals(0, circuit.tryAcquire(), "a second trial");
        assertEquals(State.HALF_OPEN, circuit.state());
    }

    @Test
    void lateAnswersOfCallsMadeBeforeOpeningDoNotReopenTheTimer() {
        fail(3);
        advanceMillis(4_000);
        circuit.failed(); // a call started while closed, failing late
        assertEquals(1_000, circuit.tryAcquire());
    }

    @Test
    void thresholdAndTimeMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Circuit(0, 1, now::get, (a, b, c) -> { }));
        assertThrows(IllegalArgumentException.class, () -> new Circuit(1, 0, now::get, (a, b, c) -> { }));
    }
}
