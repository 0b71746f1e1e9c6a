package io.github.rcdetect.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rcdetect.bench.LoadGenerator;
import io.github.rcdetect.domain.Candidates;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.event.Origin;
import io.github.rcdetect.output.Json;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The detection's parser reads lazily, yet gives what the full parser gives: the same dead letters, the same events
 * for every record a rule may use, and for every other valid record its time alone.
 */
class DetectionParserTest {
    private static final Path FUZZ_INPUTS =
            Paths.get("src/test/resources/io/github/rcdetect/parse/RecordParserFuzzTestInputs");
    private static final String[] PARENTS = {
        "powershell.exe", "PowerShell.EXE", "bash", "sh", "busybox", "cmd.exe", "explorer.exe"
    };
    private static final String[] ACTIONS = {
        "MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION",
        "microsoft.compute/virtualMachines/runCommand/action",
        "MICROSOFT.COMPUTE/VIRTUALMACHINES/DEALLOCATE/ACTION"
    };

    @Test
    void agreesWithTheFullParserOnSamplesTestdataFuzzInputsAndGeneratedLoad() throws IOException {
        int compared = 0;
        for (EventStream stream : List.of(EventStream.ACTIVITY, EventStream.PROCESS)) {
            for (byte[] input : seeds(stream)) {
                compared += assertAgreement(stream, input);
            }
        }
        assertThat(compared).isGreaterThan(3_000);
    }

    @Test
    void agreesWithTheFullParserOnMutatedRecords() throws IOException {
        SplittableRandom random = new SplittableRandom(20261201);
        int compared = 0;
        int candidates = 0;
        for (EventStream stream : List.of(EventStream.ACTIVITY, EventStream.PROCESS)) {
            List<JsonNode> documents = new ArrayList<>();
            for (byte[] seed : seeds(stream)) {
                JsonNode document = readOrNull(seed);
                if (document instanceof ObjectNode) {
                    documents.add(document);
                }
            }
            for (int i = 0; i < 20_000; i++) {
                JsonNode mutated = mutate(
                        random, documents.get(random.nextInt(documents.size())).deepCopy(), stream);
                byte[] input = Json.write(mutated).getBytes(StandardCharsets.UTF_8);
                compared += assertAgreement(stream, input);
                candidates += countCandidates(stream, input);
            }
        }
        assertThat(compared).isGreaterThan(40_000);
        assertThat(candidates).as("mutations that a rule may use").isGreaterThan(5_000);
    }

    @Test
    void aFieldLeftUnreadIsStillTypeChecked() {
        // Noise (the parent is no script host): the object pid and the two-valued host are read as the full parser
        // does.
        for (String noise : List.of(
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"process\":{\"pid\":{\"x\":1},\"parent\":{\"name\":\"cmd.exe\"}}}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"host\":{\"name\":[\"a\",\"b\"]},\"process\":{\"parent\":{\"name\":\"cmd.exe\"}}}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"process\":{\"command_line\":{\"x\":1},\"parent\":{\"name\":\"cmd.exe\"}}}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"process\":{\"command_line\":\"a\"},\"process.command_line\":\"b\"}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"process\":{\"args\":[[\"a\"]]}}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"process\":{\"pid\":\"abc\"}}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"process\":{\"pid\":6.5}}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"process\":{\"parent\":{\"pid\":99999999999999999999}}}")) {
            byte[] input = noise.getBytes(StandardCharsets.UTF_8);
            InputRecord full = only(RecordParser.forStream(EventStream.PROCESS, ParserLimits.defaults()), input);
            InputRecord lazy = only(RecordParser.forDetection(EventStream.PROCESS, ParserLimits.defaults()), input);

            assertThat(full.deadLetter).as(noise).isNotNull();
            assertThat(tree(lazy)).as(noise).isEqualTo(tree(full));
        }
    }

