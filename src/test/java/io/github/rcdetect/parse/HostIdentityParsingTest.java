package io.github.rcdetect.parse;

import static io.github.rcdetect.parse.Parsing.activity;
import static io.github.rcdetect.parse.Parsing.process;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.domain.HostMatch;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.event.ProcessEvent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The machine each record names, as far as the record tells (docs/spec.md, section 9), and RunAs redaction. */
class HostIdentityParsingTest {
    private static final String RG = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute";
    private static final String UPPER_RG = "/SUBSCRIPTIONS/S1/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.COMPUTE";

    private static ProcessEvent processEvent(String fields) {
        List<InputRecord> records = process("{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"event\":{\"action\":\"start\","
                + "\"type\":[\"start\"],\"category\":[\"process\"]},\"process\":{\"name\":\"id\",\"parent\":{\"name\":"
                + "\"powershell.exe\"}}," + fields + "}");
        assertThat(records).hasSize(1);
        assertThat(records.get(0).deadLetter).isNull();
        return records.get(0).process;
    }

    private static ActivityEvent activityEvent(String fields) {
        List<InputRecord> records = activity("{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"event\":{\"action\":"
                + "\"MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMANDS/WRITE\"}," + fields + "}");
        assertThat(records).hasSize(1);
        assertThat(records.get(0).deadLetter).isNull();
        return records.get(0).activity;
    }

    @Test
    void anFqdnGuestIsKeyedByItsFirstLabelAndReportedWhole() {
        ProcessEvent event = processEvent("\"host\":{\"name\":\"WIN-PAY-03.corp.fabrikam.com\"}");
        assertThat(event.hostKey).isEqualTo("win-pay-03");
        assertThat(event.hostName).isEqualTo("win-pay-03.corp.fabrikam.com");
        assertThat(event.hostMatch).isEqualTo(HostMatch.HOST_NAME);
        assertThat(event.cloudInstanceName).isNull();
    }

    @Test
    void winlogsComputerNameStandsInForAMissingHostName() {
        ProcessEvent event = processEvent("\"winlog\":{\"computer_name\":\"SQLRPT07.corp.contoso.com\"}");
        assertThat(event.hostKey).isEqualTo("sqlrpt07");
        assertThat(event.hostName).isEqualTo("sqlrpt07.corp.contoso.com");
    }

    @Test
    void cloudMetadataNamesTheMachine() {
        ProcessEvent event = processEvent(
                "\"host\":{\"name\":\"cache-a\"},\"cloud\":{\"provider\":\"azure\",\"instance\":{\"name\":\"LNX-CACHE-VM-2\"}}");
        assertThat(event.hostKey).isEqualTo("lnx-cache-vm-2");
        assertThat(event.hostName).isEqualTo("cache-a");
        assertThat(event.cloudInstanceName).isEqualTo("LNX-CACHE-VM-2");
        assertThat(event.hostMatch).isEqualTo(HostMatch.CLOUD_INSTANCE_NAME);
        assertThat(processEvent("\"host\":{\"name\":\"frontss000023\"},\"cloud.instance.name\":\"frontss_75\"").hostKey)
                .as("dotted, without provider")
                .isEqualTo("frontss_75");
    }

    @Test
    void anotherCloudsInstanceNameIsNoAzureMachine() {
        ProcessEvent event = processEvent(
                "\"host\":{\"name\":\"web-1\"},\"cloud\":{\"provider\":\"aws\",\"instance\":{\"name\":\"webserver-12\"}}");
        assertThat(event.hostKey).isEqualTo("web-1");
        assertThat(event.cloudInstanceName).isNull();
        assertThat(event.hostMatch).isEqualTo(HostMatch.HOST_NAME);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "\"azure\":{\"resource\":{\"id\":\"" + RG + "/virtualMachines/LNX-CACHE-VM-2/runCommands/rc1\","
                        + "\"name\":\"LNX-CACHE-VM-2/RUNCOMMANDS/RC1\"}} | lnx-cache-vm-2 | LNX-CACHE-VM-2 | "
                        + RG + "/virtualMachines/LNX-CACHE-VM-2",
                "\"azure\":{\"resource\":{\"id\":\"" + UPPER_RG
                        + "/VIRTUALMACHINESCALESETS/FRONTSS/VIRTUALMACHINES/75" + "\"}} | frontss_75 | FRONTSS_75 | "
                        + UPPER_RG + "/VIRTUALMACHINESCALESETS/FRONTSS/VIRTUALMACHINES/75",
                "\"resourceId\":\"" + RG + "/virtualMachineScaleSets/frontss/virtualMachines/75/runCommands/x\""
                        + " | frontss_75 | frontss_75 | " + RG + "/virtualMachineScaleSets/frontss/virtualMachines/75",
                // ECS without azure.resource.id: the resource name as the integration leaves it.
                "\"azure\":{\"resource\":{\"name\":\"FRONTSS/VIRTUALMACHINES/75/RUNCOMMANDS/RC1\"}} | frontss_75 | FRONTSS_75 | ",
                "\"azure\":{\"resource\":{\"name\":\"MYVM/RUNCOMMANDS/RC1\"}} | myvm | MYVM | ",
            })
    void anActivityRecordNamesItsMachineByResourceId(String fields, String key, String name, String machineId) {
        ActivityEvent event = activityEvent(fields);
        assertThat(event.hostKey).isEqualTo(key);
        assertThat(event.machineName).isEqualTo(name);
        assertThat(event.resourceId).isEqualTo(machineId);
    }

    @Test
    void aRunAsPasswordNeverLeavesTheParser() {
        String line =
                "echo Sup3rS3cret | sudo -S -u alice /home/alice/waagent/run-command-handler-runas/download/rc/0/script.sh";
        ProcessEvent event = process("{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"event\":{\"action\":\"exec\","
                        + "\"type\":[\"start\"]},\"host\":{\"name\":\"cache-a\"},\"process\":{\"name\":\"sudo\","
                        + "\"command_line\":\"/bin/bash -c " + line + "\",\"args\":[\"/bin/bash\",\"-c\",\"" + line
                        + "\"],"
                        + "\"parent\":{\"name\":\"bash\",\"command_line\":\"/bin/bash -c " + line + "\",\"args\":"
                        + "[\"/bin/bash\",\"-c\",\"" + line + "\"]}}}")
                .get(0)
                .process;
        String hidden = line.replace("Sup3rS3cret", "[REDACTED]");
        assertThat(event.commandLine).isEqualTo("/bin/bash -c " + hidden);
        assertThat(event.args).containsExactly("/bin/bash", "-c", hidden);
        assertThat(event.parentCommandLine).isEqualTo("/bin/bash -c " + hidden);
        assertThat(event.parentArgs).containsExactly("/bin/bash", "-c", hidden);

        DeadLetter deadLetter = process("{\"@timestamp\":\"soon\",\"process\":{\"name\":\"x\",\"parent\":{\"name\":"
                        + "\"bash\"},\"command_line\":\"" + line + "\"}}")
                .get(0)
                .deadLetter;
        assertThat(new String(deadLetter.original, StandardCharsets.UTF_8))
                .doesNotContain("Sup3rS3cret")
                .contains("echo [REDACTED] | sudo -S");
    }
}
