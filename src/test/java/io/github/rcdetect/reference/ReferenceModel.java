package io.github.rcdetect.reference;

import io.github.rcdetect.reference.Scenario.ActivityRecord;
import io.github.rcdetect.reference.Scenario.ProcessRecord;
import io.github.rcdetect.reference.Scenario.ProcessShape;
import io.github.rcdetect.reference.Scenario.Result;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * docs/spec.md, sections 3 and 4 written as plainly as possible, to hold the job against: no Flink, no CEP, no state, every
 * (invocation, process) pair looked at. Equal timestamps as docs/choices.md ("Choices where the specification is silent") say: a
 * process at the very millisecond of an invocation belongs to it, and of two invocations at one millisecond the one
 * with the greater correlation id (compared case-insensitively, no id before any id) is the latest.
 *
 * <p>Where docs/choices.md leaves a tie open (two invocations without correlation id at one millisecond on one host, or
 * an invocation's earliest records disagreeing on the spelling of its id or on the caller) the model refuses the
 * scenario instead of guessing; the generators of the differential properties do not produce those.
 *
 * <p>Not modelled, as the specification has no such rules: the 90-minute span (docs/choices.md) of an invocation (generated invocations
 * span at most 150 s) and the caps of 32 records and 100 command lines per alert (never reached here).
 */
public final class ReferenceModel {
    static final long CORRELATION_WINDOW_MILLIS = 120_000;

    private static final Set<String> R1_SHELLS = Set.of("dash", "bash", "sh");
    private static final Set<String> R2_SHELLS =
            Set.of("bash", "dash", "sh", "tcsh", "csh", "zsh", "ksh", "fish", "mksh", "busybox");
    private static final Pattern WAAGENT_SCRIPT = Pattern.compile(
            Pattern.quote("/var/lib/waagent/run-command/download/") + ".*" + Pattern.quote("/script.sh"),
            Pattern.DOTALL);
    private static final DateTimeFormatter ALERT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ReferenceModel() {}

    /** Where each record was written ({@code file:line} and its index in a batch), for the source references. */
    public interface Locations {
        String file(Object record);

        long line(Object record);

        Integer recordIndex(Object record);
    }

    /**
     * An expected alert, with what a comparison may tolerate: the specification orders command lines by time, so lines first
     * seen at the same millisecond may come in either order; and a streaming run hands an invocation to R1 when event
     * time reaches it, so its alert lists the records that had arrived by then: at least those at its earliest
     * millisecond, perhaps not the later ones (a Succeeded record minutes later), and the caller from those.
     *
     * @param firstSeen when each command line first occurs in the alert
     * @param activityAtEarliest the activity source events at the invocation's earliest millisecond
     * @param emailAtEarliest the caller those name, if any
     */
    public record Expected(
            AlertView view, Map<String, Long> firstSeen, Set<String> activityAtEarliest, String emailAtEarliest) {

        /** An actual alert's view in this alert's canonical form, where it differs from it only as tolerated. */
        public AlertView canonical(AlertView actual, boolean streaming) {
            AlertView canonical = actual;
            if (inTimeOrder(actual.commandLines())) {
                canonical = canonical.withCommandLines(ReferenceModel.inTimeOrder(actual.commandLines(), firstSeen));
            }
            if (streaming && view.rule().equals("R1")) {
                List<String> activity = actual.sourceEvents().stream()
                        .filter(source -> source.startsWith("activity "))
                        .toList();
                boolean knownAtEmission = activity.containsAll(activityAtEarliest)
                        && view.sourceEvents().containsAll(activity);
                boolean callerFromThose = emailAtEarliest != null
                        ? emailAtEarliest.equals(actual.userEmail())
                        : actual.userEmail() == null || actual.userEmail().equals(view.userEmail());
                if (knownAtEmission && callerFromThose) {
                    List<String> sources = new ArrayList<>(view.sourceEvents().stream()
                            .filter(source -> source.startsWith("activity "))
                            .toList());
                    actual.sourceEvents().stream()
                            .filter(source -> !source.startsWith("activity "))
                            .forEach(sources::add);
                    sources.sort(null);
                    canonical = canonical.withActivityAsReference(sources, view.userEmail());
                }
            }
            return canonical;
        }

        private boolean inTimeOrder(List<String> lines) {
            for (int i = 1; i < lines.size(); i++) {
                if (firstSeen.getOrDefault(lines.get(i - 1), Long.MAX_VALUE)
                        > firstSeen.getOrDefault(lines.get(i), Long.MAX_VALUE)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The alerts the specification requires for all these scenarios together. */
    public static List<Expected> alerts(List<Scenario> scenarios, Locations where) {
        List<ActivityRecord> activity = new ArrayList<>();
        List<ProcessRecord> processes = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            activity.addAll(scenario.activity());
            processes.addAll(scenario.processes());
        }
        List<Expected> alerts = new ArrayList<>(r1(activity, processes, where));
        for (ProcessRecord process : processes) {
            if (isR2Hit(process)) {
                alerts.add(r2Alert(process, where));
            }
        }
        alerts.sort(Comparator.comparing(Expected::view, AlertView.ORDER));
        return alerts;
    }

    // ---- R1 -------------------------------------------------------------------------------------------------------

    /** The Run Command records Azure wrote for one invocation on one host. */
    record Invocation(String host, String idKey, List<ActivityRecord> records) {
        long at() {
            return records.stream().mapToLong(ActivityRecord::at).min().orElseThrow();
        }

        List<ActivityRecord> earliest() {
            return records.stream().filter(record -> record.at() == at()).toList();
        }

        String correlationId() {
            return the(earliest().stream().map(ActivityRecord::correlationId).toList(), "correlation id spelling");
        }

        /** The caller from the earliest record that names one. */
        String userEmail() {
            for (ActivityRecord record : records.stream()
                    .sorted(Comparator.comparingLong(ActivityRecord::at))
                    .toList()) {
                if (record.userEmail() != null) {
                    long at = record.at();
                    return the(
                            records.stream()
                                    .filter(r -> r.at() == at && r.userEmail() != null)
                                    .map(ActivityRecord::userEmail)
                                    .toList(),
                            "caller");
                }
            }
            return null;
        }
    }

    private static List<Expected> r1(List<ActivityRecord> activity, List<ProcessRecord> processes, Locations where) {
        List<Invocation> invocations = invocations(activity);
        // By identity: two invocations of equal records are still two.
        Map<Invocation, List<ProcessRecord>> correlated = new IdentityHashMap<>();
        for (ProcessRecord process : processes) {
            if (!isR1GuestProcess(process)) {
                continue;
            }
            Invocation latest = null;
            for (Invocation invocation : invocations) {
                long delay = process.at() - invocation.at();
                if (invocation.host().equals(hostKey(process.host()))
                        && delay >= 0
                        && delay <= CORRELATION_WINDOW_MILLIS
                        && (latest == null || isLater(invocation, latest))) {
                    latest = invocation;
                }
            }
            if (latest != null) {
                correlated.computeIfAbsent(latest, key -> new ArrayList<>()).add(process);
            }
        }
        List<Expected> alerts = new ArrayList<>();
        correlated.forEach(
                (invocation, correlatedProcesses) -> alerts.add(r1Alert(invocation, correlatedProcesses, where)));
        return alerts;
    }

    /**
     * Run Command events (the action, case-insensitively, and not a failure) grouped into invocations: per host, one
     * per correlation id compared case-insensitively; a record without id is an invocation of its own.
     */
    static List<Invocation> invocations(List<ActivityRecord> activity) {
        Map<List<String>, Invocation> byId = new LinkedHashMap<>();
        List<Invocation> invocations = new ArrayList<>();
        for (ActivityRecord record : activity) {
            if (!record.operation().equalsIgnoreCase(Scenario.RUN_COMMAND) || record.result() == Result.FAILURE) {
                continue;
            }
            String host = hostKey(record.vm());
            if (record.correlationId() == null) {
                invocations.add(new Invocation(host, null, new ArrayList<>(List.of(record))));
                continue;
            }
            String idKey = record.correlationId().toLowerCase(Locale.ROOT);
            Invocation invocation =
                    byId.computeIfAbsent(List.of(host, idKey), key -> new Invocation(host, idKey, new ArrayList<>()));
            invocation.records().add(record);
        }
        invocations.addAll(byId.values());
        return invocations;
    }

    /** Whether {@code a} is later than {@code b}: by time, then by correlation id (none before any). */
    private static boolean isLater(Invocation a, Invocation b) {
        if (a.at() != b.at()) {
            return a.at() > b.at();
        }
        if (a.idKey() == null && b.idKey() == null) {
            throw new IllegalArgumentException("two invocations without correlation id at one millisecond on "
                    + a.host() + ": docs/choices.md leaves" + " their order open");
        }
        if (a.idKey() == null || b.idKey() == null) {
            return b.idKey() == null;
        }
        return a.idKey().compareTo(b.idKey()) > 0;
    }

    private static Expected r1Alert(Invocation invocation, List<ProcessRecord> processes, Locations where) {
        Map<String, Long> firstSeen = new HashMap<>();
        for (ProcessRecord process : processes) {
            if (process.commandLine() != null) {
                firstSeen.merge(process.commandLine(), process.at(), Math::min);
            }
        }
        List<String> sources = new ArrayList<>();
        invocation.records().forEach(record -> sources.add(source(record, where)));
        processes.forEach(process -> sources.add(source(process, where)));
        sources.sort(null);
        AlertView view = new AlertView(
                "R1",
                invocation.host(),
                time(invocation.at()),
                invocation.correlationId(),
                processes.size(),
                time(processes.stream().mapToLong(ProcessRecord::at).min().orElseThrow()),
                invocation.userEmail(),
                inTimeOrder(new ArrayList<>(firstSeen.keySet()), firstSeen),
                sources);
        Set<String> atEarliest = new HashSet<>();
        invocation.earliest().forEach(record -> atEarliest.add(source(record, where)));
        String emailAtEarliest = the(
                invocation.earliest().stream()
                        .map(ActivityRecord::userEmail)
                        .filter(Objects::nonNull)
                        .toList(),
                "caller");
        return new Expected(view, firstSeen, atEarliest, emailAtEarliest);
    }

    /**
     * docs/spec.md, section 4's guest process: on Windows a process start (Defend {@code start}, or Sysmon event 1) under the
     * script's PowerShell that is not the console host; on Linux a Defend {@code exec} under dash, bash or sh running
     * the waagent script.
     */
    static boolean isR1GuestProcess(ProcessRecord process) {
        if (isSysmon(process)) {
            return hasWindowsScriptParent(process) && !isConsoleHost(process);
        }
        boolean windows =
                "start".equals(process.action()) && hasWindowsScriptParent(process) && !isConsoleHost(process);
        boolean linux = "exec".equals(process.action()) && hasLinuxScriptParent(process, R1_SHELLS);
        return windows || linux;
    }

    private static boolean isConsoleHost(ProcessRecord process) {
        return "conhost.exe".equalsIgnoreCase(process.name());
    }

    // ---- R2 -------------------------------------------------------------------------------------------------------

    /** docs/spec.md, section 3: a process start whose parent is the script's PowerShell or a shell running the waagent script. */
    static boolean isR2Hit(ProcessRecord process) {
        boolean start = isSysmon(process)
                || process.eventType().contains("start")
                || process.eventType().contains("process_started");
        return start && (hasWindowsScriptParent(process) || hasLinuxScriptParent(process, R2_SHELLS));
    }

    private static Expected r2Alert(ProcessRecord process, Locations where) {
        AlertView view = new AlertView(
                "R2",
                hostKey(process.host()),
                time(process.at()),
                null,
                null,
                null,
                null,
                process.commandLine() == null ? List.of() : List.of(process.commandLine()),
                List.of(source(process, where)));
        return new Expected(view, Map.of(), Set.of(), null);
    }

    // ---- shared conditions ----------------------------------------------------------------------------------------

    /**
     * {@code powershell.exe} (any case) running {@code powershell -ExecutionPolicy Unrestricted -File script<N>.ps1}:
     * compared word by word, any case, any run of whitespace between the words and around them, N one or more digits.
     */
    static boolean hasWindowsScriptParent(ProcessRecord process) {
        if (process.parentName() == null
                || !process.parentName().equalsIgnoreCase("powershell.exe")
                || process.parentCommandLine() == null) {
            return false;
        }
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char c : (process.parentCommandLine() + " ").toCharArray()) {
            if (Character.isWhitespace(c)) {
                if (word.length() > 0) {
                    words.add(word.toString().toLowerCase(Locale.ROOT));
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        return words.size() == 5
                && words.get(0).equals("powershell")
                && words.get(1).equals("-executionpolicy")
                && words.get(2).equals("unrestricted")
                && words.get(3).equals("-file")
                && isScriptFileName(words.get(4));
    }

    private static boolean isScriptFileName(String word) {
        if (!word.startsWith("script") || !word.endsWith(".ps1")) {
            return false;
        }
        String digits = word.substring("script".length(), word.length() - ".ps1".length());
        return !digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A parent shell named exactly one of {@code shells} with some argument on the waagent path (case-sensitive). */
    private static boolean hasLinuxScriptParent(ProcessRecord process, Set<String> shells) {
        return process.parentName() != null
                && shells.contains(process.parentName())
                && process.parentArgs().stream()
                        .anyMatch(arg -> WAAGENT_SCRIPT.matcher(arg).matches());
    }

    private static boolean isSysmon(ProcessRecord process) {
        return process.shape() == ProcessShape.SYSMON_INGEST || process.shape() == ProcessShape.SYSMON_WINLOGBEAT;
    }

    static String hostKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    // ---- output ---------------------------------------------------------------------------------------------------

    static String time(long offsetMillis) {
        return ALERT_TIME.format(Instant.ofEpochMilli(Scenario.T0.toEpochMilli() + offsetMillis));
    }

    private static String source(ActivityRecord record, Locations where) {
        return AlertView.sourceEvent(
                "activity", time(record.at()), null, where.file(record), where.line(record), where.recordIndex(record));
    }

    private static String source(ProcessRecord process, Locations where) {
        return AlertView.sourceEvent(
                "process",
                time(process.at()),
                process.eventId(),
                where.file(process),
                where.line(process),
                where.recordIndex(process));
    }

    /** Lines by the time they first occur, lines first seen at the same millisecond alphabetically. */
    static List<String> inTimeOrder(List<String> lines, Map<String, Long> firstSeen) {
        TreeMap<Long, List<String>> byTime = new TreeMap<>();
        for (String line : lines) {
            byTime.computeIfAbsent(firstSeen.getOrDefault(line, Long.MAX_VALUE), t -> new ArrayList<>())
                    .add(line);
        }
        List<String> ordered = new ArrayList<>();
        byTime.values().forEach(group -> group.stream().sorted().forEach(ordered::add));
        return ordered;
    }

    /** The one value all of these agree on; docs/choices.md names no tie-break for them. */
    private static String the(List<String> values, String what) {
        if (values.stream().distinct().count() > 1) {
            throw new IllegalArgumentException("records at one millisecond disagree on the " + what + " " + values
                    + ": docs/choices.md leaves it open");
        }
        return values.isEmpty() ? null : values.get(0);
    }
}
