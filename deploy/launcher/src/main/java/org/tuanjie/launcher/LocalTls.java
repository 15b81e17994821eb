package org.tuanjie.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * HTTPS for a phone on the same network. A phone's browser gives service workers and WebCrypto only to https (or
 * localhost), so the gateway and Keycloak answer at the machine's address with a certificate from a certificate
 * authority made on this machine, once: the person installs that authority's certificate on the phone, as with
 * mkcert, and every later start (even at a new address) is trusted. The authority's key never leaves the state folder.
 * Made with the JDK's keytool, so nothing beyond a JDK is needed.
 */
final class LocalTls {

    /** The stores live in the state folder only, readable by the person running the suite; the password guards nothing more. */
    static final String PASSWORD = "tuanjie-local";
    private static final String VALIDITY_DAYS = "825"; // the longest a phone accepts for a server certificate

    private final Path folder;
    private final String host;

    LocalTls(Path state, String host) {
        this.folder = state.resolve("tls");
        this.host = host;
    }

    /** The server's key and certificate chain (PKCS#12), for the gateway and Keycloak. */
    Path serverStore() {
        return folder.resolve("server-" + host.replaceAll("[^A-Za-z0-9.-]", "_") + ".p12");
    }

    /** The certificate to install on the phone (PEM; Android and iOS both take it as a CA certificate). */
    Path authorityCertificate() {
        return folder.resolve("tuanjie-local-ca.crt");
    }

    /** Makes the authority on the first start, and a server certificate for this host when there is none yet. */
    LocalTls prepare() throws IOException {
        Files.createDirectories(folder);
        Path authority = folder.resolve("ca.p12");
        if (!Files.exists(authority)) {
            keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650",
                    "-dname", "CN=Tuanjie local CA, O=Tuanjie (this machine only)", "-ext", "bc:c", "-ext", "KU:c=keyCertSign,cRLSign",
                    "-keystore", authority.toString());
            keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", authority.toString(), "-file",
                    authorityCertificate().toString());
        }
        Path server = serverStore();
        if (!Files.exists(server)) {
            Path request = folder.resolve("server.csr");
            Path signed = folder.resolve("server.crt");
            Path partial = folder.resolve("server.p12.partial");
            Files.deleteIfExists(partial);
            keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", VALIDITY_DAYS,
                    "-dname", "CN=" + host, "-keystore", partial.toString());
            keytool("-certreq", "-alias", "server", "-keystore", partial.toString(), "-file", request.toString());
            keytool("-gencert", "-alias", "ca", "-keystore", authority.toString(), "-infile", request.toString(), "-outfile",
                    signed.toString(), "-rfc", "-validity", VALIDITY_DAYS, "-ext", "SAN=" + subjectAlternativeNames(),
                    "-ext", "KU:c=digitalSignature", "-ext", "EKU=serverAuth");
            // the reply is chained through the authority, which keytool must know for that moment only
            keytool("-importcert", "-noprompt", "-alias", "ca", "-file", authorityCertificate().toString(), "-keystore",
                    partial.toString());
            keytool("-importcert", "-noprompt", "-alias", "server", "-file", signed.toString(), "-keystore", partial.toString());
            keytool("-delete", "-alias", "ca", "-keystore", partial.toString());
            Files.delete(request);
            Files.delete(signed);
            Files.move(partial, server);
        }
        return this;
    }

    /** The host by address or by name, and this machine's loopback names, so one certificate serves both. */
    String subjectAlternativeNames() {
        List<String> names = new ArrayList<>();
        names.add((isAddress(host) ? "ip:" : "dns:") + host);
        names.add("dns:localhost");
        names.add("ip:127.0.0.1");
        return String.join(",", names);
    }

    /** The base64 SHA-256 of the server key, for a browser told to trust exactly that key (the end-to-end run's). */
    String serverKeyPin() throws IOException {
        try (InputStream in = Files.newInputStream(serverStore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            Certificate certificate = store.getCertificate("server");
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot read " + serverStore() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Lets this process (the demo loader and the end-to-end run follow Keycloak's pages, which point at the public
     * address) trust the local authority beside the JDK's own.
     */
    void trustInThisProcess() throws IOException {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            try (InputStream in = Files.newInputStream(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"))) {
                trusted.load(in, null);
            }
            trusted.setCertificateEntry("tuanjie-local-ca", authority());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            SSLContext.setDefault(context);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot trust the local authority: " + e.getMessage(), e);
        }
    }

    /** The authority's certificate, to check a chain against. */
    X509Certificate authority() throws IOException {
        try (InputStream in = Files.newInputStream(authorityCertificate())) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot read " + authorityCertificate() + ": " + e.getMessage(), e);
        }
    }

    /** Whether the host is written as an IPv4 or IPv6 address (never looked up: a name stays a name). */
    static boolean isAddress(String host) {
        if (host.contains(":")) {
            return host.matches("[0-9A-Fa-f:.]+");
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (!part.matches("[0-9]{1,3}") || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private void keytool(String... arguments) throws IOException {
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Path keytool = java.getParent() == null ? Path.of("keytool") : java.getParent().resolve("keytool");
        List<String> command = new ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new StartupFailure("keytool " + arguments[0] + " failed while making the local certificates: " + output.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailure("Interrupted while making the local certificates");
        }
    }
}
