package io.github.rcdetect.reference;

import io.github.rcdetect.reference.Scenario.ActivityRecord;
import io.github.rcdetect.reference.Scenario.InventoryResource;
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
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/spec.md, sections 3, 4, 9 and 10 written as plainly as possible, to hold the job against: no Flink, no CEP, no
 * state, every (invocation, process) pair looked at. Equal timestamps as docs/choices.md ("Choices where the
 * specification is silent") say: a process at the very millisecond of an invocation belongs to it, and of two
 * invocations at one millisecond the one with the greater correlation id (compared case-insensitively, no id before any
 * id) is the latest.
 *
 * <p>Host identity (section 9): a record's machine is read from its resource id, by the two forms of the spec's table,
 * or from {@code azure.resource.name} when it has none; a process's from {@code cloud.instance.name} (unless another
 * cloud's, docs/choices.md), else from its host name's first DNS label, which the inventory maps to the machine whose
 * computer name it is (a VM's or scale-set VM's exact name first, then a scale set's prefix followed by six base-36
 * digits of the instance id). A name the inventory gives two machines, or a prefix two scale sets share, maps to none,
 * and the guest is then known by its own name, like a guest the inventory does not know.
 *
 * <p>Where docs/choices.md leaves a tie open (two invocations without correlation id at one millisecond on one host, an
 * invocation's earliest records disagreeing on the spelling of its id or on the caller, or, without a resource id, on
 * the machine's name) the model refuses the scenario instead of guessing; the generators of the differential
 * properties do not produce those. Which of an invocation's earliest processes names its alert's host is left open
 * too: {@link Expected} accepts any of them.
 *
 * <p>Not modelled, as the specification has no such rules: the 90-minute span (docs/choices.md) of an invocation
 * (generated invocations span at most 150 s) and the caps of 32 records and 100 command lines per alert (never reached
 * here). Nor is the RunAs redaction: no field the model compares holds a password in the generated scenarios; the
 * differential test checks instead that the planted one reaches no alert.
 */
public final class ReferenceModel {
    static final long CORRELATION_WINDOW_MILLIS = 120_000;

    private static final Set<String> R1_SHELLS = Set.of("dash", "bash", "sh");
    private static final Set<String> R2_SHELLS =
            Set.of("bash", "dash", "sh", "tcsh", "csh", "zsh", "ksh", "fish", "mksh", "busybox");
    private static final Pattern WAAGENT_SCRIPT = Pattern.compile(
            Pattern.quote("/var/lib/waagent/run-command/download/") + ".*" + Pattern.quote("/script.sh"),
            Pattern.DOTALL);
    /** docs/spec.md, section 10: where the managed handler keeps the scripts it runs, as a parent argument starts. */
    private static final Pattern HANDLER_SCRIPT =
            Pattern.compile("/var/lib/waagent/run-command-handler/(download|immediateDownload)/"
                    + "|/home/[^/]+/waagent/run-command-handler-runas/(download|immediateDownload)/");

    private static final String WINDOWS_HANDLER_FOLDER =
            "\\Packages\\Plugins\\Microsoft.CPlat.Core.RunCommandHandlerWindows\\".toLowerCase(Locale.ROOT);

    /** docs/spec.md, section 9's table, and the run command a record may name on the machine. */
    private static final String ARM_PREFIX = "/subscriptions/[^/]+/resourceGroups/[^/]+/providers/[^/]+";

    private static final String RUN_COMMAND_CHILD = "(/runCommands/[^/]+)?";
    private static final Pattern VM_ID = Pattern.compile(
            "(" + ARM_PREFIX + "/virtualMachines/([^/]+))" + RUN_COMMAND_CHILD, Pattern.CASE_INSENSITIVE);
    private static final Pattern INSTANCE_ID = Pattern.compile(
            "(" + ARM_PREFIX + "/virtualMachineScaleSets/([^/]+)/virtualMachines/([^/]+))" + RUN_COMMAND_CHILD,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SCALE_SET_ID =
            Pattern.compile(ARM_PREFIX + "/virtualMachineScaleSets/([^/]+)", Pattern.CASE_INSENSITIVE);
    /** The same, as the Elastic integration leaves it in {@code azure.resource.name}: all after the resource type. */
    private static final Pattern VM_NAME = Pattern.compile("([^/]+)" + RUN_COMMAND_CHILD, Pattern.CASE_INSENSITIVE);

    private static final Pattern INSTANCE_NAME =
            Pattern.compile("([^/]+)/virtualMachines/([^/]+)" + RUN_COMMAND_CHILD, Pattern.CASE_INSENSITIVE);
    /** A Uniform scale set's instance suffix: the instance id in base 36, six digits. */
    private static final Pattern INSTANCE_SUFFIX = Pattern.compile("[0-9a-z]{6}");

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
     * seen at the same millisecond may come in either order; an R1 or R3 alert's host is that of its earliest process,
     * and processes at one millisecond may each be the earliest; and a streaming run hands an invocation to its rule
     * when event time reaches it, so its alert lists the records that had arrived by then: at least those at its
     * earliest millisecond, perhaps not the later ones (a Succeeded record minutes later), and the caller from those.
     *
     * @param firstSeen when each command line first occurs in the alert
     * @param activityAtEarliest the activity source events at the invocation's earliest millisecond
     * @param emailAtEarliest the caller those name, if any
     * @param earliestGuests {@code [host.name, host_match]} of each of the earliest processes
     */
    public record Expected(
            AlertView view,
            Map<String, Long> firstSeen,
            Set<String> activityAtEarliest,
            String emailAtEarliest,
            Set<List<String>> earliestGuests) {

        /** An actual alert's view in this alert's canonical form, where it differs from it only as tolerated. */
        public AlertView canonical(AlertView actual, boolean streaming) {
            AlertView canonical = actual;
            if (inTimeOrder(actual.commandLines())) {
                canonical = canonical.withCommandLines(ReferenceModel.inTimeOrder(actual.commandLines(), firstSeen));
            }
            if (actual.host() != null
                    && actual.hostMatch() != null
                    && earliestGuests.contains(List.of(actual.host(), actual.hostMatch()))) {
                canonical = canonical.withGuest(view.host(), view.hostMatch());
            }
            if (streaming && view.isCorrelation()) {
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
        List<InventoryResource> inventory = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            activity.addAll(scenario.activity());
            processes.addAll(scenario.processes());
            inventory.addAll(scenario.inventory());
        }
        Map<ProcessRecord, Guest> guests = new IdentityHashMap<>();
        processes.forEach(process -> guests.put(process, guest(process, inventory)));
        List<Expected> alerts = new ArrayList<>();
        for (Family family : Family.values()) {
            alerts.addAll(correlations(family, activity, processes, guests, where));
        }
        for (ProcessRecord process : processes) {
            if (isR2Hit(process)) {
                alerts.add(childAlert("R2", process, guests.get(process), where));
            }
            if (isR4Hit(process)) {
                alerts.add(childAlert("R4", process, guests.get(process), where));
            }
        }
        alerts.sort(Comparator.comparing(Expected::view, AlertView.ORDER));
        return alerts;
    }

    // ---- host identity (docs/spec.md, section 9) ------------------------------------------------------------------

    /**
     * A VM or scale-set instance.
     *
     * @param name its resource name as spelled where it was read: the VM's, or {@code <scale set>_<instance id>}
     * @param resourceId its resource id as spelled there, or null where it was known by name alone
     */
    record Machine(String name, String resourceId) {
        String key() {
            return name.toLowerCase(Locale.ROOT);
        }
    }

    /**
     * How a process event names its machine.
     *
     * @param hostName the host name it reports, lower-cased: the alert's {@code host.name}
     * @param match how it was found: {@code cloud_instance_name}, {@code inventory} or {@code host_name}
     * @param machine the machine, where the event's cloud metadata or the inventory names it
     * @param key what it correlates under: the machine's name, or the guest's own (its first DNS label)
     */
    record Guest(String hostName, String match, Machine machine, String key) {}

    /** The machine an Activity Log record names: by its resource id, or when it has none by its resource name. */
    static Machine machine(ActivityRecord record) {
        return record.resourceId() != null ? machineOfId(record.resourceId()) : machineOfName(record.resourceName());
    }

    /** The VM or scale-set instance of a resource id (the machine itself or a run command on it), or null. */
    static Machine machineOfId(String id) {
        Matcher vm = VM_ID.matcher(id);
        if (vm.matches()) {
            return new Machine(vm.group(2), vm.group(1));
        }
        Matcher instance = INSTANCE_ID.matcher(id);
        if (instance.matches()) {
            return new Machine(instance.group(2) + "_" + instance.group(3), instance.group(1));
        }
        return null;
    }

    private static Machine machineOfName(String name) {
        Matcher instance = INSTANCE_NAME.matcher(name);
        if (instance.matches()) {
            return new Machine(instance.group(1) + "_" + instance.group(2), null);
        }
        Matcher vm = VM_NAME.matcher(name);
        return vm.matches() ? new Machine(vm.group(1), null) : null;
    }

    /**
     * {@code cloud.instance.name} unless another cloud's; else the host name's first DNS label, and the machine the
     * inventory has under that computer name.
     */
    static Guest guest(ProcessRecord process, List<InventoryResource> inventory) {
        String hostName = process.host().toLowerCase(Locale.ROOT);
        String instance = process.cloudInstanceName();
        if (instance != null
                && (process.cloudProvider() == null || process.cloudProvider().equalsIgnoreCase("azure"))) {
            Machine machine = new Machine(instance, null);
            return new Guest(hostName, "cloud_instance_name", machine, machine.key());
        }
        String name = hostName.contains(".") ? hostName.substring(0, hostName.indexOf('.')) : hostName;
        Machine listed = listedMachine(name, inventory);
        return listed != null
                ? new Guest(hostName, "inventory", listed, listed.key())
                : new Guest(hostName, "host_name", null, name);
    }

    /**
     * The one machine whose guest the inventory names so: a VM or scale-set VM of that computer name; failing any, an
     * instance of the scale set whose prefix the name is, followed by the instance id in six base-36 digits.
     */
    static Machine listedMachine(String name, List<InventoryResource> inventory) {
        List<Machine> named = new ArrayList<>();
        List<Machine> instances = new ArrayList<>();
        for (InventoryResource resource : inventory) {
            String computerName = resource.computerName().toLowerCase(Locale.ROOT);
            if (!resource.isScaleSet() && computerName.equals(name)) {
                named.add(new Machine(machineOfId(resource.id()).name(), resource.id()));
            }
            if (resource.isScaleSet()
                    && name.startsWith(computerName)
                    && INSTANCE_SUFFIX
                            .matcher(name.substring(computerName.length()))
                            .matches()) {
                Matcher scaleSet = SCALE_SET_ID.matcher(resource.id());
                if (!scaleSet.matches()) {
                    throw new IllegalArgumentException("not a scale set: " + resource.id());
                }
                long instanceId = Long.parseLong(name.substring(computerName.length()), 36);
                instances.add(new Machine(
                        scaleSet.group(1) + "_" + instanceId, resource.id() + "/virtualMachines/" + instanceId));
            }
        }
        List<Machine> candidates = named.isEmpty() ? instances : named;
        return candidates.size() == 1 ? candidates.get(0) : null;
    }

    // ---- R1 and R3 ------------------------------------------------------------------------------------------------

    /** The two ways to run a command (docs/spec.md, section 10), each with the rule that correlates it. */
    enum Family {
        ACTION("R1", Scenario.RUN_COMMAND, Scenario.SCALE_SET_RUN_COMMAND),
        MANAGED("R3", Scenario.MANAGED_RUN_COMMAND, Scenario.SCALE_SET_MANAGED_RUN_COMMAND);

        final String rule;
        final List<String> operations;

        Family(String rule, String... operations) {
            this.rule = rule;
            this.operations = List.of(operations);
        }

        /** The family of an {@code event.action}, compared case-insensitively; null for another operation. */
        static Family of(String operation) {
            for (Family family : values()) {
                if (family.operations.stream().anyMatch(operation::equalsIgnoreCase)) {
                    return family;
                }
            }
            return null;
        }

        /** R1's guest process, or R3's (a script child of the managed handler, R4's condition). */
        boolean isGuestProcess(ProcessRecord process) {
            return this == ACTION ? isR1GuestProcess(process) : isR4Hit(process);
        }
    }

    /** The Run Command records Azure wrote for one invocation on one machine. */
    record Invocation(Family family, String host, String idKey, List<ActivityRecord> records) {
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

        /**
         * The machine as the alert names it (docs/choices.md, "Host identity"): from the earliest record with a
         * resource id, the smallest id among those of one time; without any, from the earliest record.
         */
        Machine machine() {
            List<ActivityRecord> withId = records.stream()
                    .filter(record -> record.resourceId() != null)
                    .toList();
            if (withId.isEmpty()) {
                String name = the(
                        earliest().stream()
                                .map(record -> ReferenceModel.machine(record).name())
                                .toList(),
                        "machine's name");
                return new Machine(name, null);
            }
            long first = withId.stream().mapToLong(ActivityRecord::at).min().orElseThrow();
            return withId.stream()
                    .filter(record -> record.at() == first)
                    .min(Comparator.comparing(ActivityRecord::resourceId))
                    .map(ReferenceModel::machine)
                    .orElseThrow();
        }
    }

    private static List<Expected> correlations(
            Family family,
            List<ActivityRecord> activity,
            List<ProcessRecord> processes,
            Map<ProcessRecord, Guest> guests,
            Locations where) {
        List<Invocation> invocations = invocations(family, activity);
        // By identity: two invocations of equal records are still two.
        Map<Invocation, List<ProcessRecord>> correlated = new IdentityHashMap<>();
        for (ProcessRecord process : processes) {
            if (!family.isGuestProcess(process)) {
                continue;
            }
            Invocation latest = null;
            for (Invocation invocation : invocations) {
                long delay = process.at() - invocation.at();
                if (invocation.host().equals(guests.get(process).key())
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
        correlated.forEach((invocation, correlatedProcesses) ->
                alerts.add(correlationAlert(invocation, correlatedProcesses, guests, where)));
        return alerts;
    }

    /**
     * Run Command events of a family (its actions, case-insensitively, on a machine, and not a failure) grouped into
     * invocations: per machine, one per correlation id compared case-insensitively; a record without id is an
     * invocation of its own.
     */
    static List<Invocation> invocations(Family family, List<ActivityRecord> activity) {
        Map<List<String>, Invocation> byId = new LinkedHashMap<>();
        List<Invocation> invocations = new ArrayList<>();
        for (ActivityRecord record : activity) {
            Machine machine = machine(record);
            if (Family.of(record.operation()) != family || record.result() == Result.FAILURE || machine == null) {
                continue;
            }
            String host = machine.key();
            if (record.correlationId() == null) {
                invocations.add(new Invocation(family, host, null, new ArrayList<>(List.of(record))));
                continue;
            }
            String idKey = record.correlationId().toLowerCase(Locale.ROOT);
            Invocation invocation = byId.computeIfAbsent(
                    List.of(host, idKey), key -> new Invocation(family, host, idKey, new ArrayList<>()));
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

    private static Expected correlationAlert(
            Invocation invocation, List<ProcessRecord> processes, Map<ProcessRecord, Guest> guests, Locations where) {
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
        long firstProcessAt =
                processes.stream().mapToLong(ProcessRecord::at).min().orElseThrow();
        Set<List<String>> earliestGuests = new TreeSet<>(Comparator.comparing(List::toString));
        processes.stream()
                .filter(process -> process.at() == firstProcessAt)
                .map(guests::get)
                .forEach(guest -> earliestGuests.add(List.of(guest.hostName(), guest.match())));
        List<String> guest = earliestGuests.iterator().next();
        Machine machine = invocation.machine();
        AlertView view = new AlertView(
                invocation.family().rule,
                guest.get(0),
                time(invocation.at()),
                machine.name(),
                machine.resourceId(),
                guest.get(1),
                invocation.correlationId(),
                processes.size(),
                time(firstProcessAt),
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
        return new Expected(view, firstSeen, atEarliest, emailAtEarliest, earliestGuests);
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

    // ---- R2 and R4 ------------------------------------------------------------------------------------------------

    /** docs/spec.md, section 3: a process start whose parent is the script's PowerShell or a shell running the waagent script. */
    static boolean isR2Hit(ProcessRecord process) {
        return isProcessStart(process) && (hasWindowsScriptParent(process) || hasLinuxScriptParent(process, R2_SHELLS));
    }

    /**
     * docs/spec.md, section 10: a process start whose parent is a shell of section 3 with an argument starting with a
     * script folder of the managed handler, or {@code powershell.exe} (any case) whose command line holds the Windows
     * handler's plugin folder, compared case-insensitively.
     */
    static boolean isR4Hit(ProcessRecord process) {
        boolean linux = process.parentName() != null
                && R2_SHELLS.contains(process.parentName())
                && process.parentArgs().stream()
                        .anyMatch(arg -> HANDLER_SCRIPT.matcher(arg).lookingAt());
        boolean windows = "powershell.exe".equalsIgnoreCase(process.parentName())
                && process.parentCommandLine() != null
                && process.parentCommandLine().toLowerCase(Locale.ROOT).contains(WINDOWS_HANDLER_FOLDER);
        return isProcessStart(process) && (linux || windows);
    }

    private static boolean isProcessStart(ProcessRecord process) {
        return isSysmon(process)
                || process.eventType().contains("start")
                || process.eventType().contains("process_started");
    }

    private static Expected childAlert(String rule, ProcessRecord process, Guest guest, Locations where) {
        AlertView view = new AlertView(
                rule,
                guest.hostName(),
                time(process.at()),
                guest.machine() == null ? null : guest.machine().name(),
                guest.machine() == null ? null : guest.machine().resourceId(),
                null,
                null,
                null,
                null,
                null,
                process.commandLine() == null ? List.of() : List.of(process.commandLine()),
                List.of(source(process, where)));
        return new Expected(view, Map.of(), Set.of(), null, Set.of());
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
