package io.github.rcdetect.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rcdetect.reference.Scenario.ActivityRecord;
import io.github.rcdetect.reference.Scenario.ActivityShape;
import io.github.rcdetect.reference.Scenario.InventoryResource;
import io.github.rcdetect.reference.Scenario.ProcessRecord;
import io.github.rcdetect.reference.Scenario.ProcessShape;
import io.github.rcdetect.reference.Scenario.Result;
import io.github.rcdetect.reference.Scenario.Target;
import io.github.rcdetect.testing.records.TimeFormat;

import org.junit.jupiter.api.Test;

import java.util.List;

/** The reference model on hand-made scenarios: it must say what docs/spec.md, sections 3, 4, 9 and 10 say before it judges the job. */
class ReferenceModelTest {
    private static final String SCRIPT = "powershell -ExecutionPolicy Unrestricted -File script1.ps1";
    private static final String WAAGENT = "/var/lib/waagent/run-command/download/0/script.sh";
    private static final String HANDLER_SCRIPT = "/var/lib/waagent/run-command-handler/download/rc/0/script.sh";
    private static final String IDS = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/";

    /** Locations do not matter here. */
    private static final ReferenceModel.Locations NOWHERE = new ReferenceModel.Locations() {
        @Override
        public String file(Object record) {
            return "f";
        }

        @Override
        public long line(Object record) {
            return 1;
        }

        @Override
        public Integer recordIndex(Object record) {
            return null;
        }
    };

    private static ActivityRecord record(long at, String vm, String id, Result result) {
        return record(at, Target.vm(vm), Scenario.RUN_COMMAND, id, result);
    }

    private static ActivityRecord record(long at, Target target, String operation, String id, Result result) {
        return new ActivityRecord(
                at,
                target,
                operation,
                id,
                result,
                "mallory@contoso.com",
                target.byName() ? ActivityShape.ECS_NESTED : ActivityShape.RAW,
                TimeFormat.MILLIS_Z);
    }

    /** A managed run command {@code rc} written on a VM, or on an instance of a scale set. */
    private static ActivityRecord managed(long at, String scaleSet, String machine, Result result) {
        return record(
                at,
                new Target(scaleSet, machine, "rc", "prod-rg", false),
                scaleSet == null ? Scenario.MANAGED_RUN_COMMAND : Scenario.SCALE_SET_MANAGED_RUN_COMMAND,
                "m" + at,
                result);
    }

    /** A process start under bash running {@code script}, on a guest reporting these names and cloud. */
    private static ProcessRecord shellChild(
            long at, String host, String cloudInstanceName, String cloudProvider, String script) {
        return new ProcessRecord(
                at,
                host,
                cloudInstanceName,
                cloudProvider,
                ProcessShape.DEFEND,
                "exec",
                List.of("start"),
                "id",
                "id -a",
                "bash",
                "bash " + script,
                List.of("bash", script),
                "e" + at,
                1,
                TimeFormat.MILLIS_Z);
    }

    private static ProcessRecord windows(
            long at, String host, String name, String parentName, String parentCommandLine) {
        return new ProcessRecord(
                at,
                host,
                null,
                null,
                ProcessShape.DEFEND,
                "start",
                List.of("start"),
                name,
                name + " /x",
                parentName,
                parentCommandLine,
                List.of(),
                "e" + at,
                1,
                TimeFormat.MILLIS_Z);
    }

    private static ProcessRecord child(long at, String commandLine) {
        return new ProcessRecord(
                at,
                "VM1",
                null,
                null,
                ProcessShape.DEFEND,
                "start",
                List.of("start"),
                "whoami.exe",
                commandLine,
                "powershell.exe",
                SCRIPT,
                List.of(),
                "e" + at,
                1,
                TimeFormat.MILLIS_Z);
    }

    private static ProcessRecord linux(long at, String action, String shell, String... parentArgs) {
        return new ProcessRecord(
                at,
                "vm1",
                null,
                null,
                ProcessShape.DEFEND,
                action,
                List.of("start"),
                "id",
                "id",
                shell,
                shell + " " + WAAGENT,
                List.of(parentArgs),
                "e" + at,
                1,
                TimeFormat.MILLIS_Z);
    }

