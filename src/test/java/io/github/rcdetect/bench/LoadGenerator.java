package io.github.rcdetect.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Deterministic load: the same settings and seed always give the same records. The plan keeps planted lines as JSON
 * and noise lines as the seed they are rendered from when written or produced, so millions of lines fit in memory. Process events in the shapes of the
 * samples (Elastic Defend for Windows and Linux, Sysmon after ingest and as Winlogbeat ships it) and Activity Log
 * records (raw, in Event Hub batches, and ECS), nearly all noise; planted Run Command attacks with their script
 * children, so the expected alerts are known by construction. Records come in time order, each displaced by up to
 * the out-of-orderness bound.
 */
public final class LoadGenerator {
    /** What to generate. */
    public record Settings(
            long seed,
            int hosts,
            long processEvents,
            double matchFraction,
            int childrenPerAttack,
            double activityPerProcess,
            long spanSeconds,
            long outOfOrdernessSeconds,
            Instant start) {

        public static Settings defaults() {
            return new Settings(
                    42, 10_000, 1_000_000, 0.01, 5, 0.02, 3600, 5, Instant.parse("2026-03-10T00:00:00Z"));
        }

        public long attacks() {
            return Math.round(processEvents * matchFraction / childrenPerAttack);
        }

        String key() {
            return String.format(
                    "v3-seed%d-hosts%d-events%d-match%s-children%d-activity%s-span%d-ooo%d",
                    seed, hosts, processEvents, matchFraction, childrenPerAttack, activityPerProcess, spanSeconds,
                    outOfOrdernessSeconds);
        }
    }

    /** Where the records went and what the job must find in them. */
    public record Output(
            Path activity, Path process, long activityRecords, long processRecords, long expectedR1, long expectedR2) {}

    /**
     * One generated line: when it arrives (its event time plus its delivery delay), how many records it holds, and, for
     * the records behind an expected alert, what identifies that alert: the correlation id of a planted invocation's
     * first line, the process entity id of a planted script child (null for noise). A planted line holds its JSON; a
     * noise line its event time and the seed of its content ({@link Plan#processJson}).
     */
    public record Line(long arrival, int records, String alertKey, String planted, long time, long seed) {}

    /** Every line of a load in arrival order, and the alerts it must produce. Not thread-safe. */
    public record Plan(
            List<Line> activity, List<Line> process, long expectedR1, long expectedR2, LoadGenerator generator) {
        public long activityRecords() {
            return countRecords(activity);
        }

        /** The JSON of one of this plan's activity lines. */
        public String activityJson(Line line) {
            return generator.render(line, true);
        }

        /** The JSON of one of this plan's process lines. */
        public String processJson(Line line) {
            return generator.render(line, false);
        }
    }

    private final Settings settings;
    /** Draws the plan; noise lines are rendered from generators of their own, so the plan does not hold their text. */
    private final SplittableRandom planRandom;
    /** What the record builders draw from: the plan's generator while planning, a line's own while rendering it. */
    private SplittableRandom random;
    private final String[] hostNames;
    private final long startMillis;

    public LoadGenerator(Settings settings) {
        this.settings = settings;
        this.planRandom = new SplittableRandom(settings.seed());
        this.hostNames = new String[settings.hosts()];
        for (int i = 0; i < hostNames.length; i++) {
            hostNames[i] = (i % 3 == 0 ? "lnx-" : "win-") + Integer.toString(i, 36) + "-" + (i % 97);
        }
        this.startMillis = settings.start().toEpochMilli();
    }

    /** Writes the files under {@code directory} (reusing them when this exact load was generated before). */
    public Output generate(Path directory) throws IOException {
        Path folder = directory.resolve(settings.key());
        Path activity = folder.resolve("activity.ndjson");
        Path process = folder.resolve("process.ndjson");
        Path done = folder.resolve("done");
        Plan plan = plan();
        if (!Files.exists(done)) {
            Files.createDirectories(folder);
            write(activity, plan.activity(), line -> render(line, true));
            write(process, plan.process(), line -> render(line, false));
            Files.writeString(done, "ok");
        }
        return new Output(
                activity, process, plan.activityRecords(), plan.process().size(), plan.expectedR1(), plan.expectedR2());
    }

