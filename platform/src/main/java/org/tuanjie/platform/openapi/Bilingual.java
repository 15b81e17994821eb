package org.tuanjie.platform.openapi;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Every summary and description in Chinese and English: the code says each once, in one language, and the
 * module's catalogue ({@code META-INF/openapi/translations.json}: text → its translation, read from every
 * jar on the class path) gives the other. The contract shows the Chinese first, the language of the
 * suite's users, then the English: {@code 派发整改任务 · Assign a rectification task} for a summary, two
 * paragraphs for a description. A text already in both languages maps to an empty translation.
 * A text without a translation stays as it is; the contract tests list it ({@link #rendered}).
 */
public final class Bilingual {

    static final String CATALOGUE = "META-INF/openapi/translations.json";
    static final String SUMMARY_SEPARATOR = " · ";
    static final String DESCRIPTION_SEPARATOR = "\n\n";

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");

    private final Map<String, String> translations;

    Bilingual(Map<String, String> translations) {
        this.translations = translations;
    }

    public static Bilingual fromClassPath() {
        Map<String, String> all = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Enumeration<URL> catalogues = loader.getResources(CATALOGUE);
            while (catalogues.hasMoreElements()) {
                try (InputStream in = catalogues.nextElement().openStream()) {
                    all.putAll(json.readValue(in, new TypeReference<Map<String, String>>() { }));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a translation catalogue cannot be read", e);
        }
        return new Bilingual(all);
    }

    /** How Chinese a text reads: its Han characters less its Latin words (field names and roles count as English). */
    private static int chineseness(String text) {
        return count(HAN, text) - count(LATIN_WORD, text);
    }

    /**
     * Whether a rendered text says it in both languages: the catalogue's pair, Chinese then English, or a text the
     * catalogue marks as already bilingual (an empty translation).
     */
    public boolean rendered(String text, boolean summary) {
        if (text == null || text.isBlank() || "".equals(translations.get(text))) {
            return true;
        }
        String separator = summary ? SUMMARY_SEPARATOR : DESCRIPTION_SEPARATOR;
        for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, at + 1)) {
            String first = text.substring(0, at);
            String second = text.substring(at + separator.length());
            if (first.equals(translations.get(second)) || second.equals(translations.get(first))) {
                return true;
            }
        }
        return false;
    }

    private static int count(Pattern pattern, String text) {
        int n = 0;
        for (Matcher m = pattern.matcher(text); m.find(); ) {
            n++;
        }
        return n;
    }

    String summary(String text) {
        return render(text, SUMMARY_SEPARATOR);
    }

    String description(String text) {
        return render(text, DESCRIPTION_SEPARATOR);
    }

    private String render(String text, String separator) {
        if (text == null || text.isBlank()) {
            return text;
        }
        String other = translations.get(text);
        if (other == null || other.isBlank()) {
            return text;
        }
        return chineseness(other) > chineseness(text) ? other + separator + text : text + separator + other;
    }

    void apply(OpenAPI openAPI) {
        // the service's description, from its configuration: Quarkus' own info-description would be set after the
        // filters, in one language
        org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue("platform.openapi.description", String.class)
                .ifPresent(text -> {
                    if (openAPI.getInfo() == null) {
                        openAPI.setInfo(org.eclipse.microprofile.openapi.OASFactory.createInfo());
                    }
                    openAPI.getInfo().setDescription(text);
                });
        if (openAPI.getInfo() != null) {
            openAPI.getInfo().setDescription(description(openAPI.getInfo().getDescription()));
        }
        if (openAPI.getTags() != null) {
            openAPI.getTags().forEach(tag -> tag.setDescription(description(tag.getDescription())));
        }
        Walk.schemas(openAPI, schema -> schema.setDescription(description(schema.getDescription())));
        if (openAPI.getComponents() != null) {
            var components = openAPI.getComponents();
            if (components.getHeaders() != null) {
                components.getHeaders().values().forEach(h -> {
                    h.setDescription(description(h.getDescription()));
                });
            }
            if (components.getSecuritySchemes() != null) {
                components.getSecuritySchemes().values().forEach(s -> s.setDescription(description(s.getDescription())));
            }
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getParameters() != null) {
                item.getParameters().forEach(p -> {
                    p.setDescription(description(p.getDescription()));
                });
            }
            item.getOperations().values().forEach(operation -> {
                operation.setSummary(summary(operation.getSummary()));
                operation.setDescription(description(operation.getDescription()));
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(p -> {
                        p.setDescription(description(p.getDescription()));
                    });
                }
                if (operation.getRequestBody() != null) {
                    operation.getRequestBody().setDescription(description(operation.getRequestBody().getDescription()));
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(response -> {
                        response.setDescription(description(response.getDescription()));
                        if (response.getHeaders() != null) {
                            response.getHeaders().values().forEach(h -> {
                                if (h.getRef() == null) {
                                    h.setDescription(description(h.getDescription()));
                                }
                            });
                        }
                    });
                }
            });
        });
    }
}
