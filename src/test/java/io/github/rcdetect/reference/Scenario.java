package io.github.rcdetect.reference;

import io.github.rcdetect.testing.records.TimeFormat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A plain description of what happened: Run Command records and process events, with the strings as a source would
 * write them (host names in any case, command lines with any spacing). How each is rendered as JSON (shape, time
 * format) is part of the description, so a scenario is the whole input; the reference model reads only what the
 * specification makes relevant.
 */
public record Scenario(List<ActivityRecord> activity, List<ProcessRecord> processes) {
    /** Times are milliseconds after this instant. */
    public static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    public static final String RUN_COMMAND = "MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION";

    public enum Result {
        START("Start"),
        ACCEPT("Accept"),
        SUCCESS("Success"),
        FAILURE("Failure");

        /** The Activity Log's {@code resultType}. */
        public final String resultType;

        Result(String resultType) {
            this.resultType = resultType;
        }
    }

    /** Raw Azure Monitor record (bare or in an Event Hub batch), or the Elastic integration's ECS, nested or dotted. */
    public enum ActivityShape {
        RAW,
        ECS_NESTED,
        ECS_DOTTED
    }

    /** Elastic Defend (nested or dotted ECS), Sysmon event 1 after the ingest pipeline, or as Winlogbeat ships it. */
    public enum ProcessShape {
        DEFEND,
        DEFEND_DOTTED,
        SYSMON_INGEST,
        SYSMON_WINLOGBEAT
    }

    /**
     * One Activity Log record.
     *
     * @param at milliseconds after {@link #T0}
     * @param vm the VM name as written in the record
     * @param correlationId as written, or null for none
     * @param userEmail the caller, or null when the record does not say
     */
    public record ActivityRecord(
            long at,
            String vm,
            String operation,
            String correlationId,
            Result result,
            String userEmail,
            ActivityShape shape,
            TimeFormat timeFormat) {

        public ActivityRecord withVm(String name) {
            return new ActivityRecord(at, name, operation, correlationId, result, userEmail, shape, timeFormat);
        }

        public ActivityRecord withAt(long time) {
            return new ActivityRecord(time, vm, operation, correlationId, result, userEmail, shape, timeFormat);
        }

        public ActivityRecord withCaller(String spelling, String email) {
            return new ActivityRecord(at, vm, operation, spelling, result, email, shape, timeFormat);
        }

        @Override
        public String toString() {
            return String.format(
                    "activity %+d ms vm=%s op=%s id=%s %s email=%s %s/%s",
                    at, vm, operation, correlationId, result, userEmail, shape, timeFormat);
        }
    }

    /**
     * One endpoint process event.
     *
     * @param at milliseconds after {@link #T0}
     * @param host {@code host.name} as written (for Winlogbeat documents without it: {@code winlog.computer_name})
     * @param action Defend's {@code event.action} (start, exec, fork, end); ignored for Sysmon shapes
     * @param eventType Defend's {@code event.type} values; ignored for Sysmon shapes
     * @param parentArgs {@code process.parent.args}, possibly empty
     */
    public record ProcessRecord(
            long at,
            String host,
            ProcessShape shape,
            String action,
            List<String> eventType,
            String name,
            String commandLine,
            String parentName,
            String parentCommandLine,
            List<String> parentArgs,
            String entityId,
            long pid,
            TimeFormat timeFormat) {

        public ProcessRecord withHost(String name) {
            return new ProcessRecord(
                    at,
                    name,
                    shape,
                    action,
                    eventType,
                    this.name,
                    commandLine,
                    parentName,
                    parentCommandLine,
                    parentArgs,
                    entityId,
                    pid,
                    timeFormat);
        }

        public ProcessRecord withIdentity(String entity, long processId) {
            return new ProcessRecord(
                    at,
                    host,
                    shape,
                    action,
                    eventType,
                    name,
                    commandLine,
                    parentName,
                    parentCommandLine,
                    parentArgs,
                    entity,
                    processId,
                    timeFormat);
        }

        /** Sysmon has no {@code event.id}; Defend documents carry one. */
        public String eventId() {
            return shape == ProcessShape.DEFEND || shape == ProcessShape.DEFEND_DOTTED ? "ev-" + entityId : null;
        }

        @Override
        public String toString() {
            return String.format(
                    "process %+d ms host=%s %s action=%s type=%s name=%s cmd=%s parent=%s parentCmd=%s parentArgs=%s"
                            + " %s/%s",
                    at,
                    host,
                    shape,
                    action,
                    eventType,
                    name,
                    quote(commandLine),
                    parentName,
                    quote(parentCommandLine),
                    parentArgs,
                    entityId,
                    timeFormat);
        }
    }

    /** This scenario with every host name (VM and process side) passed through {@code rename}. */
    public Scenario renameHosts(UnaryOperator<String> rename) {
        List<ActivityRecord> renamedActivity = new ArrayList<>();
        activity.forEach(record -> renamedActivity.add(record.withVm(rename.apply(record.vm()))));
        List<ProcessRecord> renamedProcesses = new ArrayList<>();
        processes.forEach(process -> renamedProcesses.add(process.withHost(rename.apply(process.host()))));
        return new Scenario(renamedActivity, renamedProcesses);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("scenario:");
        activity.forEach(record -> text.append("\n    ").append(record));
        processes.forEach(process -> text.append("\n    ").append(process));
        return text.toString();
    }

    private static String quote(String text) {
        return text == null ? "null" : "\"" + text.replace("\t", "\\t") + "\"";
    }
}
