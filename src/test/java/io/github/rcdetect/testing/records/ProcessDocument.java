package io.github.rcdetect.testing.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.rcdetect.output.Json;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An endpoint process event in the shapes of the public samples (src/test/resources/samples/PROVENANCE.md): Elastic
 * Defend (nested or dotted ECS), Sysmon event 1 after the ingest pipeline, and Sysmon event 1 as Winlogbeat ships it
 * ({@code winlog.event_data} only). Fields left unset are left out; {@link #full} adds what a real event carries
 * beside the fields the job reads.
 */
public final class ProcessDocument {
    private JsonNode time;
    private String host;
    private String computerName;
    private boolean withoutHostName;
    private String action;
    private List<String> eventType = List.of("start");
    private boolean eventTypeAsScalar;
    private String eventCode;
    private String eventId;
    private String name;
    private Long pid;
    private String entityId;
    private String executable;
    private List<String> args;
    private String commandLine;
    private String parentName;
    private Long parentPid;
    private String parentEntityId;
    private String parentExecutable;
    private List<String> parentArgs;
    private String parentCommandLine;
    private String cloudInstanceName;
    private String cloudProvider = "azure";
    private SplittableRandom details;

    private ProcessDocument() {}

    public static ProcessDocument process() {
        return new ProcessDocument();
    }

    public ProcessDocument at(Instant instant) {
        return time(TextNode.valueOf(instant.toString()));
    }

    public ProcessDocument at(String iso) {
        return time(TextNode.valueOf(iso));
    }

    /** The time exactly as it is to be written. */
    public ProcessDocument time(JsonNode value) {
        this.time = value;
        return this;
    }

    /** {@code host.name}, and {@code winlog.computer_name} of the Sysmon shapes unless {@link #computerName} says. */
    public ProcessDocument host(String name) {
        this.host = name;
        return this;
    }

    public ProcessDocument computerName(String name) {
        this.computerName = name;
        return this;
    }

    /** A Winlogbeat document named by {@code winlog.computer_name} alone. */
    public ProcessDocument withoutHostName() {
        this.withoutHostName = true;
        return this;
    }

    /** Elastic Agent's cloud metadata: {@code cloud.instance.name}, on Azure. */
    public ProcessDocument cloudInstanceName(String name) {
        this.cloudInstanceName = name;
        return this;
    }

    /** {@code cloud.instance.name} (null for no cloud metadata) and {@code cloud.provider} (null leaves it out). */
    public ProcessDocument cloud(String instanceName, String provider) {
        this.cloudInstanceName = instanceName;
        this.cloudProvider = provider;
        return this;
    }

    /** Defend's {@code event.action}: start, exec, fork, end. */
    public ProcessDocument action(String value) {
        this.action = value;
        return this;
    }

    /** Defend's {@code event.type} values (default {@code [start]}); {@code scalar} writes a single one bare. */
    public ProcessDocument eventType(List<String> values, boolean scalar) {
        this.eventType = values;
        this.eventTypeAsScalar = scalar && values.size() == 1;
        return this;
    }

    public ProcessDocument eventCode(String code) {
        this.eventCode = code;
        return this;
    }

    public ProcessDocument eventId(String id) {
        this.eventId = id;
        return this;
    }

    public ProcessDocument name(String value) {
        this.name = value;
        return this;
    }

    public ProcessDocument pid(long value) {
        this.pid = value;
        return this;
    }

    public ProcessDocument entityId(String id) {
        this.entityId = id;
        return this;
    }

    public ProcessDocument executable(String path) {
        this.executable = path;
        return this;
    }

    public ProcessDocument args(List<String> values) {
        this.args = values;
        return this;
    }

    public ProcessDocument commandLine(String value) {
        this.commandLine = value;
        return this;
    }

    /** The parent's name, command line and arguments (null leaves a field out). */
    public ProcessDocument parent(String parent, String parentCommand, List<String> parentArguments) {
        this.parentName = parent;
        this.parentCommandLine = parentCommand;
        this.parentArgs = parentArguments;
        return this;
    }

    public ProcessDocument parentPid(long value) {
        this.parentPid = value;
        return this;
    }

    public ProcessDocument parentEntityId(String id) {
        this.parentEntityId = id;
        return this;
    }

    public ProcessDocument parentExecutable(String path) {
        this.parentExecutable = path;
        return this;
    }

    /** Everything else a real event carries (agent, OS, hashes, code signature, ...), drawn from {@code random}. */
    public ProcessDocument full(SplittableRandom random) {
        this.details = random;
        return this;
    }

    /** As Elastic Defend writes it. */
    public ObjectNode defend() {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        set(doc, "@timestamp", time);
        if (details != null) {
            ObjectNode agent = doc.putObject("agent");
            agent.put("id", Random.uuid(details));
            agent.put("type", "endpoint");
            agent.put("version", "8.17.2");
            dataStream(doc, "endpoint.events.process");
            doc.putObject("ecs").put("version", "8.10.0");
        }
        ObjectNode event = doc.putObject("event");
        event.put("kind", "event");
        event.put("module", "endpoint");
        event.put("dataset", "endpoint.events.process");
        put(event, "action", action);
        put(event, "id", eventId);
        event.putArray("category").add("process");
        if (eventTypeAsScalar) {
            event.put("type", eventType.get(0));
        } else {
            event.set("type", Documents.array(eventType));
        }
        if (details != null) {
            event.put("sequence", details.nextInt(1_000_000));
        }
        ObjectNode hostNode = doc.putObject("host");
        if (details != null) {
            put(hostNode, "hostname", host);
        }
        put(hostNode, "name", host);
        if (details != null) {
            boolean linux = executable != null && executable.startsWith("/");
            ObjectNode os = hostNode.putObject("os");
            os.put("family", linux ? "ubuntu" : "windows");
            os.put("name", linux ? "Linux" : "Windows");
            os.put("type", linux ? "linux" : "windows");
            os.put("platform", linux ? "ubuntu" : "windows");
            os.put("version", linux ? "22.04" : "2022");
            hostNode.putArray("ip").add("10.1." + details.nextInt(255) + "." + details.nextInt(255));
            hostNode.put("architecture", "x86_64");
        }
        putCloud(doc);
        ObjectNode processNode = doc.putObject("process");
        processFields(processNode);
        if (details != null) {
            put(
                    processNode,
                    "working_directory",
                    executable != null && executable.startsWith("/") ? "/" : "C:\\Windows\\system32\\");
            ObjectNode ext = processNode.putObject("Ext");
            ext.putArray("ancestry").add(Random.hex(details, 40)).add(Random.hex(details, 40));
            ObjectNode signature = ext.putArray("code_signature").addObject();
            signature.put("trusted", true);
            signature.put("subject_name", "Microsoft Windows");
            signature.put("exists", true);
            signature.put("status", "trusted");
            ObjectNode token = ext.putObject("token");
            token.put("integrity_level_name", "system");
            token.put("elevation_level", "default");
            ObjectNode hash = processNode.putObject("hash");
            hash.put("sha256", Random.hex(details, 64));
            hash.put("md5", Random.hex(details, 32));
            put(processNode.putObject("pe"), "original_file_name", name);
            ObjectNode user = doc.putObject("user");
            user.put("domain", "NT AUTHORITY");
            user.put("name", "SYSTEM");
            user.put("id", "S-1-5-18");
            doc.put("message", "Endpoint process event");
        }
        return doc;
    }

    /** The Defend shape with dotted keys. */
    public ObjectNode defendDotted() {
        return Documents.dotted(defend());
    }

    /** Sysmon event 1 after the Windows integration's ingest pipeline. */
    public ObjectNode sysmonIngest() {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        set(doc, "@timestamp", time);
        if (details != null) {
            doc.putObject("ecs").put("version", "8.17.0");
        }
        ObjectNode event = doc.putObject("event");
        event.put("action", "Process creation");
        event.putArray("category").add("process");
        event.put("code", "1");
        event.put("kind", "event");
        event.put("module", "sysmon");
        event.put("provider", "Microsoft-Windows-Sysmon");
        event.putArray("type").add("start");
        put(doc.putObject("host"), "name", host);
        putCloud(doc);
        if (details != null) {
            doc.putObject("log").put("level", "information");
        }
        ObjectNode processNode = doc.putObject("process");
        processFields(processNode);
        if (details != null) {
            ObjectNode pe = processNode.putObject("pe");
            pe.put("company", "Microsoft Corporation");
            put(pe, "original_file_name", name == null ? null : name.toUpperCase());
            processNode.put("working_directory", "C:\\Windows\\system32\\");
            doc.putObject("related").putArray("user").add("SYSTEM");
            ObjectNode user = doc.putObject("user");
            user.put("domain", "NT AUTHORITY");
            user.put("id", "S-1-5-18");
            user.put("name", "SYSTEM");
        }
        ObjectNode winlog = winlog(doc);
        if (details != null) {
            winlog.put("record_id", String.valueOf(details.nextInt(1_000_000)));
            winlog.put("task", "Process Create (rule: ProcessCreate)");
            winlog.put("version", 5);
        }
        return doc;
    }

    /** Sysmon event 1 as Winlogbeat ships it: {@code winlog.event_data}, before any ingest processing. */
    public ObjectNode sysmonWinlogbeat() {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        set(doc, "@timestamp", time);
        ObjectNode event = doc.putObject("event");
        event.put("action", "Process Create (rule: ProcessCreate)");
        put(event, "code", eventCode);
        event.put("kind", "event");
        event.put("provider", "Microsoft-Windows-Sysmon");
        if (!withoutHostName) {
            put(doc.putObject("host"), "name", host);
        }
        putCloud(doc);
        if (details != null) {
            doc.putObject("log").put("level", "information");
        }
        ObjectNode winlog = winlog(doc);
        ObjectNode data = winlog.putObject("event_data");
        put(data, "Image", executable);
        put(data, "CommandLine", commandLine);
        put(data, "ProcessId", pid == null ? null : pid.toString());
        put(data, "ProcessGuid", entityId);
        put(data, "ParentImage", parentExecutable);
        put(data, "ParentCommandLine", parentCommandLine);
        put(data, "ParentProcessId", parentPid == null ? null : parentPid.toString());
        put(data, "ParentProcessGuid", parentEntityId);
        data.put("User", "NT AUTHORITY\\SYSTEM");
        if (details != null) {
            data.put("CurrentDirectory", "C:\\Windows\\system32\\");
            data.put("IntegrityLevel", "System");
            winlog.put("record_id", details.nextInt(1_000_000));
            winlog.put("task", "Process Create (rule: ProcessCreate)");
            winlog.put("version", 5);
        }
        return doc;
    }

    private void processFields(ObjectNode processNode) {
        put(processNode, "name", name);
        if (pid != null) {
            processNode.put("pid", pid);
        }
        put(processNode, "entity_id", entityId);
        put(processNode, "executable", executable);
        if (args != null) {
            processNode.set("args", Documents.array(args));
            if (details != null) {
                processNode.put("args_count", args.size());
            }
        }
        put(processNode, "command_line", commandLine);
        ObjectNode parent = processNode.putObject("parent");
        put(parent, "name", parentName);
        if (parentPid != null) {
            parent.put("pid", parentPid);
        }
        put(parent, "entity_id", parentEntityId);
        put(parent, "executable", parentExecutable);
        put(parent, "command_line", parentCommandLine);
        if (parentArgs != null) {
            ArrayNode array = parent.putArray("args");
            parentArgs.forEach(array::add);
            if (details != null) {
                parent.put("args_count", parentArgs.size());
            }
        }
    }

    private ObjectNode winlog(ObjectNode doc) {
        ObjectNode winlog = doc.putObject("winlog");
        winlog.put("channel", "Microsoft-Windows-Sysmon/Operational");
        put(winlog, "computer_name", computerName != null ? computerName : host);
        winlog.put("event_id", "1");
        winlog.put("provider_name", "Microsoft-Windows-Sysmon");
        return winlog;
    }

    private void putCloud(ObjectNode doc) {
        if (cloudInstanceName != null) {
            ObjectNode cloud = doc.putObject("cloud");
            put(cloud, "provider", cloudProvider);
            cloud.putObject("instance").put("name", cloudInstanceName);
        }
    }

    private static void dataStream(ObjectNode doc, String dataset) {
        ObjectNode dataStream = doc.putObject("data_stream");
        dataStream.put("dataset", dataset);
        dataStream.put("namespace", "default");
        dataStream.put("type", "logs");
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void set(ObjectNode node, String field, JsonNode value) {
        if (value != null) {
            node.set(field, value);
        }
    }
}
