package org.tuanjie.platform.access;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Admits a call to a {@link Guarded} resource by its operation's rule, before the body is validated
 * or anything is loaded: 401 without a valid token, 403 for a role the rule does not list. An
 * operation without a rule is refused (403) and logged: nothing is open by omission.
 */
@Guarded
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class GuardInterceptor {

    private static final Logger LOG = Logger.getLogger(GuardInterceptor.class);
    private static final Map<Operation, Optional<Rule>> RULES = new ConcurrentHashMap<>();

    /** A resource method as served by one resource class (a method may be inherited by several). */
    private record Operation(Class<?> resource, Method method) {
    }

    @Inject
    AccessPolicy policy;

    @Inject
    Guard guard;

    @Inject
    SecurityIdentity identity;

    @AroundInvoke
    Object admit(InvocationContext context) throws Exception {
        Method method = context.getMethod();
        if (!endpoint(method)) {
            // a resource's own helper called from an endpoint (intercepted too, the bean being a subclass): the
            // endpoint that called it was admitted already
            return context.proceed();
        }
        Class<?> resource = context.getTarget().getClass();
        Optional<Rule> rule = RULES.computeIfAbsent(new Operation(resource, method),
                op -> policy.rule(httpMethod(method), template(resource, method)));
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (rule.isEmpty()) {
            LOG.errorf("no access rule for %s %s: refused", httpMethod(method), template(resource, method));
            throw new Guard.RoleNotAdmitted();
        }
        if (!rule.get().admits(guard.reach())) {
            throw new Guard.RoleNotAdmitted();
        }
        guard.enter(rule.get());
        return context.proceed();
    }

    /** A resource method or sub-resource locator: it has an HTTP method designator or a {@code @Path}. */
    static boolean endpoint(Method method) {
        return !httpMethod(method).isEmpty() || method.isAnnotationPresent(Path.class);
    }

    /** {@code GET}, {@code POST}, …: the JAX-RS method designator on the resource method. */
    static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null) {
                return designator.value();
            }
        }
        return "";
    }

    /**
     * The path template as the contract writes it: the resource class's path (found up its hierarchy: the bean
     * may be a generated subclass, the method inherited) and the method's path, joined, each parameter's regular
     * expression left out ({@code {format: docx|pdf}} is {@code {format}}).
     */
    static String template(Class<?> resource, Method method) {
        Path type = null;
        for (Class<?> c = resource; c != null && type == null; c = c.getSuperclass()) {
            type = c.getAnnotation(Path.class);
        }
        Path own = method.getAnnotation(Path.class);
        String joined = (type == null ? "" : type.value()) + "/" + (own == null ? "" : own.value());
        String path = ("/" + joined).replaceAll("/+", "/").replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
