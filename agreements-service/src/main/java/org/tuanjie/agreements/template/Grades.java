package org.tuanjie.agreements.template;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The thresholds of graded results (等次): a total of at least {@code excellent} points is 优秀, at least {@code good}
 * 良好, at least the pass mark 合格, below it (or with a veto) 不合格.
 */
@Schema(name = "Grades", description = "Graded results (等次): 优秀 from `excellent` points, 良好 from `good`, 合格 from the "
        + "pass mark, 不合格 below it or with a veto. The pass mark < good < excellent ≤ 100.")
public record Grades(@Schema(minimum = "1", maximum = "100", example = "90") int excellent,
        @Schema(minimum = "1", maximum = "100", example = "80") int good) {

    /** Whether the thresholds climb above the pass mark: pass mark < good < excellent ≤ 100. */
    public boolean climbFrom(int passMark) {
        return passMark < good && good < excellent && excellent <= 100;
    }
}
