package org.tuanjie.tasks.inspection;

public enum Severity {
    LOW, MEDIUM, HIGH
}