    /** The whole load, in arrival order. */
    public Plan plan() {
        List<Line> activity = new ArrayList<>();
        List<Line> process = new ArrayList<>();
        random = planRandom;
        long[] expected = plan(activity, process);
        return new Plan(activity, process, expected[0], expected[1], this);
    }

    /** A line's JSON: as planted, or noise drawn from the line's own seed. */
    String render(Line line, boolean activity) {
        if (line.planted() != null) {
            return line.planted();
        }
        random = new SplittableRandom(line.seed());
        return activity ? noiseActivity(line.time(), line.records()) : noiseProcess(line.time());
    }

    private long[] plan(List<Line> activity, List<Line> process) {
        long span = settings.spanSeconds() * 1000;
        long attacks = settings.attacks();
        long children = attacks * settings.childrenPerAttack();
        long noise = Math.max(0, settings.processEvents() - children);
        Map<Integer, List<Long>> attackTimes = new HashMap<>();
        for (long i = 0; i < attacks; i++) {
            long time = startMillis + random.nextLong(Math.max(1, span - 200_000));
            int host = attackHost(time, attackTimes);
            plantAttack(host, time, activity, process);
        }
        for (long i = 0; i < noise; i++) {
            long time = startMillis + random.nextLong(span);
            process.add(noise(time, 1));
        }
        long activityRecords = Math.round(settings.processEvents() * settings.activityPerProcess()) - 3 * attacks;
        for (long written = 0; written < activityRecords; ) {
            long time = startMillis + random.nextLong(span);
            int batch = (int) Math.min(activityRecords - written, 1 + random.nextInt(5));
            activity.add(noise(time, batch));
            written += batch;
        }
        activity.sort((a, b) -> Long.compare(a.arrival(), b.arrival()));
        process.sort((a, b) -> Long.compare(a.arrival(), b.arrival()));
        return new long[] {attacks, children};
    }

