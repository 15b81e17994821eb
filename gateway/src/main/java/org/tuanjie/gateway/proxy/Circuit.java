package org.tuanjie.gateway.proxy;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One service's circuit breaker, as the gateway sees that service's transport: a connection refused
 * or dropped, or no answer in time, is a failure; any HTTP answer, whatever its status, is a success
 * (a service answering 503 is alive and says so itself).
 * <p>
 * Closed: calls go through; {@code threshold} failures in a row open it. Open: calls are refused at
 * once for {@code openFor}. Then half-open: one call is let through as a trial; its success closes the
 * circuit, its failure opens it again. A trial that never reports back (it should: every call is
 * bounded in time) stops counting after {@code openFor}, so a circuit cannot stay half-open for ever.
 * <p>
 * The closed, healthy path reads one volatile field; only transitions take the lock.
 */
public final class Circuit {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** Told of every change of state, outside the lock: the gateway logs it. */
    public interface Listener {
        void changed(State from, State to, int failures);
    }

    private final int threshold;
    private final long openForNanos;
    private final LongSupplier nanoClock;
    private final Listener listener;

    private volatile State state = State.CLOSED;
    private volatile int failures;
    private long openedAt;
    private long trialStartedAt;
    private boolean trialInFlight;

    public Circuit(int threshold, long openForMillis, LongSupplier nanoClock, Listener listener) {
        if (threshold < 1 || openForMillis < 1) {
            throw new IllegalArgumentException("threshold and open time must be positive");
        }
        this.threshold = threshold;
        this.openForNanos = TimeUnit.MILLISECONDS.toNanos(openForMillis);
        this.nanoClock = nanoClock;
        this.listener = listener;
    }

    public State state() {
        return state;
    }

    /**
     * Whether a call may go ahead now: 0 if so (it must then report {@link #succeeded()} or
     * {@link #failed()}), else the milliseconds until a call may be tried again (at least 1).
     */
    public long tryAcquire() {
        if (state == State.CLOSED) {
            return 0;
        }
        State before;
        State after;
        long wait;
        synchronized (this) {
            before = state;
            long now = nanoClock.getAsLong();
            if (state == State.OPEN && now - openedAt >= openForNanos) {
                state = State.HALF_OPEN;
                trialInFlight = false;
            }
            if (state == State.HALF_OPEN && (!trialInFlight || now - trialStartedAt >= openForNanos)) {
                trialInFlight = true;
                trialStartedAt = now;
                wait = 0;
            } else if (state == State.CLOSED) {
                wait = 0;
            } else {
                long until = state == State.OPEN ? openedAt + openForNanos : trialStartedAt + openForNanos;
                wait = Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - now));
            }
            after = state;
        }
        notify(before, after);
        return wait;
    }

    /** The call got an HTTP answer. */
    public void succeeded() {
        if (state == State.CLOSED && failures == 0) {
            return;
        }
        State before;
        synchronized (this) {
            before = state;
            failures = 0;
            state = State.CLOSED;
            trialInFlight = false;
        }
        notify(before, State.CLOSED);
    }

    /** The call's connection was refused or dropped, or it was not answered in time. */
    public void failed() {
        State before;
        State after;
        synchronized (this) {
            before = state;
            int count = ++failures;
            if (state == State.HALF_OPEN || (state == State.CLOSED && count >= threshold)) {
                state = State.OPEN;
                openedAt = nanoClock.getAsLong();
                trialInFlight = false;
            }
            after = state;
        }
        notify(before, after);
    }

    private void notify(State before, State after) {
        if (before != after) {
            listener.changed(before, after, failures);
        }
    }
}
