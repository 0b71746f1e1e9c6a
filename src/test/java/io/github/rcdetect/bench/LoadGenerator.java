package io.github.rcdetect.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rcdetect.testing.records.ActivityDocument;
import io.github.rcdetect.testing.records.Documents;
import io.github.rcdetect.testing.records.ProcessDocument;
import io.github.rcdetect.testing.records.Random;

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
            return new Settings(42, 10_000, 1_000_000, 0.01, 5, 0.02, 3600, 5, Instant.parse("2026-03-10T00:00:00Z"));
        }

        public long attacks() {
            return Math.round(processEvents * matchFraction / childrenPerAttack);
        }

        String key() {
            return String.format(
                    "v4-seed%d-hosts%d-events%d-match%s-children%d-activity%s-span%d-ooo%d",
                    seed,
                    hosts,
                    processEvents,
                    matchFraction,
                    childrenPerAttack,
                    activityPerProcess,
                    spanSeconds,
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
        throw new IllegalArgumentException("too many attacks for " + hostNames.length + " hosts in "
                + settings.spanSeconds() + " s: fewer" + " attacks, more hosts or a longer span");
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
        activity.add(line(
                time,
                batch(
                        runCommand(time, name, correlation, "Start"),
                        runCommand(time + 300, name, correlation, "Accept")),
                2,
                correlation));
        activity.add(line(time + 40_000, batch(runCommand(time + 40_000, name, correlation, "Success")), 1, null));
        int script = random.nextInt(40);
        for (int child = 0; child < settings.childrenPerAttack(); child++) {
            long childTime = time + 1_000 + random.nextLong(100_000);
            String entityId = hex(40);
            String json;
            if (linux) {
                json = defendLinux(
                        childTime,
                        name,
                        "exec",
                        pick(LINUX_TOOLS),
                        "bash",
                        "/var/lib/waagent/run-command/download/" + script + "/script.sh",
                        entityId);
            } else if (child % 3 == 2) {
                json = sysmonIngest(
                        childTime,
                        name,
                        pick(WINDOWS_TOOLS),
                        "powershell.exe",
                        "powershell -ExecutionPolicy Unrestricted -File script" + script + ".ps1",
                        entityId);
            } else {
                json = defendWindows(
                        childTime,
                        name,
                        pick(WINDOWS_TOOLS),
                        "powershell.exe",
                        "powershell  -ExecutionPolicy Unrestricted -File script" + script + ".ps1",
                        entityId);
            }
            process.add(line(childTime, json, 1, entityId));
        }
    }

    private static final String RUN_COMMAND = "MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION";
    private static final String[] WINDOWS_TOOLS = {
        "whoami.exe", "net.exe", "ipconfig.exe", "reg.exe", "cmd.exe", "nltest.exe", "tasklist.exe"
    };
    private static final String[] LINUX_TOOLS = {"id", "curl", "wget", "chmod", "cat", "uname", "ps"};
    private static final String[][] WINDOWS_NOISE = {
        {"svchost.exe", "services.exe", "C:\\Windows\\System32\\svchost.exe -k netsvcs -p"},
        {"chrome.exe", "explorer.exe", "\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\" --type=renderer"
        },
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
            return sysmonIngest(
                    time, host, noise[0], noise[1], noise[2], "{" + hex(8) + "-7C4E-5F98-5803-000000000500}");
        }
        return sysmonRaw(time, host, noise[0], noise[1], noise[2]);
    }

    private String noiseActivity(long time, int records) {
        if (random.nextInt(4) == 0 && records == 1) {
            return ecsActivity(time, hostNames[random.nextInt(hostNames.length)].toUpperCase(), pick(OPERATIONS));
        }
        String[] batch = new String[records];
        for (int i = 0; i < records; i++) {
            batch[i] = Documents.line(rawActivity(
                    time + i * 150L,
                    hostNames[random.nextInt(hostNames.length)].toUpperCase(),
                    pick(OPERATIONS),
                    uuid(),
                    random.nextBoolean() ? "Start" : "Success"));
        }
        return batch(batch);
    }

    private String runCommand(long time, String host, String correlation, String result) {
        return Documents.line(rawActivity(time, host.toUpperCase(), RUN_COMMAND, correlation, result));
    }

    private static String batch(String... records) {
        return "{\"records\":[" + String.join(",", records) + "]}";
    }

    private ObjectNode rawActivity(long time, String vm, String operation, String correlation, String result) {
        return ActivityDocument.operation(operation)
                .at(Instant.ofEpochMilli(time))
                .resourceId(
                        ActivityDocument.vmResourceId(ActivityDocument.SUBSCRIPTION, "RG-" + (vm.hashCode() & 15), vm))
                .result(result)
                .resultSignature(result + "ed.")
                .correlationId(correlation)
                .caller("198.51.100." + random.nextInt(255), ActivityDocument.TENANT, hex(32), null)
                .claims(
                        "user" + random.nextInt(500) + "@contoso.com",
                        "user" + random.nextInt(500) + "@contoso.com",
                        "User")
                .levelAndLocation("Information", null)
                .full(random)
                .raw();
    }

    private String ecsActivity(long time, String vm, String operation) {
        return Documents.line(ActivityDocument.operation(operation)
                .at(Instant.ofEpochMilli(time))
                .resourceName(vm)
                .result("Success")
                .resultSignature("Succeeded.")
                .correlationId(uuid())
                .caller(null, null, hex(32), "ops@contoso.com")
                .subscription(ActivityDocument.SUBSCRIPTION)
                .full(random)
                .ecs());
    }

    private String defendWindows(
            long time, String host, String name, String parent, String parentCommandLine, String entityId) {
        long pid = 100 + random.nextInt(30000);
        String executable = "C:\\Windows\\System32\\" + name;
        return Documents.line(ProcessDocument.process()
                .at(Instant.ofEpochMilli(time))
                .host(host)
                .action("start")
                .eventId(hex(24))
                .name(name)
                .pid(pid)
                .entityId(entityId)
                .executable(executable)
                .args(List.of(executable, "/all"))
                .commandLine("\"" + executable + "\" /all")
                .parent(parent, parentCommandLine, List.of(parent))
                .parentPid(pid - 7)
                .parentEntityId(hex(40))
                .parentExecutable("C:\\Windows\\System32\\" + parent)
                .full(random)
                .defend());
    }

    private String defendLinux(
            long time, String host, String action, String name, String parent, String parentArgument, String entityId) {
        long pid = 100 + random.nextInt(60000);
        return Documents.line(ProcessDocument.process()
                .at(Instant.ofEpochMilli(time))
                .host(host)
                .action(action)
                .eventId(hex(24))
                .name(name)
                .pid(pid)
                .entityId(entityId)
                .executable("/usr/bin/" + name)
                .args(List.of(name, "-a"))
                .commandLine(name + " -a")
                .parent(parent, "/bin/" + parent + " " + parentArgument, List.of("/bin/" + parent, parentArgument))
                .parentPid(pid - 3)
                .parentEntityId(hex(40))
                .parentExecutable("/usr/bin/" + parent)
                .full(random)
                .defend());
    }

    private String sysmonIngest(
            long time, String host, String name, String parent, String parentCommandLine, String entityId) {
        long pid = 100 + random.nextInt(30000);
        String executable = "C:\\Windows\\System32\\" + name;
        return Documents.line(ProcessDocument.process()
                .at(Instant.ofEpochMilli(time))
                .host(host)
                .name(name)
                .pid(pid)
                .entityId(entityId)
                .executable(executable)
                .args(List.of(executable))
                .commandLine(executable)
                .parent(parent, parentCommandLine, List.of(parent))
                .parentPid(pid - 9)
                .parentEntityId("{" + hex(8) + "-6FDF-5F98-7000-000000000500}")
                .parentExecutable("C:\\Windows\\System32\\" + parent)
                .full(random)
                .sysmonIngest());
    }

    private String sysmonRaw(long time, String host, String name, String parent, String parentCommandLine) {
        String executable = "C:\\Windows\\System32\\" + name;
        return Documents.line(ProcessDocument.process()
                .at(Instant.ofEpochMilli(time))
                .host(host)
                .eventCode("1")
                .executable(executable)
                .commandLine(executable)
                .pid(random.nextInt(30000))
                .entityId("{" + hex(8) + "-4F50-65F0-3C01-000000001100}")
                .parent(null, parentCommandLine, null)
                .parentExecutable("C:\\Windows\\System32\\" + parent)
                .parentPid(random.nextInt(30000))
                .parentEntityId("{" + hex(8) + "-4F50-65F0-3B01-000000001100}")
                .full(random)
                .sysmonWinlogbeat());
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String hex(int length) {
        return Random.hex(random, length);
    }

    private String uuid() {
        return Random.uuid(random);
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
