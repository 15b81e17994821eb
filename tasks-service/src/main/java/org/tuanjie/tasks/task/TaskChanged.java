package org.tuanjie.tasks.task;

/**
 * A line just added to a task's timeline, the task flushed (its version is the new one): fired in the transaction of
 * the change, for what follows from it (the events told to other platforms, the inbox).
 */
public record TaskChanged(RectificationTask task, TaskEvent event) {
}
