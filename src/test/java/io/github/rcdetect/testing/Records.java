package io.github.rcdetect.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rcdetect.testing.records.ActivityDocument;
import io.github.rcdetect.testing.records.Documents;
import io.github.rcdetect.testing.records.ProcessDocument;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The records tests use most, built with the record builders of {@code testing.records}: a raw Run Command record
 * of a caller named Mallory, and Elastic Defend script children on Windows and Linux.
 */
public final class Records {
    public static final String RUN_COMMAND = "MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION";
    public static final String WINDOWS_SCRIPT = "powershell -ExecutionPolicy Unrestricted -File script1.ps1";
    public static final String LINUX_SCRIPT = "/var/lib/waagent/run-command/download/0/script.sh";
    public static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
    private static final String SUBSCRIPTION = "12CABCB4-86E8-404F-A3D2-1DC9982F45CA";

    private Records() {}

    /** {@code T0} plus a number of seconds, as ISO-8601. */
    public static String at(double seconds) {
        return T0.plusNanos(Math.round(seconds * 1e9)).toString();
    }

    /** A raw Activity Log record of a Run Command on a VM ({@code resultType} Start, Accept, Success, Failure). */
    public static ObjectNode runCommand(String time, String vm, String correlationId, String resultType) {
        return ActivityDocument.operation(RUN_COMMAND)
                .at(time)
                .resourceId(ActivityDocument.vmResourceId(SUBSCRIPTION, "PROD-RG", vm))
                .result(resultType)
                .correlationId(correlationId)
                .caller(
                        "203.0.113.7",
                        ActivityDocument.TENANT,
                        "ee4d999c57f24213adac6192582b8649",
                        "mallory@contoso.com")
                .claims("mallory@contoso.com", null, "Mallory")
                .raw();
    }

    /** An Event Hub message holding several records. */
    public static ObjectNode batch(ObjectNode... records) {
        return Documents.eventHubBatch(records);
    }

    /** An Elastic Defend Windows process start under the Run Command PowerShell. */
    public static ObjectNode windowsChild(String time, String host, String name, String commandLine) {
        return defendProcess(time, host, "start", name, commandLine, "powershell.exe", WINDOWS_SCRIPT, null);
    }

    /** An Elastic Defend Linux exec under bash running the waagent script. */
    public static ObjectNode linuxExec(String time, String host, String name, String commandLine) {
        return defendProcess(time, host, "exec", name, commandLine, "bash", "bash " + LINUX_SCRIPT, LINUX_SCRIPT);
    }

    /** An Elastic Defend process event with the given action and parent. */
    public static ObjectNode defendProcess(
            String time,
            String host,
            String action,
            String name,
            String commandLine,
            String parentName,
            String parentCommandLine,
            String parentScriptArg) {
        List<String> parentArgs = new ArrayList<>();
        parentArgs.add(parentName);
        if (parentScriptArg != null) {
            parentArgs.add(parentScriptArg);
        }
        return ProcessDocument.process()
                .at(time)
                .host(host)
                .action(action)
                .eventId("ev-" + host + "-" + time + "-" + name)
                .name(name)
                .pid(Math.abs((time + name).hashCode() % 30000) + 100)
                .commandLine(commandLine)
                .args(List.of(name))
                .parent(parentName, parentCommandLine, parentArgs)
                .defend();
    }

    public static String line(ObjectNode node) {
        return Documents.line(node);
    }
}
