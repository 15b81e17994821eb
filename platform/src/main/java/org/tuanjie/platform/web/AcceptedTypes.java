package org.tuanjie.platform.web;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The media types an operation consumes, as its resource declares them ({@code @Consumes}): what a 415 answer names,
 * so a client sending the wrong type learns the right ones (RFC 9110 §15.5.16: in words and in {@code Accept}).
 */
public final class AcceptedTypes {

    private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}");
    private static volatile List<Operation> operations;

    private AcceptedTypes() {
    }

    /** What the operation at this method and path consumes; empty when no resource declares one there. */
    public static List<String> of(String method, String path) {
        Set<String> types = new LinkedHashSet<>();
        String normalized = path == null ? "/" : ("/" + path).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        for (Operation operation : operations()) {
            if (operation.method.equalsIgnoreCase(method) && operation.path.matcher(normalized).matches()) {
                types.addAll(operation.consumes);
            }
        }
        return List.copyOf(types);
    }

    private static List<Operation> operations() {
        if (operations == null) {
            List<Operation> found = new ArrayList<>();
            Set<Class<?>> seen = new LinkedHashSet<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                if (type.isAnnotationPresent(Path.class) && seen.add(type)) {
                    collect(type, found);
                }
            }
            operations = List.copyOf(found);
        }
        return operations;
    }

    private static void collect(Class<?> resource, List<Operation> found) {
        String root = resource.getAnnotation(Path.class).value();
        Consumes classConsumes = resource.getAnnotation(Consumes.class);
        for (Method method : resource.getMethods()) {
            String verb = verb(method);
            Consumes consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class) : classConsumes;
            if (verb == null || consumes == null) {
                continue;
            }
            String sub = method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "";
            String template = ("/" + root + "/" + sub).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
            String regex = PARAMETER.splitAsStream(template).map(Pattern::quote).reduce((a, b) -> a + "[^/]+" + b).orElse("")
                    + (template.endsWith("}") ? "[^/]+" : "");
            List<String> types = new ArrayList<>();
            for (String value : consumes.value()) {
                for (String type : value.split(",")) {
                    types.add(type.trim());
                }
            }
            found.add(new Operation(verb, Pattern.compile(regex), types));
        }
    }

    private static String verb(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private record Operation(String method, Pattern path, List<String> consumes) {
    }
}
