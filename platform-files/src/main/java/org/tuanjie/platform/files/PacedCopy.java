package org.tuanjie.platform.files;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Copies a download to the HTTP response no faster than the connection takes it: at most {@link #IN_FLIGHT}
 * pieces written and not yet handed to the socket. The JAX-RS output stream waits only while the connection
 * says its queue is full, and writes from a worker thread reach that queue later, through the event loop: a
 * worker reading from the database outruns a phone on a rural network, and ten such downloads held 75 MB of
 * direct buffers in a service of 128 MB (bench/files.sh), near the point where a write fails and the caller
 * gets a 200 cut short.
 *
 * <p>The response must announce its {@code Content-Length}: the pieces after the first go straight to it.
 */
public final class PacedCopy {

    /** One write: what a reader holds per download, times {@link #IN_FLIGHT}. */
    static final int PIECE = 64 * 1024;
    /** Writes under way at once: enough to keep a fast connection busy while the next piece is read. */
    static final int IN_FLIGHT = 4;
    /** A caller that takes nothing for this long is let go: a worker thread is not kept waiting for ever. */
    static final Duration STALL = Duration.ofSeconds(60);

    private PacedCopy() {
    }

    /**
     * Copies all of {@code in} to {@code response} without ending it. The first piece goes through {@code head},
     * the JAX-RS entity stream, which puts the status and headers on the response as it writes; the rest goes to
     * the response itself, each write waited for in turn. Both are written from this thread, in order.
     */
    public static void copy(InputStream in, OutputStream head, HttpServerResponse response) throws IOException {
        byte[] piece = new byte[PIECE];
        int first = in.readNBytes(piece, 0, PIECE);
        if (first == 0) {
            return;
        }
        head.write(piece, 0, first);
        head.flush();
        ArrayDeque<Future<Void>> pending = new ArrayDeque<>(IN_FLIGHT);
        for (int n; (n = in.readNBytes(piece, 0, PIECE)) > 0; ) {
            if (pending.size() == IN_FLIGHT) {
                await(pending.removeFirst(), response);
            }
            // a copy: the piece is read into again while this write is under way
            pending.addLast(response.write(Buffer.buffer(n).appendBytes(piece, 0, n)));
        }
        while (!pending.isEmpty()) {
            await(pending.removeFirst(), response);
        }
    }

    private static void await(Future<Void> write, HttpServerResponse response) throws IOException {
        try {
            write.toCompletionStage().toCompletableFuture().get(STALL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("the caller went away mid-download", e.getCause());
        } catch (TimeoutException e) {
            response.reset();
            throw new IOException("the caller took nothing for " + STALL.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted mid-download");
        }
    }
}
