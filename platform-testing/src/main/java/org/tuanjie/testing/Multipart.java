package org.tuanjie.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One-file {@code multipart/form-data} bodies with their length known, as browsers and phone HTTP
 * clients send an upload (rest-assured's own multipart goes chunked, which the suite refuses with 411).
 */
public final class Multipart {

    public static final String BOUNDARY = "tuanjie-test-boundary-7MA4YWxk";
    public static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private Multipart() {
    }

    /** The body of a form whose field {@code file} carries {@code bytes} under {@code name}, claimed to be {@code claimedType}. */
    public static byte[] file(String name, byte[] bytes, String claimedType) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + claimedType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** A form with no field at all. */
    public static byte[] empty() {
        return ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
