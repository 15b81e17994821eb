package org.tuanjie.gateway.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The field app as the gateway serves it: its shell, where it logs in, and the promises the shell makes to a phone:
 * everything it loads is in the service worker's cache list (so it opens offline), and all of it fits the 200 KB
 * (gzipped) budget of a first visit on a weak network.
 */
@QuarkusTest
class FieldAppTest {

    private static final Path APP = Path.of("src/main/resources/META-INF/resources/app");
    private static final long BUDGET = 200 * 1024;

    @Test
    void servesTheAppUnderItsSlashedPath() {
        given().redirects().follow(false).get("/app").then().statusCode(301).header("Location", endsWith("/app/"));
        given().get("/app/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<script type=\"module\" src=\"js/main.js\">"))
                .body(containsString("<link rel=\"manifest\" href=\"manifest.json\">"));
        given().get("/app/manifest.json").then().statusCode(200).body("start_url", equalTo("/app/"))
                .body("scope", equalTo("/app/")).body("display", equalTo("standalone"))
                // installable on a phone's home screen: PNG icons of 192 and 512 pixels, served
                .body("icons.findAll { it.type == 'image/png' }.sizes", org.hamcrest.Matchers.hasItems("192x192", "512x512"));
        for (String icon : new String[] {"icon-192.png", "icon-512.png"}) {
            given().get("/app/" + icon).then().statusCode(200).contentType("image/png");
        }
    }

    @Test
    void letsTheAppRunOnlyItsOwnScriptsAndTalkOnlyToTheGatewayAndItsLogin() {
        String issuer = ConfigProvider.getConfig().getValue("gateway.login.issuer", String.class);
        for (String path : new String[] {"/app/", "/app/js/main.js"}) {
            String policy = given().get(path).then().statusCode(200).extract().header("Content-Security-Policy");
            org.junit.jupiter.api.Assertions.assertNotNull(policy, path);
            assertTrue(policy.contains("script-src 'self';") && policy.contains("connect-src 'self' " + issuer + "/;")
                    && policy.contains("frame-ancestors 'none'"), path + ": " + policy);
        }
    }

    @Test
    void tellsTheAppWhereToLogInWithoutAToken() {
        String issuer = ConfigProvider.getConfig().getValue("gateway.login.issuer", String.class);
        given().get("/app/config.json").then().statusCode(200).header("Cache-Control", containsString("no-store"))
                .body("issuer", equalTo(issuer)).body("clientId", equalTo("mobile-app"));
    }

    @Test
    void theServiceWorkerKeepsEveryFileOfTheShell() throws IOException {
        Set<String> shell = shellFiles();
        Set<String> onDisk;
        try (Stream<Path> files = Files.walk(APP)) {
            onDisk = files.filter(Files::isRegularFile).map(f -> APP.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !f.equals("sw.js")).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> listed = new TreeSet<>(shell);
        listed.remove("./");
        assertEquals(onDisk, listed, "sw.js caches exactly the app's files (a module left out would not load offline)");
        Pattern imports = Pattern.compile("from '(\\.{1,2}/[^']+)'|import\\('(\\.{1,2}/[^']+)'\\)");
        for (String file : onDisk.stream().filter(f -> f.endsWith(".js")).toList()) {
            Matcher m = imports.matcher(Files.readString(APP.resolve(file)));
            while (m.find()) {
                String target = Path.of(file).resolveSibling(m.group(1) != null ? m.group(1) : m.group(2)).normalize().toString();
                assertTrue(onDisk.contains(target), file + " imports " + target + ", which the app does not have");
            }
        }
    }

    @Test
    void theShellFitsTheFirstVisitBudget() throws IOException {
        long total = 0;
        for (String file : shellFiles()) {
            Response served = given().get("/app/" + (file.equals("./") ? "" : file));
            served.then().statusCode(200);
            total += gzipped(served.asByteArray());
        }
        assertTrue(total > 10 * 1024 && total <= BUDGET, "the app shell is " + total + " bytes gzipped; the budget is " + BUDGET);
    }

    private static Set<String> shellFiles() throws IOException {
        String worker = Files.readString(APP.resolve("sw.js"));
        Matcher list = Pattern.compile("const FILES = \\[([^\\]]+)\\]").matcher(worker);
        assertTrue(list.find(), "sw.js names its FILES");
        return Pattern.compile("'([^']+)'").matcher(list.group(1)).results().map(r -> r.group(1))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static long gzipped(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.size();
    }
}
