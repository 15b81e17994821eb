package org.tuanjie.platform.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void sortsMembersByUtf16CodeUnitsAndDropsWhiteSpace() throws Exception {
        // RFC 8785 section 3.2.3's ordering example, keys only
        String input = "{\"\\u20ac\": 1, \"\\r\": 2, \"\\ud83d\\ude00\": 3, \"1\": 4, \"\\u0080\": 5, \"\\u00f6\": 6, \"\\ufb33\": 7}";
        assertEquals("{\"\\r\":2,\"1\":4,\"\u0080\":5,\"\u00f6\":6,\"\u20ac\":1,\"\ud83d\ude00\":3,\"\ufb33\":7}",
                CanonicalJson.of(json.readTree(input)));
    }

    @Test
    void escapesOnlyWhatJsonRequires() throws Exception {
        assertEquals("{\"a\":\"民族团结\\n\\\"一家亲\\\"\\u001f\"}",
                CanonicalJson.of(json.readTree("{ \"a\" : \"民族团结\\n\\\"一家亲\\\"\\u001F\" }")));
    }

    @Test
    void keepsNestedStructureAndIntegers() throws Exception {
        assertEquals("{\"targets\":[{\"code\":\"T1\",\"weight\":40}],\"year\":2026}",
                CanonicalJson.of(json.readTree("{\"year\":2026,\"targets\":[{\"weight\":40,\"code\":\"T1\"}]}")));
    }

    @Test
    void refusesFractionsRatherThanGuessTheirForm() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.of(json.readTree("{\"w\": 0.1}")));
    }

    @Test
    void hashesTheUtf8Bytes() {
        // sha256("{}")
        assertEquals("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", CanonicalJson.sha256("{}"));
    }
}
