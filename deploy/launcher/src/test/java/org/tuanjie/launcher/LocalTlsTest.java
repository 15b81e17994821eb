package org.tuanjie.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTlsTest {

    @TempDir
    Path state;

    @Test
    void certifiesTheAddressAPhoneOpensUnderOneAuthorityItInstallsOnce() throws Exception {
        LocalTls first = new LocalTls(state, "192.168.1.23").prepare();
        X509Certificate authority = first.authority();
        X509Certificate server = (X509Certificate) chain(first)[0];

        assertTrue(authority.getBasicConstraints() >= 0, "the authority is a CA, or a phone refuses to install it as one");
        server.verify(authority.getPublicKey()); // throws unless the authority signed it
        assertEquals(-1, server.getBasicConstraints(), "the server's certificate signs nothing else");
        assertTrue(server.getSubjectAlternativeNames().contains(List.of(7, "192.168.1.23")),
                "browsers match an address only against an IP subject alternative name: " + server.getSubjectAlternativeNames());
        assertTrue(server.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "for TLS servers");
        assertTrue(server.getNotAfter().getTime() - server.getNotBefore().getTime() <= 825L * 24 * 3600 * 1000,
                "phones refuse server certificates valid longer than 825 days");

        LocalTls moved = new LocalTls(state, "tuanjie.lan").prepare();
        assertArrayEquals(authority.getEncoded(), moved.authority().getEncoded(),
                "a new address keeps the authority the phone already trusts");
        X509Certificate renamed = (X509Certificate) chain(moved)[0];
        renamed.verify(authority.getPublicKey());
        assertTrue(renamed.getSubjectAlternativeNames().contains(List.of(2, "tuanjie.lan")), "a name is a DNS name");
        assertFalse(first.serverKeyPin().equals(moved.serverKeyPin()), "each address has its own key");
        assertTrue(Files.exists(first.serverStore()), "the first address's store stays for when the machine is back there");
    }

    @Test
    void tellsAddressesFromNames() {
        assertTrue(LocalTls.isAddress("10.0.0.7"));
        assertTrue(LocalTls.isAddress("fd00::2"));
        assertFalse(LocalTls.isAddress("county.example"));
        assertFalse(LocalTls.isAddress("300.1.1"), "not an address, so not resolved as one either");
    }

    private static Certificate[] chain(LocalTls tls) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.serverStore())) {
            store.load(in, LocalTls.PASSWORD.toCharArray());
        }
        assertEquals(List.of("server"), java.util.Collections.list(store.aliases()), "only the server's key: no authority key beside it");
        return store.getCertificateChain("server");
    }
}
