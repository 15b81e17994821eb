package org.tuanjie.gateway.security;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Redis server of the test's own (Debian's {@code redis-server}, on a free port, keeping nothing on disk), so that
 * the shared rate limits are tested against real Redis without touching anyone else's. Without the binary, the
 * machine's Redis on 6379 is used.
 */
public class PrivateRedis implements QuarkusTestResourceLifecycleManager {

    static volatile int port;
    private static Process server;

    @Override
    public Map<String, String> start() {
        Path binary = Path.of("/usr/bin/redis-server");
        if (Files.isExecutable(binary)) {
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            try {
                server = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                        "--save", "", "--appendonly", "no").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        } else {
            port = 6379;
        }
        for (int i = 0; i < 100 && !answers(); i++) {
            sleep(50);
        }
        if (!answers()) {
            throw new IllegalStateException("no Redis answered on 127.0.0.1:" + port);
        }
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + port);
    }

    /** Stops the server, as an outage would (only one this resource started). */
    static void stopServer() {
        if (server != null) {
            server.destroy();
            try {
                server.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    static boolean started() {
        return server != null;
    }

    @Override
    public void stop() {
        stopServer();
    }

    private static boolean answers() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int read = in.read(reply);
            return read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