    /** R1 alerts as "time id [command lines]". */
    private static List<String> r1(List<ActivityRecord> activity, List<ProcessRecord> processes) {
        return ReferenceModel.alerts(List.of(new Scenario(activity, processes)), NOWHERE).stream()
                .map(ReferenceModel.Expected::view)
                .filter(view -> view.rule().equals("R1"))
                .map(view -> view.timestamp().substring(14) + " " + view.correlationId() + " " + view.commandLines())
                .toList();
    }

    /** The alerts of one scenario as "rule host machine id match [command lines]". */
    private static List<String> alerts(Scenario scenario) {
        return ReferenceModel.alerts(List.of(scenario), NOWHERE).stream()
                .map(ReferenceModel.Expected::view)
                .map(view -> view.rule() + " " + view.host() + " " + view.cloudInstanceName() + " " + view.resourceId()
                        + " " + view.hostMatch() + " " + view.commandLines())
                .toList();
    }

    private static ReferenceModel.Guest guest(
            String host, String cloudInstanceName, String provider, List<InventoryResource> inventory) {
        return ReferenceModel.guest(shellChild(0, host, cloudInstanceName, provider, HANDLER_SCRIPT), inventory);
    }

    private static List<String> r2(ProcessRecord process) {
        return ReferenceModel.alerts(List.of(new Scenario(List.of(), List.of(process))), NOWHERE).stream()
                .map(expected -> expected.view().host() + " " + expected.view().commandLines())
                .toList();
    }

    @Test
    void theWindowIsZeroTo120SecondsInclusiveAtMillisecondResolution() {
        assertThat(r1(
                        List.of(record(0, "VM1", "c1", Result.START)),
                        List.of(child(-1, "early"), child(0, "at"), child(120_000, "last"), child(120_001, "late"))))
                .containsExactly("00:00.000Z c1 [at, last]");
    }

    @Test
    void eachProcessBelongsToTheLatestInvocationBeforeIt() {
        assertThat(r1(
                        List.of(record(0, "vm1", "a", Result.START), record(10_000, "vm1", "b", Result.START)),
                        List.of(child(5_000, "first"), child(10_000, "second"), child(125_000, "third"))))
                .containsExactly("00:00.000Z a [first]", "00:10.000Z b [second, third]");
    }

    @Test
    void ofInvocationsAtOneMillisecondTheGreaterIdIgnoringCaseIsTheLatestAndNoIdComesFirst() {
        assertThat(r1(
                        List.of(record(0, "vm1", "a3", Result.START), record(0, "vm1", "B2", Result.START)),
                        List.of(child(1, "p"))))
                .containsExactly("00:00.000Z B2 [p]");
        assertThat(r1(
                        List.of(record(0, "vm1", null, Result.START), record(0, "vm1", "a", Result.START)),
                        List.of(child(1, "p"))))
                .containsExactly("00:00.000Z a [p]");
    }

    @Test
    void recordsSharingAnIdInAnyCaseAreOneInvocationAtTheEarliestAndAFailureIsNoneOfThem() {
        assertThat(r1(
                        List.of(
                                record(90_000, "vm1", "ABC", Result.SUCCESS),
                                record(-5_000, "vm1", "abc", Result.FAILURE),
                                record(0, "VM1", "abc", Result.START)),
                        List.of(child(100_000, "in"), child(150_000, "after the success, too late"))))
                .containsExactly("00:00.000Z abc [in]");
        assertThat(r1(List.of(record(0, "vm1", "abc", Result.FAILURE)), List.of(child(1, "p"))))
                .isEmpty();
        assertThat(r1(
                        List.of(record(0, "vm1", null, Result.START), record(60_000, "vm1", null, Result.SUCCESS)),
                        List.of(child(70_000, "p"))))
                .as("records without id are invocations of their own")
                .containsExactly("01:00.000Z null [p]");
    }

