package org.tuanjie.tasks.task.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.tuanjie.tasks.config.TasksConfig;
import org.tuanjie.unitsclient.Jurisdiction;
import org.tuanjie.tasks.task.TaskState;

/**
 * Turns a {@link TaskFilter} into an HQL condition over alias {@code t}, always cut to the
 * caller's jurisdiction (the responsible unit, or the office that assigned the task).
 */
@ApplicationScoped
public class TaskQueries {

    @Inject
    Jurisdiction jurisdiction;

    @Inject
    TasksConfig config;

    public Condition where(TaskFilter filter) {
        return where(filter, Scope.CALLERS_REACH);
    }

    /**
     * The filter over tasks of units units-service has listed to the caller (a domain's members, which its
     * lead unit reads across subtrees): the list is the scope, and the caller's reach does not cut it again.
     */
    public Condition whereListedUnits(TaskFilter filter) {
        return where(filter, Scope.LISTED_UNITS);
    }

    private enum Scope { CALLERS_REACH, LISTED_UNITS }

    private Condition where(TaskFilter filter, Scope scope) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (scope == Scope.LISTED_UNITS && filter.within() == null) {
            where.append("1 = 1");
        } else if (filter.within() != null) {
            // the subtree was checked to lie inside the caller's reach: one path range, which the
            // (unit_path, deadline, id) index serves, instead of the either-or of the general case
            where.append("t.unit.path like :within");
            params.put("within", Jurisdiction.likePrefix(jurisdiction.unit(filter.within()).pathText()));
        } else {
            where.append("(t.unit.path like :scope or t.ownerPath like :scope)");
            params.put("scope", Jurisdiction.likePrefix(jurisdiction.rootPath()));
        }
        if (filter.states() != null && !filter.states().isEmpty()) {
            where.append(" and t.state in :states");
            params.put("states", filter.states());
        }
        if (filter.categories() != null && !filter.categories().isEmpty()) {
            where.append(" and t.category in :categories");
            params.put("categories", filter.categories());
        }
        if (filter.unitId() != null) {
            where.append(" and t.unit.id = :unitId");
            params.put("unitId", filter.unitId());
        }
        if (filter.township() != null) {
            where.append(" and t.townshipCode = :township");
            params.put("township", filter.township());
        }
        if (filter.inspectionId() != null) {
            where.append(" and t.inspectionId = :inspectionId");
            params.put("inspectionId", filter.inspectionId());
        }
        if (filter.findingId() != null) {
            where.append(" and t.findingId = :findingId");
            params.put("findingId", filter.findingId());
        }
        LocalDate today = config.today();
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " and t.state <> :verified and t.deadline < :today"
                    : " and (t.state = :verified or t.deadline >= :today)");
            params.put("verified", TaskState.VERIFIED);
            params.put("today", today);
        }
        if (filter.warning() != null) {
            params.put("verified", TaskState.VERIFIED);
            // a parameter the query does not name is an error in Hibernate: green names only the yellow window's end
            switch (filter.warning()) {
                case RED -> {
                    where.append(" and t.state <> :verified and t.deadline < :today");
                    params.put("today", today);
                }
                case YELLOW -> {
                    where.append(" and t.state <> :verified and t.deadline >= :today and t.deadline <= :yellowFrom");
                    params.put("today", today);
                    params.put("yellowFrom", today.plusDays(config.yellowDays()));
                }
                case GREEN -> {
                    where.append(" and t.state <> :verified and t.deadline > :yellowFrom");
                    params.put("yellowFrom", today.plusDays(config.yellowDays()));
                }
            }
        }
        return new Condition(where.toString(), params);
    }

    public record Condition(String hql, Map<String, Object> params) {
    }
}
