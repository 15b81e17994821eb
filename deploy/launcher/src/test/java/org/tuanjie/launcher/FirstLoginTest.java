package org.tuanjie.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parts of a first login that read Keycloak's pages; the flow itself runs against Keycloak in the end-to-end check. */
class FirstLoginTest {

    @Test
    void readsTheMessageOfKeycloaksLoginPage() {
        String page = """
                <div class="pf-v5-c-form__helper-text" aria-live="polite">
                    <div class="pf-v5-c-helper-text__item pf-m-error" id="input-error-username">
                        <span class="pf-v5-c-helper-text__item-text">
                            Invalid username or password.
                        </span>""";
        assertEquals("Invalid username or password.", FirstLogin.message(page));
    }

    @Test
    void readsTheMessageOfKeycloaksErrorPage() {
        String page = "<div id=\"kc-error-message\">\n  <p class=\"instruction\">Invalid parameter: redirect_uri</p>";
        assertEquals("Invalid parameter: redirect_uri", FirstLogin.message(page));
    }

    @Test
    void findsNoMessageOnAPageWithout() {
        assertNull(FirstLogin.message("<form id=\"kc-passwd-update-form\" action=\"x\" method=\"post\">"));
    }

    @Test
    void unescapesTheFormActionAsABrowserWould() {
        assertEquals("http://127.0.0.1:18080/realms/unity/login-actions/authenticate?session_code=a&execution=b&client_id=mobile-app",
                FirstLogin.unescape("http://127.0.0.1:18080/realms/unity/login-actions/authenticate?session_code=a&amp;execution=b"
                        + "&#38;client_id=mobile-app"));
    }

    @Test
    void sendsSecureCookiesBackToTheLoopbackAddressOnly() throws Exception {
        CookieManager jar = new CookieManager();
        var handler = FirstLogin.loopbackCountsAsSecure(jar);
        URI keycloak = URI.create("http://127.0.0.1:18080/realms/unity/protocol/openid-connect/auth");
        handler.put(keycloak, Map.of("Set-Cookie", List.of("KC_RESTART=abc;Version=1;Path=/realms/unity/;Secure;HttpOnly")));
        assertTrue(handler.get(URI.create("http://127.0.0.1:18080/realms/unity/login-actions/authenticate"), Map.of())
                .getOrDefault("Cookie", List.of()).toString().contains("KC_RESTART"), "sent back to Keycloak on 127.0.0.1");

        URI remote = URI.create("http://keycloak.example.org/realms/unity/protocol/openid-connect/auth");
        handler.put(remote, Map.of("Set-Cookie", List.of("KC_RESTART=abc;Version=1;Path=/realms/unity/;Secure;HttpOnly")));
        assertTrue(handler.get(URI.create("http://keycloak.example.org/realms/unity/login-actions/authenticate"), Map.of())
                .getOrDefault("Cookie", List.of()).isEmpty(), "a Secure cookie never goes over plain http elsewhere");
    }
}