    @Test
    void guestProcessesAreTheScriptsChildrenOnly() {
        List<ActivityRecord> invocation = List.of(record(0, "vm1", "c1", Result.START));
        assertThat(r1(invocation, List.of(windows(1, "vm1", "CONHOST.EXE", "powershell.exe", SCRIPT))))
                .isEmpty();
        assertThat(r1(
                        invocation,
                        List.of(windows(
                                1,
                                "vm1",
                                "a.exe",
                                "PowerShell.EXE",
                                " POWERSHELL\t-executionpolicy  unrestricted -FILE SCRIPT123.PS1 "))))
                .hasSize(1);
        assertThat(r1(
                        invocation,
                        List.of(windows(
                                1,
                                "vm1",
                                "a.exe",
                                "powershell.exe",
                                "powershell -ExecutionPolicy Unrestricted -File script.ps1"))))
                .isEmpty();
        assertThat(r1(invocation, List.of(windows(1, "vm1", "a.exe", "pwsh.exe", SCRIPT))))
                .isEmpty();
        assertThat(r1(invocation, List.of(linux(1, "exec", "dash", "dash", WAAGENT))))
                .hasSize(1);
        assertThat(r1(
                        invocation,
                        List.of(linux(1, "exec", "bash", "/var/lib/waagent/run-command/download//script.sh"))))
                .hasSize(1);
        assertThat(r1(invocation, List.of(linux(1, "fork", "bash", WAAGENT)))).isEmpty();
        assertThat(r1(invocation, List.of(linux(1, "exec", "zsh", WAAGENT)))).isEmpty();
        assertThat(r1(invocation, List.of(linux(1, "exec", "Bash", WAAGENT)))).isEmpty();
        assertThat(r1(invocation, List.of(linux(1, "exec", "sh", "/var/lib/waagent/run-command/download/script.sh"))))
                .isEmpty();
        assertThat(r1(invocation, List.of(linux(1, "exec", "sh", "sh " + WAAGENT))))
                .isEmpty();
    }

    @Test
    void r2IsEveryProcessStartUnderTheScriptHostOnAnyShell() {
        assertThat(r2(linux(0, "fork", "zsh", WAAGENT))).containsExactly("vm1 [id]");
        assertThat(r2(linux(0, "exec", "python3", WAAGENT))).isEmpty();
        assertThat(r2(windows(0, "VM1", "conhost.exe", "powershell.exe", SCRIPT)))
                .containsExactly("vm1 [conhost.exe /x]");
        ProcessRecord end = new ProcessRecord(
                0,
                "vm1",
                null,
                null,
                ProcessShape.DEFEND,
                "end",
                List.of("end"),
                "id",
                "id",
                "bash",
                "bash",
                List.of(WAAGENT),
                "e",
                1,
                TimeFormat.MILLIS_Z);
        assertThat(r2(end)).isEmpty();
    }

