package org.tuanjie.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code deploy/run-local.sh}: starts the suite, loads the demo county the first time, prints where to
 * go, and stops everything on Ctrl-C. With {@code --e2e}: a fresh database, the end-to-end proof, then
 * everything stopped, pass or fail (exit status = failed checks). With {@code --realm production}: Keycloak
 * imports the production realm (no users, no password grant, audience checked), and no demo data is loaded.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        boolean e2e = List.of(args).contains("--e2e");
        int realmArg = List.of(args).indexOf("--realm");
        boolean production = realmArg >= 0 && realmArg + 1 < args.length && args[realmArg + 1].equals("production");
        Path root = Path.of("").toAbsolutePath();
        String stateDir = System.getenv("TUANJIE_STATE");
        Path state = e2e ? Files.createTempDirectory("tuanjie-e2e")
                : stateDir == null ? root.resolve(".local") : Path.of(stateDir).toAbsolutePath();
        Console console = new Console();
        Suite.Settings settings = Suite.Settings.fromEnvironment();
        if (production) {
            if (e2e) {
                console.fail("--e2e drives the demo users: it runs with the demo realm only");
                System.exit(2);
            }
            settings = settings.withRealm(Suite.Settings.Realm.PRODUCTION);
        }
        Suite suite = new Suite(root, state, console, settings);
        if (e2e && settings.embeddedPostgres()) {
            // the run ends with a backup and restore of its databases (EndToEnd.backupAndRestore)
            suite.archiveWal(state.resolve("wal-archive"));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(suite::stop));
        int status = 0;
        try {
            suite.start();
            Api api = new Api("http://127.0.0.1:" + Suite.GATEWAY_PORT, settings.issuer(), settings.publicIssuer());
            if (production) {
                productionWelcome(console, settings);
                suite.awaitShutdown();
            } else {
                DemoData demo = new DemoData(api, console);
                demo.loadIfMissing();
                if (e2e) {
                    status = new EndToEnd(api, demo, console, suite).run() == 0 ? 0 : 1;
                } else {
                    welcome(console, settings);
                    suite.awaitShutdown();
                }
            }
        } catch (StartupFailure e) {
            console.fail(e.getMessage());
            status = 2;
        } catch (RuntimeException e) {
            console.fail(e.getMessage());
            console.print("Logs: " + state.resolve("logs"));
            status = 1;
        } finally {
            if (e2e || status != 0) {
                suite.stop();
            }
            if (e2e) {
                Suite.deleteRecursively(state);
            }
        }
        System.exit(status);
    }

    private static void productionWelcome(Console console, Suite.Settings settings) {
        console.print("""

                Tuanjie is running with the production realm (deploy/keycloak/realm-unity-production.json): no users,
                no password grant, brute-force protection, 5-minute access tokens, tokens for audience tuanjie-api only.

                  Swagger UI        http://127.0.0.1:%d/q/swagger-ui
                  Keycloak console  http://127.0.0.1:%d/admin   (admin/admin), realm unity

                Create the first county admin in the console: a user with attribute unit_code (the county's code)
                and realm role admin; the admin records the other people with their accounts through
                POST /api/v1/units/{id}/people. Give the clients tasks-service and agreements-service the secret in
                UNIT_FEED_CLIENT_SECRET, or the unit feed is refused (it logs why), and units-service's client its
                secret in UNITS_ACCOUNTS_CLIENT_SECRET, or no account can be created.
                Swagger UI's and the field app's logins return only to the realm's example domain: add your address to
                the clients swagger-ui and mobile-app.
                No demo data is loaded. Ctrl-C stops everything.
                """.formatted(Suite.GATEWAY_PORT, settings.keycloakPort()));
    }

    private static void welcome(Console console, Suite.Settings settings) {
        String token = settings.issuer() + "/protocol/openid-connect/token";
        console.print("""

                Tuanjie is running.

                  Field app         http://127.0.0.1:8080/app/   (a phone-sized web app: log in as education-liaison,
                                    education-leader or inspector-li; from a phone, see the README's "The field app")
                  Dashboard         http://127.0.0.1:8080/dashboard/   (the county at a glance: log in as office-admin;
                                    ?screen=large for the office wall)
                  Swagger UI        http://127.0.0.1:8080/q/swagger-ui   ("Authorize" logs in at Keycloak, client swagger-ui)
                  API (gateway)     http://127.0.0.1:8080/api/v1/...
                  Suite health      http://127.0.0.1:9080/q/health/ready   (the gateway's management port; metrics at /q/metrics)
                  Keycloak          %s   (console: http://127.0.0.1:%d/admin, admin/admin)
                  Logs and data     .local/

                Demo users (password demo-2026), realm unity: office-admin is in the realm file; the demo loader recorded
                the others as people of their units (POST /api/v1/units/{id}/people), which created their accounts:
                  office-admin        admin         德格县 创建办 (513330000000)
                  inspector-zhang     inspector     德格县 督查组
                  inspector-li        inspector     德格县 督查组 (a second inspector, to sign off)
                  auditor-wang        auditor       德格县 纪检/审计
                  township-liaison    unit-liaison  更庆镇 (513330100000)
                  township-leader     unit-leader   更庆镇
                  township-admin      admin         更庆镇 创建办: manages what lies below the township, acts for nobody above it
                  education-liaison   unit-liaison  县教育局 (11513330MB00000020)
                  education-leader    unit-leader   县教育局
                  united-front-liaison unit-liaison 县委统战部 (11513330MB0000001W)
                  other-auditor       auditor       麦宿镇 (513330101000): sees only its own township
                  client county-platform / county-platform-demo-secret: client credentials, role integration

                Try it:
                  TOKEN=$(curl -s -d grant_type=password -d client_id=tuanjie-cli -d username=auditor-wang \\
                      -d password=demo-2026 %s | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
                  curl -s -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8080/api/v1/figures/townships

                Ctrl-C stops everything.
                """.formatted(settings.issuer(), settings.keycloakPort(), token).replace(":8080/", ":" + Suite.GATEWAY_PORT + "/"));
        if (settings.isPublic()) {
            console.print("""
                    On a phone on the same network (TUANJIE_PUBLIC_HOST=%1$s):
                      1. install .local/tls/tuanjie-local-ca.crt on it as a CA certificate (Android: Settings → Security →
                         Encryption & credentials → Install a certificate → CA certificate; iOS: open it, install the
                         profile, then trust it under General → About → Certificate Trust Settings)
                      2. open %2$s/app/   (Keycloak answers at %3$s)
                    """.formatted(settings.publicHost(), settings.gatewayUrl(), settings.publicIssuer()));
        }
    }
}
