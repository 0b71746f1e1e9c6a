package io.github.rcdetect.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.domain.Candidates;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.rules.registry.Rules;
import io.github.rcdetect.testing.Processes;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/**
 * The parser drops what the domain's prefilter rejects, so every record a rule of the registry reads must pass it:
 * each rule is held to it here, whatever rules the registry lists.
 */
class CandidatesTest {
    private static final String SCRIPT = "powershell -ExecutionPolicy Unrestricted -File script1.ps1";
    private static final String WAAGENT = "/var/lib/waagent/run-command/download/3/script.sh";
    private static final List<String> PARENTS = List.of(
            "powershell.exe",
            "PowerShell.EXE",
            "bash",
            "dash",
            "sh",
            "zsh",
            "busybox",
            "Bash",
            "cmd.exe",
            "pwsh.exe",
            "python3");

    private static boolean someRuleReads(ProcessEvent event) {
        return Rules.ALL.stream().anyMatch(rule -> rule.readsProcess(event));
    }

    @Test
    void everyProcessARuleReadsIsACandidate() {
        List<ProcessEvent> events = new ArrayList<>();
        for (String parent : PARENTS) {
            events.add(Processes.windows(parent, SCRIPT));
            events.add(Processes.sysmon(parent, SCRIPT));
            events.add(Processes.linux("exec", parent, "/bin/" + parent, WAAGENT));
            events.add(Processes.linux("fork", parent, WAAGENT));
        }
        int matched = 0;
        for (ProcessEvent event : events) {
            if (someRuleReads(event)) {
                matched++;
                assertThat(Candidates.mayBeScriptChild(event.parentName))
                        .as(event.parentName)
                        .isTrue();
            }
        }
        // PowerShell both ways for two shapes; exec under the five shells R1 or R2 accept; fork under those R2 accepts.
        assertThat(matched).as("events some rule reads").isEqualTo(14);
    }

    @Test
    void processesUnderOtherParentsAreNot() {
        for (String parent : List.of("cmd.exe", "pwsh.exe", "python3", "Bash", "services.exe")) {
            assertThat(Candidates.mayBeScriptChild(Processes.windows(parent, SCRIPT).parentName))
                    .as(parent)
                    .isFalse();
        }
        assertThat(Candidates.mayBeScriptChild(Processes.linux("exec", null, WAAGENT).parentName))
                .isFalse();
    }

    @Test
    void everyRunCommandRecordIsACandidateWhateverItsOutcome() {
        for (String outcome : new String[] {null, "success", "failure"}) {
            ActivityEvent record = new ActivityEvent();
            record.hostKey = "vm1";
            record.action = "Microsoft.Compute/virtualMachines/runCommand/action";
            record.outcome = outcome;
            assertThat(Rules.ALL.stream().anyMatch(rule -> rule.readsActivity(record)))
                    .isEqualTo(!"failure".equals(outcome));
            assertThat(Candidates.mayBeRunCommandRecord(record.action))
                    .as("outcome %s", outcome)
                    .isTrue();
        }
        ActivityEvent deallocate = new ActivityEvent();
        deallocate.action = "MICROSOFT.COMPUTE/VIRTUALMACHINES/DEALLOCATE/ACTION";
        assertThat(Candidates.mayBeRunCommandRecord(deallocate.action)).isFalse();
    }
}