    @Test
    void tiesTheReadmeLeavesOpenAreRefusedNotGuessed() {
        assertThatThrownBy(() -> r1(
                        List.of(record(0, "vm1", null, Result.START), record(0, "vm1", null, Result.START)),
                        List.of(child(1, "p"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r1(
                        List.of(record(0, "vm1", "ABC", Result.START), record(0, "vm1", "abc", Result.ACCEPT)),
                        List.of(child(1, "p"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRecordsMachineIsReadFromEveryResourceIdFormInAnyCaseAndFromItsNameWithoutOne() {
        assertThat(ReferenceModel.machineOfId(IDS + "virtualMachines/Web-01"))
                .isEqualTo(new ReferenceModel.Machine("Web-01", IDS + "virtualMachines/Web-01"));
        assertThat(
                        ReferenceModel.machineOfId(
                                "/SUBSCRIPTIONS/S/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/WEB-01/RUNCOMMANDS/RC1"))
                .isEqualTo(new ReferenceModel.Machine(
                        "WEB-01",
                        "/SUBSCRIPTIONS/S/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/WEB-01"));
        assertThat(ReferenceModel.machineOfId(IDS + "virtualMachineScaleSets/FrontSS/virtualMachines/75"))
                .isEqualTo(new ReferenceModel.Machine(
                        "FrontSS_75", IDS + "virtualMachineScaleSets/FrontSS/virtualMachines/75"));
        assertThat(ReferenceModel.machineOfId(
                        IDS + "virtualmachinescalesets/FrontSS/VirtualMachines/75/runcommands/rc"))
                .isEqualTo(new ReferenceModel.Machine(
                        "FrontSS_75", IDS + "virtualmachinescalesets/FrontSS/VirtualMachines/75"));
        String typeNamedGroup = "/subscriptions/s/resourceGroups/virtualMachines/providers/Microsoft.Compute/";
        assertThat(ReferenceModel.machineOfId(typeNamedGroup + "virtualMachines/vm1"))
                .isEqualTo(new ReferenceModel.Machine("vm1", typeNamedGroup + "virtualMachines/vm1"));
        assertThat(ReferenceModel.machineOfId(IDS + "virtualMachineScaleSets/FrontSS"))
                .isNull();
        assertThat(ReferenceModel.machineOfId(IDS + "disks/vm1-os")).isNull();
        assertThat(ReferenceModel.machine(record(0, new Target("FrontSS", "3", "rc", "prod-rg", true), "", null, null)))
                .isEqualTo(new ReferenceModel.Machine("FrontSS_3", null));
    }

    @Test
    void aGuestIsItsAzureCloudInstanceNameElseItsHostNamesFirstLabelWhichTheInventoryMayNameOtherwise() {
        assertThat(guest("WIN-PAY-03.corp.fabrikam.com", null, null, List.of()))
                .isEqualTo(new ReferenceModel.Guest("win-pay-03.corp.fabrikam.com", "host_name", null, "win-pay-03"));
        ReferenceModel.Machine cache = new ReferenceModel.Machine("LNX-CACHE-VM-2", null);
        assertThat(guest("cache-a", "LNX-CACHE-VM-2", "azure", List.of()))
                .isEqualTo(new ReferenceModel.Guest("cache-a", "cloud_instance_name", cache, "lnx-cache-vm-2"));
        assertThat(guest("cache-a", "LNX-CACHE-VM-2", null, List.of()).key()).isEqualTo("lnx-cache-vm-2");
        assertThat(guest("cache-a", "i-0abc", "aws", List.of()).key()).isEqualTo("cache-a");

        InventoryResource sql = new InventoryResource(Target.vm("SQL-REPORTING-VM-07"), "SQLRPT07", true);
        InventoryResource front =
                new InventoryResource(new Target("FRONTSS", null, null, "rg", false), "frontss", false);
        String frontId = front.id();
        assertThat(guest("sqlrpt07.corp.contoso.com", null, null, List.of(sql, front)))
                .isEqualTo(new ReferenceModel.Guest(
                        "sqlrpt07.corp.contoso.com",
                        "inventory",
                        new ReferenceModel.Machine("SQL-REPORTING-VM-07", sql.id()),
                        "sql-reporting-vm-07"));
        assertThat(guest("FRONTSS000023", null, null, List.of(sql, front)).machine())
                .as("75 is 23 in base 36")
                .isEqualTo(new ReferenceModel.Machine("FRONTSS_75", frontId + "/virtualMachines/75"));
        assertThat(guest("frontss00002z", null, null, List.of(front)).key()).isEqualTo("frontss_107");
        assertThat(guest("frontss23", null, null, List.of(front)).match())
                .as("six digits or none")
                .isEqualTo("host_name");
        assertThat(guest("frontss0000-1", null, null, List.of(front)).match()).isEqualTo("host_name");
        InventoryResource dotted = new InventoryResource(Target.vm("web.prod"), "web.prod", true);
        assertThat(guest("web.prod", null, null, List.of(dotted)))
                .as("the inventory is asked for the first label, and a VM named with a dot is no guest's first label")
                .isEqualTo(new ReferenceModel.Guest("web.prod", "host_name", null, "web"));
    }

    @Test
    void theInventoryGuessesNothingAndAsksExactNamesBeforePrefixes() {
        InventoryResource front =
                new InventoryResource(new Target("FRONTSS", null, null, "rg", false), "frontss", false);
        InventoryResource back = new InventoryResource(new Target("BACKSS", null, null, "rg", false), "FrontSS", true);
        assertThat(guest("frontss000001", null, null, List.of(front, back)))
                .as("a prefix two scale sets share")
                .isEqualTo(new ReferenceModel.Guest("frontss000001", "host_name", null, "frontss000001"));
        InventoryResource one = new InventoryResource(Target.vm("vm-a"), "shared", true);
        InventoryResource two = new InventoryResource(Target.vm("vm-b"), "SHARED", false);
        assertThat(guest("shared", null, null, List.of(one, two)).match()).isEqualTo("host_name");
        InventoryResource instance =
                new InventoryResource(new Target("OTHERSS", "4", null, "rg", false), "frontss000001", true);
        assertThat(guest("frontss000001", null, null, List.of(front, instance)).machine())
                .isEqualTo(new ReferenceModel.Machine("OTHERSS_4", instance.id()));
        InventoryResource swapped = new InventoryResource(Target.vm("vm-a"), "vm-b", true);
        assertThat(guest("vm-b", null, null, List.of(swapped)).key())
                .as("the inventory wins over a VM of that name")
                .isEqualTo("vm-a");
    }

    @Test
    void r3CorrelatesManagedWritesWithTheHandlersScriptChildrenAndTheFamiliesDoNotMix() {
        ProcessRecord handlerChild = shellChild(10_000, "lnx-build-07", null, null, HANDLER_SCRIPT);
        ProcessRecord v1Child = shellChild(10_000, "lnx-build-07", null, null, WAAGENT);
        String vm = IDS.replace("/s/", "/" + Scenario.SUBSCRIPTION.toLowerCase(java.util.Locale.ROOT) + "/")
                .replace("/rg/", "/prod-rg/");
        String machine = "/SUBSCRIPTIONS/" + Scenario.SUBSCRIPTION
                + "/RESOURCEGROUPS/PROD-RG/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/LNX-BUILD-07";
        assertThat(alerts(new Scenario(
                        List.of(managed(0, null, "LNX-BUILD-07", Result.START)), List.of(handlerChild, v1Child))))
                .containsExactlyInAnyOrder(
                        "R2 lnx-build-07 null null null [id -a]",
                        "R3 lnx-build-07 LNX-BUILD-07 " + machine + " host_name [id -a]",
                        "R4 lnx-build-07 null null null [id -a]");
        assertThat(alerts(new Scenario(List.of(record(0, "LNX-BUILD-07", "a", Result.START)), List.of(handlerChild))))
                .as("a v1 action does not correlate with a v2 process")
                .containsExactly("R4 lnx-build-07 null null null [id -a]");
        assertThat(alerts(
                        new Scenario(List.of(managed(0, null, "LNX-BUILD-07", Result.FAILURE)), List.of(handlerChild))))
                .as("a failed write")
                .containsExactly("R4 lnx-build-07 null null null [id -a]");
        assertThat(alerts(new Scenario(
                        List.of(managed(1, "FRONTSS", "75", Result.SUCCESS)),
                        List.of(shellChild(2, "frontss00002b", "frontss_75", "azure", HANDLER_SCRIPT)))))
                .as("a managed write on a scale-set instance, its guest named by cloud metadata")
                .containsExactlyInAnyOrder(
                        "R3 frontss00002b FRONTSS_75 " + vm + "virtualMachineScaleSets/FRONTSS/virtualMachines/75"
                                + " cloud_instance_name [id -a]",
                        "R4 frontss00002b frontss_75 null null [id -a]");
    }

    @Test
    void r4IsAProcessStartUnderAScriptTheManagedHandlerKeeps() {
        for (String script : List.of(
                HANDLER_SCRIPT,
                "/var/lib/waagent/run-command-handler/immediateDownload/rc/0/install.sh",
                "/var/lib/waagent/run-command-handler/download/rc/0/script.sh --force 7",
                "/home/deploy/waagent/run-command-handler-runas/download/rc/0/script.sh",
                "/home/deploy/waagent/run-command-handler-runas/immediateDownload/rc/0/script.sh")) {
            assertThat(ReferenceModel.isR4Hit(shellChild(0, "h", null, null, script)))
                    .as(script)
                    .isTrue();
        }
        for (String script : List.of(
                "/opt/x/var/lib/waagent/run-command-handler/download/rc/0/script.sh",
                "bash /var/lib/waagent/run-command-handler/download/rc/0/script.sh",
                "/var/lib/waagent/run-command-handler/downloads/rc/0/script.sh",
                "/home//waagent/run-command-handler-runas/download/rc/0/script.sh",
                "/home/a/b/waagent/run-command-handler-runas/download/rc/0/script.sh",
                WAAGENT)) {
            assertThat(ReferenceModel.isR4Hit(shellChild(0, "h", null, null, script)))
                    .as(script)
                    .isFalse();
        }
        String handler = "C:\\Packages\\Plugins\\Microsoft.CPlat.Core.RunCommandHandlerWindows\\2.0.14\\Downloads\\";
        assertThat(ReferenceModel.isR4Hit(windows(
                        0, "h", "whoami.exe", "PowerShell.exe", "powershell -File " + handler.toUpperCase() + "a.ps1")))
                .isTrue();
        assertThat(ReferenceModel.isR4Hit(windows(
                        0,
                        "h",
                        "whoami.exe",
                        "powershell.exe",
                        "powershell -File C:\\Packages\\Plugins\\Microsoft.CPlat.Core.RunCommandWindows\\1.1\\a.ps1")))
                .isFalse();
        assertThat(ReferenceModel.isR4Hit(windows(0, "h", "whoami.exe", "pwsh.exe", "pwsh -File " + handler + "a.ps1")))
                .isFalse();
    }

    @Test
    void aCorrelationNamesItsMachineAsItsEarliestRecordWithAnIdSpellsItAndItsHostAsItsEarliestProcessReportsIt() {
        String upper = "/SUBSCRIPTIONS/" + Scenario.SUBSCRIPTION
                + "/RESOURCEGROUPS/PROD-RG/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/";
        ProcessRecord fqdn = child(5, "first").withNames(host -> "VM1.corp.contoso.com");
        assertThat(r1Machine(
                        List.of(
                                record(0, "Vm1", "c1", Result.START),
                                record(0, "VM1", "c1", Result.ACCEPT),
                                record(1, "vm1", "c1", Result.SUCCESS)),
                        List.of(fqdn, child(6, "second"))))
                .as("the smallest id of the earliest records")
                .containsExactly("vm1.corp.contoso.com VM1 " + upper + "VM1 host_name");
        assertThat(r1Machine(
                        List.of(
                                record(
                                        0,
                                        new Target(null, "VM1", null, "prod-rg", true),
                                        Scenario.RUN_COMMAND,
                                        "c1",
                                        Result.START),
                                record(1, "vm1", "c1", Result.SUCCESS)),
                        List.of(fqdn)))
                .as("a later record with an id names it before an earlier one without")
                .containsExactly("vm1.corp.contoso.com vm1 /subscriptions/"
                        + Scenario.SUBSCRIPTION.toLowerCase(java.util.Locale.ROOT)
                        + "/resourceGroups/prod-rg/providers/Microsoft.Compute/virtualMachines/vm1 host_name");
        assertThat(r1Machine(
                        List.of(record(
                                0,
                                new Target(null, "VM1", "rc", "prod-rg", true),
                                Scenario.RUN_COMMAND,
                                "c1",
                                Result.START)),
                        List.of(fqdn)))
                .as("no record with an id")
                .containsExactly("vm1.corp.contoso.com VM1 null host_name");
    }

    /** R1 alerts as "host machine resource-id host-match". */
    private static List<String> r1Machine(List<ActivityRecord> activity, List<ProcessRecord> processes) {
        return ReferenceModel.alerts(List.of(new Scenario(activity, processes)), NOWHERE).stream()
                .map(ReferenceModel.Expected::view)
                .filter(view -> view.rule().equals("R1"))
                .map(view ->
                        view.host() + " " + view.cloudInstanceName() + " " + view.resourceId() + " " + view.hostMatch())
                .toList();
    }
}
