package org.tuanjie.platform.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    private static StoredFile named(String name) {
        return new StoredFile(UUID.randomUUID(), name, 1, 1, StoredFile.State.STORED, "postgres", FileType.PDF, "00",
                "u", "x", Instant.now(), Instant.now(), null, null, false, null, null, null);
    }

    @Test
    void givesOldClientsAnAsciiNameAndTheRestTheUtf8OneAsRfc6266Says() {
        assertEquals("attachment; filename=\"_____.pdf\"; filename*=UTF-8''%E6%95%B4%E6%94%B9%E6%8A%A5%E5%91%8A%E4%B9%A6.pdf",
                FileEndpoints.disposition(named("整改报告书.pdf")));
        assertEquals("attachment; filename=\"a_b;.pdf\"; filename*=UTF-8''a%22b%3B.pdf",
                FileEndpoints.disposition(named("a\"b;.pdf")));
    }

    @Test
    void keepsNoPathNorControlCharactersOfAnUploadedName() {
        assertEquals("photo.jpg", FileEndpoints.name("C:\\Users\\扎西\\photo.jpg"));
        assertEquals("photo.jpg", FileEndpoints.name("../../etc/photo.jpg"));
        assertEquals("ab.jpg", FileEndpoints.name("a\u0000b\n.jpg"));
        assertEquals("upload", FileEndpoints.name("  "));
        assertEquals(255, FileEndpoints.name("x".repeat(400)).length());
    }

    @Test
    void readsTheFileNameOfTusMetadata() {
        String encoded = Base64.getEncoder().encodeToString("宣传栏.jpg".getBytes(StandardCharsets.UTF_8));
        assertEquals("宣传栏.jpg", FileEndpoints.metadataName("filetype aW1hZ2UvanBlZw==,filename " + encoded));
        assertEquals("upload", FileEndpoints.metadataName(null));
        assertEquals("upload", FileEndpoints.metadataName("is_confidential"));
    }
}
