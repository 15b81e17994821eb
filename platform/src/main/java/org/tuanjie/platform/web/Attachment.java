package org.tuanjie.platform.web;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of a download (RFC 6266): an ASCII name for old clients, and the real one, Chinese
 * included, encoded as RFC 8187 says, for the rest.
 */
public final class Attachment {

    private Attachment() {
    }

    /** A part of a file's name (a unit, a title) with what file systems refuse or split on made "_". */
    public static String namePart(String text) {
        return text.replaceAll("[\\\\/:*?\"<>|\\s]+", "_");
    }

    /** @param name the real name (整改台账_德格县_2026-12-03.xlsx); its ASCII fallback is made from it */
    public static String disposition(String name) {
        return disposition(name.replaceAll("[^\\x20-\\x7e]", "_"), name);
    }

    /** @param ascii the fallback for clients that read only {@code filename} */
    public static String disposition(String ascii, String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return "attachment; filename=\"" + ascii.replace("\"", "_").replace("\\", "_") + "\"; filename*=UTF-8''" + encoded;
    }
}