    @Test
    void anUnusedRecordKeepsOnlyItsTime() {
        byte[] noise =
                "{\"@timestamp\":\"2026-03-10T10:00:00.250Z\",\"host\":{\"name\":\"h\"},\"process\":{\"name\":\"svchost.exe\",\"parent\":{\"name\":\"services.exe\"}}}"
                        .getBytes(StandardCharsets.UTF_8);

        InputRecord lazy = only(RecordParser.forDetection(EventStream.PROCESS, ParserLimits.defaults()), noise);

        assertThat(lazy.process).isNull();
        assertThat(lazy.deadLetter).isNull();
        assertThat(lazy.eventTime())
                .isEqualTo(Instant.parse("2026-03-10T10:00:00.250Z").toEpochMilli());
    }

    /**
     * The one difference: the string limit guards the memory of text the job reads, and the detection reads no text of
     * a record no rule can use beyond its deciding fields.
     */
    @Test
    void theStringLimitAppliesToTheTextThatIsRead() {
        String longCommandLine = "x".repeat(ParserLimits.DEFAULT_MAX_STRING_LENGTH + 1);
        byte[] noise = ("{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"process\":{\"command_line\":\"" + longCommandLine
                        + "\",\"parent\":{\"name\":\"cmd.exe\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] candidate = ("{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"process\":{\"command_line\":\""
                        + longCommandLine + "\",\"parent\":{\"name\":\"bash\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        RecordParser detection = RecordParser.forDetection(EventStream.PROCESS, ParserLimits.defaults());

        assertThat(only(RecordParser.forStream(EventStream.PROCESS, ParserLimits.defaults()), noise)
                        .deadLetter
                        .errorType
                        .id())
                .isEqualTo("limit_exceeded");
        assertThat(only(detection, noise).deadLetter).isNull();
        assertThat(only(detection, candidate).deadLetter.errorType.id()).isEqualTo("limit_exceeded");
    }

    /** Compares both parsers on one input; returns the number of records compared. */
    private static int assertAgreement(EventStream stream, byte[] input) {
        Origin origin = Origin.ofFile(stream, "in.ndjson", 3);
        List<InputRecord> full = new ArrayList<>();
        RecordParser.forStream(stream, ParserLimits.defaults()).parse(input, 0, input.length, origin, full::add);
        ParseContract.checkDetectionAgrees(stream, input, origin, full);
        return full.size();
    }

    private static JsonNode tree(InputRecord record) {
        return Json.MAPPER.valueToTree(record);
    }

    private static int countCandidates(EventStream stream, byte[] input) {
        List<InputRecord> full = new ArrayList<>();
        RecordParser.forStream(stream, ParserLimits.defaults())
                .parse(input, 0, input.length, Origin.ofFile(stream, "in.ndjson", 3), full::add);
        return (int) full.stream()
                .filter(record -> record.deadLetter == null && mayMatch(record))
                .count();
    }

    private static boolean mayMatch(InputRecord event) {
        return event.activity != null
                ? Candidates.mayBeRunCommandRecord(event.activity.action)
                : Candidates.mayBeScriptChild(event.process.parentName);
    }

    private static InputRecord only(RecordParser parser, byte[] input) {
        List<InputRecord> records = new ArrayList<>();
        parser.parse(input, 0, input.length, Origin.ofFile(EventStream.PROCESS, "in.ndjson", 1), records::add);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    /** Every sample and testdata line, every committed fuzz input, and generated load in both mixes. */
    static List<byte[]> seeds(EventStream stream) throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        Path fuzzInputs = FUZZ_INPUTS.resolve(stream == EventStream.ACTIVITY ? "activityRecords" : "processRecords");
        try (Stream<Path> files = Files.list(fuzzInputs)) {
            for (Path file : files.sorted().toList()) {
                seeds.add(Files.readAllBytes(file));
            }
        }
        try (Stream<Path> files = Files.walk(Paths.get("testdata", stream.id()))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    seeds.add(line.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        seeds.addAll(generatedLoad(stream));
        return seeds;
    }

    /** Generated load in both mixes, one line per element. */
    static List<byte[]> generatedLoad(EventStream stream) {
        List<byte[]> seeds = new ArrayList<>();
        for (double matchFraction : new double[] {0.01, 0.10}) {
            LoadGenerator.Plan plan = new LoadGenerator(new LoadGenerator.Settings(
                            3, 200, 5_000, matchFraction, 5, 0.2, 3600, 5, Instant.parse("2026-03-10T00:00:00Z")))
                    .plan();
            for (LoadGenerator.Line line : stream == EventStream.ACTIVITY ? plan.activity() : plan.process()) {
                String json = stream == EventStream.ACTIVITY ? plan.activityJson(line) : plan.processJson(line);
                seeds.add(json.getBytes(StandardCharsets.UTF_8));
            }
        }
        return seeds;
    }

    private static JsonNode readOrNull(byte[] bytes) {
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * One to three edits of a document: a value replaced by another of any type, a nested leaf repeated as a dotted
     * key with the same or another value, the parent or action set to one a rule may use, or the record wrapped in an
     * Event Hub batch.
     */
    private static JsonNode mutate(SplittableRandom random, JsonNode document, EventStream stream) {
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            ObjectNode object = randomObject(random, (ObjectNode) document);
            switch (random.nextInt(5)) {
                case 0 -> {
                    if (object.size() > 0) {
                        String field = randomField(random, object);
                        object.set(field, randomValue(random));
                    }
                }
                case 1 -> repeatAsDottedKey(random, (ObjectNode) document);
                case 2 -> {
                    if (stream == EventStream.PROCESS) {
                        ((ObjectNode) document).put("process.parent.name", PARENTS[random.nextInt(PARENTS.length)]);
                    } else {
                        ((ObjectNode) document).put("operationName", ACTIONS[random.nextInt(ACTIONS.length)]);
                    }
                }
                case 3 -> object.remove(object.size() > 0 ? randomField(random, object) : "none");
                default -> {
                    if (!document.has("records")) {
                        ArrayNode records = JsonNodeFactory.instance.arrayNode();
                        for (int copies = 1 + random.nextInt(3); copies > 0; copies--) {
                            records.add(document.deepCopy());
                        }
                        document = JsonNodeFactory.instance.objectNode().set("records", records);
                    }
                }
            }
        }
        return document;
    }

    private static ObjectNode randomObject(SplittableRandom random, ObjectNode root) {
        ObjectNode object = root;
        while (random.nextInt(3) > 0) {
            List<JsonNode> children = new ArrayList<>();
            object.elements().forEachRemaining(child -> {
                if (child.isObject()) {
                    children.add(child);
                }
            });
            if (children.isEmpty()) {
                break;
            }
            object = (ObjectNode) children.get(random.nextInt(children.size()));
        }
        return object;
    }

    /** {"a":{"b":1}} gains "a.b": 1 (agreeing) or "a.b": 2 (disagreeing). */
    private static void repeatAsDottedKey(SplittableRandom random, ObjectNode root) {
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        List<Map.Entry<String, JsonNode>> nested = new ArrayList<>();
        fields.forEachRemaining(entry -> {
            if (entry.getValue().isObject() && entry.getValue().size() > 0) {
                nested.add(entry);
            }
        });
        if (nested.isEmpty()) {
            return;
        }
        Map.Entry<String, JsonNode> parent = nested.get(random.nextInt(nested.size()));
        String child = randomField(random, (ObjectNode) parent.getValue());
        JsonNode value = parent.getValue().get(child);
        root.set(parent.getKey() + "." + child, random.nextBoolean() ? value.deepCopy() : randomValue(random));
    }

    private static String randomField(SplittableRandom random, ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.get(random.nextInt(names.size()));
    }

    private static JsonNode randomValue(SplittableRandom random) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (random.nextInt(8)) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.numberNode(random.nextInt(100_000));
            case 2 -> nodes.numberNode(random.nextDouble() * 10);
            case 3 -> nodes.booleanNode(random.nextBoolean());
            case 4 -> nodes.objectNode().put("x", "y");
            case 5 -> nodes.arrayNode().add("a").add("b");
            case 6 -> nodes.arrayNode().add(nodes.objectNode());
            default -> nodes.textNode("2026-03-10T10:00:0" + random.nextInt(10) + "Z");
        };
    }
}
