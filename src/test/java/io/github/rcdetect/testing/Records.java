package io.github.rcdetect.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rcdetect.output.Json;

import java.time.Instant;

/**
 * Test records in the shapes of ../shared/samples: raw Azure Activity Log records as Azure Monitor streams them
 * (there is no public Run Command record, so they follow the DEALLOCATE record of the beats sample), Elastic Defend
 * process events and Sysmon event 1.
 */
public final class Records {
    public static final String RUN_COMMAND = "MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION";
    public static final String WINDOWS_SCRIPT = "powershell -ExecutionPolicy Unrestricted -File script1.ps1";
    public static final String LINUX_SCRIPT = "/var/lib/waagent/run-command/download/0/script.sh";
    public static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    private Records() {}

    /** {@code T0} plus a number of seconds, as ISO-8601. */
    public static String at(double seconds) {
        return T0.plusNanos(Math.round(seconds * 1e9)).toString();
    }

    /** A raw Activity Log record of a Run Command on a VM ({@code resultType} Start, Accept, Success, Failure). */
    public static ObjectNode runCommand(String time, String vm, String correlationId, String resultType) {
        ObjectNode record = Json.MAPPER.createObjectNode();
        record.put("time", time);
        record.put(
                "resourceId",
                "/SUBSCRIPTIONS/12CABCB4-86E8-404F-A3D2-1DC9982F45CA/RESOURCEGROUPS/PROD-RG/PROVIDERS/"
                        + "MICROSOFT.COMPUTE/VIRTUALMACHINES/"
                        + vm);
        record.put("operationName", RUN_COMMAND);
        record.put("category", "Administrative");
        record.put("resultType", resultType);
        if (correlationId != null) {
            record.put("correlationId", correlationId);
        }
        record.put("callerIpAddress", "203.0.113.7");
        record.put("tenantId", "aa40685b-417d-4664-b4ec-8f7640719adb");
        ObjectNode identity = record.putObject("identity");
        identity.putObject("authorization").putObject("evidence").put("principalId", "ee4d999c57f24213adac6192582b8649");
        identity.putObject("claims")
                .put("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", "mallory@contoso.com")
                .put("name", "Mallory");
        return record;
    }

    /** An Event Hub message holding several records. */
    public static ObjectNode batch(ObjectNode... records) {
        ObjectNode message = Json.MAPPER.createObjectNode();
        ArrayNode array = message.putArray("records");
        for (ObjectNode record : records) {
            array.add(record);
        }
        return message;
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
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("@timestamp", time);
        ObjectNode event = doc.putObject("event");
        event.put("kind", "event");
        event.put("module", "endpoint");
        event.put("action", action);
        event.put("id", "ev-" + host + "-" + time + "-" + name);
        event.putArray("category").add("process");
        event.putArray("type").add("start");
        doc.putObject("host").put("name", host);
        ObjectNode process = doc.putObject("process");
        process.put("name", name);
        process.put("pid", Math.abs((time + name).hashCode() % 30000) + 100);
        process.put("command_line", commandLine);
        process.putArray("args").add(name);
        ObjectNode parent = process.putObject("parent");
        parent.put("name", parentName);
        parent.put("command_line", parentCommandLine);
        ArrayNode parentArgs = parent.putArray("args").add(parentName);
        if (parentScriptArg != null) {
            parentArgs.add(parentScriptArg);
        }
        return doc;
    }

    public static String line(ObjectNode node) {
        return Json.write(node);
    }
}
