package org.tuanjie.tasks.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.tuanjie.tasks.inspection.Category;

@ConfigMapping(prefix = "tasks")
public interface TasksConfig {

    /** Days before the deadline when a task's light turns yellow. */
    @WithDefault("3")
    int yellowDays();

    /** The county's time zone: deadlines are calendar days there. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** How often the overdue check runs (Quarkus scheduler syntax). */
    @WithName("overdue-check.every")
    @WithDefault("1h")
    String overdueCheckEvery();

    /**
     * Problem categories whose tasks must be submitted with evidence unless the assigning office says
     * otherwise on the task (none by default: the office decides task by task).
     */
    @WithName("evidence.required-for")
    Optional<Set<Category>> evidenceRequiredFor();

    /**
     * A TrueType font (.ttf or .ttc) with Chinese glyphs, embedded in PDF bulletins; default: the first found of the
     * CJK fonts Debian installs (fonts-wqy-zenhei and others), else the standard STSong-Light, not embedded.
     */
    @WithName("bulletins.pdf-font")
    Optional<Path> bulletinsPdfFont();

    /** How long an evidence bundle's ZIP is kept after it was asked for. */
    @WithName("bundles.keep-for")
    @WithDefault("P7D")
    Duration bundlesKeepFor();

    /** A bundle still building after this long was left by a stopped replica: the sweep marks it failed. */
    @WithName("bundles.build-timeout")
    @WithDefault("PT6H")
    Duration bundlesBuildTimeout();

    /** How often expired bundles are removed (Quarkus scheduler syntax; {@code off} in tests). */
    @WithName("bundles.sweep-every")
    @WithDefault("1h")
    String bundlesSweepEvery();

    /** agreements-service, asked for the agreements' part of an evidence bundle. */
    @WithName("agreements.url")
    java.net.URI agreementsUrl();

    /** The longest a bundle's part from another service (agreements, units' history) may take to arrive whole. */
    @WithName("bundles.parts-timeout")
    @WithDefault("PT10M")
    Duration bundlesPartsTimeout();

    /**
     * How new links of the timelines' chain are hashed: {@code SHA-256}, or {@code SM3} (GB/T 32905) where the
     * deployment's cryptography is assessed (env {@code TASKS_TIMELINE_DIGEST}). Each link records its own.
     */
    @WithName("timeline.digest")
    @WithDefault("SHA-256")
    @jakarta.validation.constraints.Pattern(regexp = "SHA-256|SM3")
    String timelineDigest();

    /** How often timeline lines written since are linked into the timelines' hash chain ({@code off} in tests). */
    @WithName("timeline.chain-every")
    @WithDefault("5s")
    String timelineChainEvery();

    /** How often the chain's head is sealed as a checkpoint, while it grows ({@code off} in tests). */
    @WithName("timeline.checkpoint-every")
    @WithDefault("1h")
    String timelineCheckpointEvery();

    default LocalDate today() {
        return LocalDate.now(zone());
    }
}