    /** A host without another attack in the 10 minutes around, so each attack gives exactly one R1 alert. */
    private int attackHost(long time, Map<Integer, List<Long>> attackTimes) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            int host = random.nextInt(hostNames.length);
            List<Long> times = attackTimes.computeIfAbsent(host, h -> new ArrayList<>());
            if (times.stream().allMatch(other -> Math.abs(other - time) > 600_000)) {
                times.add(time);
                return host;
            }
        }
        throw new IllegalArgumentException(
                "too many attacks for " + hostNames.length + " hosts in " + settings.spanSeconds() + " s: fewer"
                        + " attacks, more hosts or a longer span");
    }

    /** A planted line, delivered up to the out-of-orderness bound after its time. */
    private Line line(long time, String json, int records, String alertKey) {
        return new Line(time + delay(), records, alertKey, json, time, 0);
    }

    /** A noise line, delivered up to the out-of-orderness bound after its time, to be rendered from its own seed. */
    private Line noise(long time, int records) {
        return new Line(time + delay(), records, null, null, time, random.nextLong());
    }

    private long delay() {
        return settings.outOfOrdernessSeconds() == 0 ? 0 : random.nextLong(settings.outOfOrdernessSeconds() * 1000);
    }

    private void plantAttack(int host, long time, List<Line> activity, List<Line> process) {
        String name = hostNames[host];
        boolean linux = name.startsWith("lnx-");
        String correlation = uuid();
        activity.add(line(time, batch(runCommand(time, name, correlation, "Start"), runCommand(time + 300, name, correlation, "Accept")), 2, correlation));
        activity.add(line(time + 40_000, batch(runCommand(time + 40_000, name, correlation, "Success")), 1, null));
        int script = random.nextInt(40);
        for (int child = 0; child < settings.childrenPerAttack(); child++) {
            long childTime = time + 1_000 + random.nextLong(100_000);
            String entityId = hex(40);
            String json;
            if (linux) {
                json = defendLinux(childTime, name, "exec", pick(LINUX_TOOLS), "bash", "/var/lib/waagent/run-command/download/" + script + "/script.sh", entityId);
            } else if (child % 3 == 2) {
                json = sysmonIngest(childTime, name, pick(WINDOWS_TOOLS), "powershell.exe", "powershell -ExecutionPolicy Unrestricted -File script" + script + ".ps1", entityId);
            } else {
                json = defendWindows(childTime, name, pick(WINDOWS_TOOLS), "powershell.exe", "powershell  -ExecutionPolicy Unrestricted -File script" + script + ".ps1", entityId);
            }
            process.add(line(childTime, json, 1, entityId));
        }
    }

    private static final String[] WINDOWS_TOOLS = {"whoami.exe", "net.exe", "ipconfig.exe", "reg.exe", "cmd.exe", "nltest.exe", "tasklist.exe"};
    private static final String[] LINUX_TOOLS = {"id", "curl", "wget", "chmod", "cat", "uname", "ps"};
    private static final String[][] WINDOWS_NOISE = {
        {"svchost.exe", "services.exe", "C:\\Windows\\System32\\svchost.exe -k netsvcs -p"},
        {"chrome.exe", "explorer.exe", "\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\" --type=renderer"},
        {"conhost.exe", "cmd.exe", "\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1"},
        {"powershell.exe", "svchost.exe", "powershell.exe -NoProfile -File C:\\ops\\rotate-logs.ps1"},
        {"WmiPrvSE.exe", "svchost.exe", "C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding"},
        {"taskhostw.exe", "svchost.exe", "taskhostw.exe"},
    };
    private static final String[][] LINUX_NOISE = {
        {"bash", "cron", "/bin/bash -c /usr/local/bin/backup.sh"},
        {"python3", "systemd", "python3 /opt/app/healthcheck.py"},
        {"sh", "sshd", "sh -c uptime"},
        {"logrotate", "systemd", "/usr/sbin/logrotate /etc/logrotate.conf"},
    };
    private static final String[] OPERATIONS = {
        "MICROSOFT.COMPUTE/VIRTUALMACHINES/READ", "MICROSOFT.COMPUTE/VIRTUALMACHINES/DEALLOCATE/ACTION",
        "MICROSOFT.RESOURCES/DEPLOYMENTS/WRITE", "MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION",
        "MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/WRITE", "MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE",
    };

    private String noiseProcess(long time) {
        String host = hostNames[random.nextInt(hostNames.length)];
        int shape = random.nextInt(10);
        if (host.startsWith("lnx-")) {
            String[] noise = LINUX_NOISE[random.nextInt(LINUX_NOISE.length)];
            return defendLinux(time, host, shape == 0 ? "fork" : "exec", noise[0], noise[1], noise[2], hex(40));
        }
        String[] noise = WINDOWS_NOISE[random.nextInt(WINDOWS_NOISE.length)];
        if (shape < 6) {
            return defendWindows(time, host, noise[0], noise[1], noise[2], hex(40));
        }
        if (shape < 9) {
            return sysmonIngest(time, host, noise[0], noise[1], noise[2], "{" + hex(8) + "-7C4E-5F98-5803-000000000500}");
        }
        return sysmonRaw(time, host, noise[0], noise[1], noise[2]);
    }

    private String noiseActivity(long time, int records) {
        if (random.nextInt(4) == 0 && records == 1) {
            return ecsActivity(time, hostNames[random.nextInt(hostNames.length)].toUpperCase(), pick(OPERATIONS));
        }
        String[] batch = new String[records];
        for (int i = 0; i < records; i++) {
            batch[i] = rawActivity(time + i * 150L, hostNames[random.nextInt(hostNames.length)].toUpperCase(), pick(OPERATIONS), uuid(), random.nextBoolean() ? "Start" : "Success");
        }
        return batch(batch);
    }

    private String runCommand(long time, String host, String correlation, String result) {
        return rawActivity(time, host.toUpperCase(), "MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION", correlation, result);
    }

    private static String batch(String... records) {
        return "{\"records\":[" + String.join(",", records) + "]}";
    }

    private String rawActivity(long time, String vm, String operation, String correlation, String result) {
        String resource = "/SUBSCRIPTIONS/3C7E2F1A-8D4B-4E6F-9A1C-2B5D7E9F0A13/RESOURCEGROUPS/RG-" + (vm.hashCode() & 15)
                + "/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/" + vm;
        return "{\"ReleaseVersion\":\"6.2026.9.2+a1b2c3d.release_2026w09\",\"RoleLocation\":\"West Europe\","
                + "\"callerIpAddress\":\"198.51.100." + random.nextInt(255) + "\",\"category\":\"Administrative\","
                + "\"correlationId\":\"" + correlation + "\",\"durationMs\":\"0\",\"identity\":{\"authorization\":{"
                + "\"action\":\"" + operation.toLowerCase() + "\",\"evidence\":{\"principalId\":\"" + hex(32) + "\","
                + "\"principalType\":\"User\",\"role\":\"Contributor\",\"roleAssignmentId\":\"" + hex(32) + "\","
                + "\"roleAssignmentScope\":\"/subscriptions/3c7e2f1a-8d4b-4e6f-9a1c-2b5d7e9f0a13\","
                + "\"roleDefinitionId\":\"b24988ac6180420a ab8820f7382dd24c\"},\"scope\":\"" + resource.toLowerCase() + "\"},"
                + "\"claims\":{\"aud\":\"https://management.core.windows.net/\",\"iss\":\"https://sts.windows.net/aa40685b-417d-4664-b4ec-8f7640719adb/\","
                + "\"iat\":\"1773100000\",\"nbf\":\"1773100000\",\"exp\":\"1773104000\",\"appid\":\"c44b4083-3bb0-49c1-b47d-974e53cbdf3c\","
                + "\"appidacr\":\"2\",\"http://schemas.microsoft.com/claims/authnmethodsreferences\":\"pwd,mfa\","
                + "\"http://schemas.microsoft.com/identity/claims/objectidentifier\":\"" + uuid() + "\","
                + "\"http://schemas.microsoft.com/identity/claims/tenantid\":\"aa40685b-417d-4664-b4ec-8f7640719adb\","
                + "\"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name\":\"user" + random.nextInt(500) + "@contoso.com\","
                + "\"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn\":\"user" + random.nextInt(500) + "@contoso.com\","
                + "\"name\":\"User\",\"ipaddr\":\"198.51.100.7\",\"uti\":\"" + hex(22) + "\",\"ver\":\"1.0\"}},"
                + "\"level\":\"Information\",\"operationName\":\"" + operation + "\",\"properties\":{\"entity\":\"" + resource.toLowerCase() + "\","
                + "\"eventCategory\":\"Administrative\",\"hierarchy\":\"aa40685b-417d-4664-b4ec-8f7640719adb/3c7e2f1a-8d4b-4e6f-9a1c-2b5d7e9f0a13\","
                + "\"message\":\"" + operation.toLowerCase() + "\"},\"resourceId\":\"" + resource + "\","
                + "\"resultSignature\":\"" + result + "ed.\",\"resultType\":\"" + result + "\",\"tenantId\":\"aa40685b-417d-4664-b4ec-8f7640719adb\","
                + "\"time\":\"" + Instant.ofEpochMilli(time) + "\"}";
    }

    private String ecsActivity(long time, String vm, String operation) {
        return "{\"@timestamp\":\"" + Instant.ofEpochMilli(time) + "\",\"azure\":{\"activitylogs\":{\"category\":\"Administrative\","
                + "\"event_category\":\"Administrative\",\"identity\":{\"authorization\":{\"evidence\":{\"principal_id\":\"" + hex(32) + "\","
                + "\"principal_type\":\"User\",\"role\":\"Owner\"}},\"claims\":{\"http://schemas_xmlsoap_org/ws/2005/05/identity/claims/name\":\"ops@contoso.com\"}},"
                + "\"operation_name\":\"" + operation + "\",\"result_signature\":\"Succeeded.\",\"result_type\":\"Success\"},"
                + "\"correlation_id\":\"" + uuid() + "\",\"resource\":{\"group\":\"RG\",\"name\":\"" + vm + "\",\"provider\":\"MICROSOFT.COMPUTE/VIRTUALMACHINES\"},"
                + "\"subscription_id\":\"3C7E2F1A-8D4B-4E6F-9A1C-2B5D7E9F0A13\"},\"cloud\":{\"provider\":\"azure\"},"
                + "\"data_stream\":{\"dataset\":\"azure.activitylogs\",\"namespace\":\"default\",\"type\":\"logs\"},\"ecs\":{\"version\":\"8.11.0\"},"
                + "\"event\":{\"action\":\"" + operation + "\",\"dataset\":\"azure.activitylogs\",\"kind\":\"event\",\"outcome\":\"success\"}}";
    }

    private String defendWindows(long time, String host, String name, String parent, String parentCommandLine, String entityId) {
        int pid = 100 + random.nextInt(30000);
        return "{\"@timestamp\":\"" + Instant.ofEpochMilli(time) + "\",\"agent\":{\"id\":\"4c9c9cb3-f80f-44d8-9c89-6168243b7f21\",\"type\":\"endpoint\",\"version\":\"8.17.2\"},"
                + "\"data_stream\":{\"dataset\":\"endpoint.events.process\",\"namespace\":\"default\",\"type\":\"logs\"},\"ecs\":{\"version\":\"8.10.0\"},"
                + "\"event\":{\"action\":\"start\",\"category\":[\"process\"],\"type\":[\"start\"],\"dataset\":\"endpoint.events.process\","
                + "\"id\":\"" + hex(24) + "\",\"kind\":\"event\",\"module\":\"endpoint\",\"sequence\":" + random.nextInt(1_000_000) + "},"
                + "\"host\":{\"hostname\":\"" + host + "\",\"name\":\"" + host + "\",\"os\":{\"family\":\"windows\",\"name\":\"Windows\",\"type\":\"windows\","
                + "\"platform\":\"windows\",\"version\":\"2022\",\"full\":\"Windows Server 2022 Datacenter 21H2 (10.0.20348.2031)\"},"
                + "\"ip\":[\"10.1." + random.nextInt(255) + "." + random.nextInt(255) + "\"],\"architecture\":\"x86_64\"},"
                + "\"process\":{\"name\":\"" + name + "\",\"pid\":" + pid + ",\"entity_id\":\"" + entityId + "\","
                + "\"executable\":\"C:\\\\Windows\\\\System32\\\\" + name + "\",\"args\":[\"C:\\\\Windows\\\\System32\\\\" + name + "\",\"/all\"],\"args_count\":2,"
                + "\"command_line\":\"\\\"C:\\\\Windows\\\\System32\\\\" + name + "\\\" /all\",\"working_directory\":\"C:\\\\Windows\\\\system32\\\\\","
                + "\"parent\":{\"name\":\"" + parent + "\",\"pid\":" + (pid - 7) + ",\"entity_id\":\"" + hex(40) + "\",\"executable\":\"C:\\\\Windows\\\\System32\\\\" + parent + "\","
                + "\"args\":[\"" + parent + "\"],\"args_count\":1,\"command_line\":\"" + escape(parentCommandLine) + "\"},"
                + "\"Ext\":{\"ancestry\":[\"" + hex(40) + "\",\"" + hex(40) + "\"],\"code_signature\":[{\"trusted\":true,\"subject_name\":\"Microsoft Windows\",\"exists\":true,\"status\":\"trusted\"}],"
                + "\"token\":{\"integrity_level_name\":\"system\",\"elevation_level\":\"default\"}},"
                + "\"hash\":{\"sha256\":\"" + hex(64) + "\",\"md5\":\"" + hex(32) + "\"},\"pe\":{\"original_file_name\":\"" + name + "\"}},"
                + "\"user\":{\"domain\":\"NT AUTHORITY\",\"name\":\"SYSTEM\",\"id\":\"S-1-5-18\"},\"message\":\"Endpoint process event\"}";
    }

    private String defendLinux(long time, String host, String action, String name, String parent, String parentArgument, String entityId) {
        int pid = 100 + random.nextInt(60000);
        return "{\"@timestamp\":\"" + Instant.ofEpochMilli(time) + "\",\"agent\":{\"id\":\"7d3c9cb3-f80f-44d8-9c89-6168243b7f21\",\"type\":\"endpoint\",\"version\":\"8.17.2\"},"
                + "\"data_stream\":{\"dataset\":\"endpoint.events.process\",\"namespace\":\"default\",\"type\":\"logs\"},\"ecs\":{\"version\":\"8.10.0\"},"
                + "\"event\":{\"action\":\"" + action + "\",\"category\":[\"process\"],\"type\":[\"start\"],\"dataset\":\"endpoint.events.process\","
                + "\"id\":\"" + hex(24) + "\",\"kind\":\"event\",\"module\":\"endpoint\"},"
                + "\"host\":{\"hostname\":\"" + host + "\",\"name\":\"" + host + "\",\"os\":{\"family\":\"ubuntu\",\"name\":\"Linux\",\"type\":\"linux\",\"platform\":\"ubuntu\",\"version\":\"22.04\"}},"
                + "\"process\":{\"name\":\"" + name + "\",\"pid\":" + pid + ",\"entity_id\":\"" + entityId + "\",\"executable\":\"/usr/bin/" + name + "\","
                + "\"args\":[\"" + name + "\",\"-a\"],\"args_count\":2,\"command_line\":\"" + name + " -a\","
                + "\"parent\":{\"name\":\"" + parent + "\",\"pid\":" + (pid - 3) + ",\"entity_id\":\"" + hex(40) + "\",\"executable\":\"/usr/bin/" + parent + "\","
                + "\"args\":[\"/bin/" + parent + "\",\"" + escape(parentArgument) + "\"],\"args_count\":2,\"command_line\":\"/bin/" + parent + " " + escape(parentArgument) + "\"}},"
                + "\"user\":{\"name\":\"root\",\"id\":\"0\"}}";
    }

    private String sysmonIngest(long time, String host, String name, String parent, String parentCommandLine, String entityId) {
        int pid = 100 + random.nextInt(30000);
        return "{\"@timestamp\":\"" + Instant.ofEpochMilli(time) + "\",\"ecs\":{\"version\":\"8.17.0\"},\"event\":{\"action\":\"Process creation\","
                + "\"category\":[\"process\"],\"code\":\"1\",\"kind\":\"event\",\"module\":\"sysmon\",\"provider\":\"Microsoft-Windows-Sysmon\",\"type\":[\"start\"]},"
                + "\"host\":{\"name\":\"" + host + "\"},\"log\":{\"level\":\"information\"},"
                + "\"process\":{\"args\":[\"C:\\\\Windows\\\\System32\\\\" + name + "\"],\"args_count\":1,\"command_line\":\"C:\\\\Windows\\\\System32\\\\" + name + "\","
                + "\"entity_id\":\"" + entityId + "\",\"executable\":\"C:\\\\Windows\\\\System32\\\\" + name + "\",\"name\":\"" + name + "\",\"pid\":" + pid + ","
                + "\"parent\":{\"args\":[\"" + parent + "\"],\"args_count\":1,\"command_line\":\"" + escape(parentCommandLine) + "\",\"entity_id\":\"{" + hex(8) + "-6FDF-5F98-7000-000000000500}\","
                + "\"executable\":\"C:\\\\Windows\\\\System32\\\\" + parent + "\",\"name\":\"" + parent + "\",\"pid\":" + (pid - 9) + "},"
                + "\"pe\":{\"company\":\"Microsoft Corporation\",\"original_file_name\":\"" + name.toUpperCase() + "\"},\"working_directory\":\"C:\\\\Windows\\\\system32\\\\\"},"
                + "\"related\":{\"hash\":[\"" + hex(40) + "\"],\"user\":[\"SYSTEM\"]},\"user\":{\"domain\":\"NT AUTHORITY\",\"id\":\"S-1-5-18\",\"name\":\"SYSTEM\"},"
                + "\"winlog\":{\"channel\":\"Microsoft-Windows-Sysmon/Operational\",\"computer_name\":\"" + host + "\",\"event_id\":\"1\","
                + "\"provider_name\":\"Microsoft-Windows-Sysmon\",\"record_id\":\"" + random.nextInt(1_000_000) + "\",\"task\":\"Process Create (rule: ProcessCreate)\",\"version\":5}}";
    }

    private String sysmonRaw(long time, String host, String name, String parent, String parentCommandLine) {
        return "{\"@timestamp\":\"" + Instant.ofEpochMilli(time) + "\",\"event\":{\"action\":\"Process Create (rule: ProcessCreate)\",\"code\":\"1\","
                + "\"kind\":\"event\",\"provider\":\"Microsoft-Windows-Sysmon\"},\"host\":{\"name\":\"" + host + "\"},\"log\":{\"level\":\"information\"},"
                + "\"winlog\":{\"channel\":\"Microsoft-Windows-Sysmon/Operational\",\"computer_name\":\"" + host + "\",\"event_data\":{"
                + "\"CommandLine\":\"C:\\\\Windows\\\\System32\\\\" + name + "\",\"CurrentDirectory\":\"C:\\\\Windows\\\\system32\\\\\",\"Image\":\"C:\\\\Windows\\\\System32\\\\" + name + "\","
                + "\"IntegrityLevel\":\"System\",\"ParentCommandLine\":\"" + escape(parentCommandLine) + "\",\"ParentImage\":\"C:\\\\Windows\\\\System32\\\\" + parent + "\","
                + "\"ParentProcessGuid\":\"{" + hex(8) + "-4F50-65F0-3B01-000000001100}\",\"ParentProcessId\":\"" + random.nextInt(30000) + "\","
                + "\"ProcessGuid\":\"{" + hex(8) + "-4F50-65F0-3C01-000000001100}\",\"ProcessId\":\"" + random.nextInt(30000) + "\",\"User\":\"NT AUTHORITY\\\\SYSTEM\"},"
                + "\"event_id\":\"1\",\"provider_name\":\"Microsoft-Windows-Sysmon\",\"record_id\":" + random.nextInt(1_000_000) + ",\"task\":\"Process Create (rule: ProcessCreate)\",\"version\":5}}";
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private String hex(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = HEX[random.nextInt(16)];
        }
        return new String(chars);
    }

    private String uuid() {
        return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-a" + hex(3) + "-" + hex(12);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static long countRecords(List<Line> lines) {
        long records = 0;
        for (Line line : lines) {
            records += line.records();
        }
        return records;
    }

    private static void write(Path file, List<Line> lines, Function<Line, String> json) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Line line : lines) {
                out.write(json.apply(line));
                out.write('\n');
            }
        }
    }
}
