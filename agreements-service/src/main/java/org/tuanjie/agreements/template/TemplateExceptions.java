package org.tuanjie.agreements.template;

import org.tuanjie.platform.problem.Problems;

public final class TemplateExceptions {

    private TemplateExceptions() {
    }

    public static final class TemplateNotFound extends Problems.NotFound {
        public TemplateNotFound(Object id) {
            super("template-not-found", "template.not-found", String.valueOf(id));
        }
    }

    /** A published template is immutable: a change is a new version. */
    public static final class TemplateAlreadyPublished extends Problems.Conflict {
        public TemplateAlreadyPublished() {
            super("template-published", "template.published");
        }
    }

    public static final class TemplateNotPublished extends Problems.Conflict {
        public TemplateNotPublished() {
            super("template-not-published", "template.not-published");
        }
    }
}
