package org.tuanjie.tasks.evidence;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import org.tuanjie.testing.S3ProxyServer;

/** tasks-service with its files in an S3-protocol store: S3Proxy, started for the run. */
public class S3Store implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Server.class));
    }

    public static class Server implements QuarkusTestResourceLifecycleManager {

        private S3ProxyServer server;

        @Override
        public Map<String, String> start() {
            server = S3ProxyServer.start("tuanjie-evidence");
            return Map.of("files.store", "s3",
                    "files.s3.endpoint", server.endpoint().toString(),
                    "files.s3.region", server.region(),
                    "files.s3.bucket", server.bucket(),
                    "files.s3.access-key", server.accessKey(),
                    "files.s3.secret-key", server.secretKey(),
                    "files.s3.create-bucket", "true");
        }

        @Override
        public void stop() {
            if (server != null) {
                server.close();
            }
        }
    }
}
