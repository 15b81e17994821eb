package org.tuanjie.platform.problem;

import jakarta.ws.rs.core.HttpHeaders;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Puts message keys into words. Chinese is the default; English when the caller prefers it
 * ({@code Accept-Language: en}). A service's own {@code messages} bundle is searched first, then
 * the platform's.
 */
public final class Messages {

    private static final List<String> BUNDLES = List.of("messages", "files-messages", "events-messages", "sheets-messages", "platform-messages");
    // without this control a missing Chinese bundle would fall back to the JVM's default locale
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    public static Locale locale(HttpHeaders headers) {
        if (headers == null) {
            return Locale.CHINESE;
        }
        for (Locale candidate : headers.getAcceptableLanguages()) {
            String language = candidate.getLanguage();
            if ("en".equals(language)) {
                return Locale.ENGLISH;
            }
            if ("zh".equals(language)) {
                return Locale.CHINESE;
            }
        }
        return Locale.CHINESE;
    }

    /** The same choice from a raw {@code Accept-Language} header, for handlers outside JAX-RS. */
    public static Locale locale(String acceptLanguage) {
        if (acceptLanguage == null) {
            return Locale.CHINESE;
        }
        for (Locale.LanguageRange range : parseQuietly(acceptLanguage)) {
            String language = range.getRange().split("-")[0];
            if ("en".equals(language)) {
                return Locale.ENGLISH;
            }
            if ("zh".equals(language)) {
                return Locale.CHINESE;
            }
        }
        return Locale.CHINESE;
    }

    private static List<Locale.LanguageRange> parseQuietly(String header) {
        try {
            return Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /**
     * Every problem type the module's bundles name ({@code problem.<type>.title}), with its title and, where the
     * bundle has one without placeholders, its detail, in Chinese and English: the catalogue the contract lists.
     */
    public static java.util.SortedMap<String, java.util.Map<String, String>> problemTypes() {
        java.util.SortedMap<String, java.util.Map<String, String>> types = new java.util.TreeMap<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (String bundle : BUNDLES) {
            ResourceBundle chinese;
            try {
                chinese = ResourceBundle.getBundle(bundle, Locale.ROOT, loader, NO_FALLBACK);
            } catch (MissingResourceException absent) {
                continue;
            }
            for (String key : java.util.Collections.list(chinese.getKeys())) {
                if (key.startsWith("problem.") && key.endsWith(".title")) {
                    String type = key.substring("problem.".length(), key.length() - ".title".length());
                    java.util.Map<String, String> words = new java.util.LinkedHashMap<>();
                    for (Locale locale : List.of(Locale.CHINESE, Locale.ENGLISH)) {
                        words.put("title-" + locale.getLanguage(), get(locale, key));
                        String detail = pattern(locale, "problem." + type + ".detail");
                        if (detail != null && !detail.contains("{")) {
                            words.put("detail-" + locale.getLanguage(), detail.replace("''", "'"));
                        }
                    }
                    types.putIfAbsent(type, words);
                }
            }
        }
        return types;
    }

    /**
     * The message in the caller's language. Arguments that are words of the domain are put in that language too, never
     * shown as codes: an enum constant as {@code enum.<Type>.<NAME>} says it, a {@link Word} as its key says it (either
     * as it is when the bundles have no such key).
     */
    public static String get(Locale locale, String key, Object... args) {
        String pattern = pattern(locale, key);
        if (pattern == null) {
            return key;
        }
        Object[] said = args == null ? new Object[0] : args.clone();
        for (int i = 0; i < said.length; i++) {
            if (said[i] instanceof Enum<?> constant) {
                String word = pattern(locale, "enum." + constant.getDeclaringClass().getSimpleName() + "." + constant.name());
                said[i] = word == null ? constant.name() : word;
            } else if (said[i] instanceof Word word) {
                String text = pattern(locale, word.key());
                said[i] = text == null ? word.fallback() : text;
            }
        }
        return new MessageFormat(pattern, locale).format(said);
    }

    /** A word of a message that the bundles put in the caller's language ({@code key}), or {@code fallback} as it is. */
    public record Word(String key, String fallback) {
    }

    private static String pattern(Locale locale, String key) {
        Locale bundleLocale = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (String bundle : BUNDLES) {
            try {
                ResourceBundle resources = ResourceBundle.getBundle(bundle, bundleLocale, loader, NO_FALLBACK);
                if (resources.containsKey(key)) {
                    return resources.getString(key);
                }
            } catch (MissingResourceException absent) {
                // this service has no bundle of that name; try the next
            }
        }
        return null;
    }
}
