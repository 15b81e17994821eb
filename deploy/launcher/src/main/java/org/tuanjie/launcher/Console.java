package org.tuanjie.launcher;

/**
 * What the launcher tells the person at the terminal: one line per step, plain enough for a log.
 */
final class Console {

    private final long started = System.nanoTime();

    void step(String what) {
        System.out.printf("[%5.1fs] %s%n", (System.nanoTime() - started) / 1e9, what);
    }

    void ok(String what) {
        step("✓ " + what);
    }

    void fail(String what) {
        System.out.printf("[%5.1fs] ✗ %s%n", (System.nanoTime() - started) / 1e9, what);
    }

    void print(String text) {
        System.out.println(text);
    }
}
