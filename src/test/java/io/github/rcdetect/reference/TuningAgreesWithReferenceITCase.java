package io.github.rcdetect.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rcdetect.alert.AlertTuning;
import io.github.rcdetect.alert.exceptions.ExceptionExports;
import io.github.rcdetect.alert.exceptions.ValueLists;
import io.github.rcdetect.alert.suppression.RuleSettings;
import io.github.rcdetect.reference.ReferenceTuning.Entry;
import io.github.rcdetect.reference.ReferenceTuning.Group;
import io.github.rcdetect.reference.ReferenceTuning.Item;
import io.github.rcdetect.reference.ReferenceTuning.Kind;
import io.github.rcdetect.reference.ReferenceTuning.Suppression;
import io.github.rcdetect.rules.registry.Rules;
import io.github.rcdetect.testing.DetectionRun;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Differential test of the alert stage (docs/spec.md, sections 11 and 12): random scenarios with random exception
 * items (match, match_any, wildcard and exists, both operators, on rule, host, caller and command lines), a rule
 * switched off now and then, and random suppression of R1 and R2, through the real bounded job; it must write exactly
 * what {@link ReferenceTuning} makes of the reference's alerts: the same alerts left alone, and the same groups with
 * the same start, end and docs_count, each written as one of its first alerts.
 */
@AddLifecycleHook(PropertyRunSettings.class)
class TuningAgreesWithReferenceITCase {
    private static final Duration RUN_LIMIT = Duration.ofSeconds(90);
    private static final Pattern FRAGMENT = Pattern.compile("[A-Za-z0-9]{3,}");

    private static final PropertyCluster CLUSTER = new PropertyCluster();
    private static final AtomicLong ITEMS = new AtomicLong();
    private static final AtomicLong DROPPED = new AtomicLong();
    private static final AtomicLong GROUPS = new AtomicLong();
    private static final AtomicLong SUPPRESSED = new AtomicLong();

    @BeforeContainer
    static void startCluster() throws Exception {
        CLUSTER.start();
    }

    @AfterContainer
    static void stopCluster() {
        CLUSTER.stop();
        System.out.printf(
                "TuningAgreesWithReferenceITCase: %d items dropped %d alerts; %d groups suppressed %d alerts%n",
                ITEMS.get(), DROPPED.get(), GROUPS.get(), SUPPRESSED.get());
    }

    @Provide
    Arbitrary<List<Scenario>> batches() {
        return Scenarios.batches(60, true);
    }

    @Property(tries = 10, seed = "20261202", shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void aTunedBoundedRunWritesExactlyWhatTheReferenceTuningLeaves(
            @ForAll("batches") List<Scenario> batch, @ForAll long layoutSeed, @ForAll long tuningSeed)
            throws Exception {
        Path directory = Files.createTempDirectory("rcdetect-differential-tuning");
        try {
            ScenarioFiles files = ScenarioFiles.export(batch, new Random(layoutSeed), directory);
            List<ReferenceModel.Expected> expected = ReferenceModel.alerts(batch, files);
            Random random = new Random(tuningSeed);
            List<Item> items = items(random, expected);
            Set<String> disabled = random.nextInt(10) == 0 ? Set.of("R1") : Set.of();
            Map<String, Suppression> suppression = suppression(random);
            ReferenceTuning.Outcome outcome = ReferenceTuning.apply(expected, items, disabled, suppression);

            DetectionRun.Result result = CLUSTER.within(
                    RUN_LIMIT,
                    () -> new DetectionRun(directory)
                            .tuning(tuning(directory, items, disabled, suppression))
                            .runFiles(files.activityFiles(), files.processFiles()));

            List<ObjectNode> grouped = result.alerts().stream()
                    .filter(alert -> !alert.at("/kibana/alert/suppression").isMissingNode())
                    .toList();
            assertThat(grouped.stream()
                            .map(TuningAgreesWithReferenceITCase::figures)
                            .sorted())
                    .as("the groups, with their figures (items %s, settings %s)", items, suppression)
                    .containsExactlyElementsOf(outcome.groups().stream()
                            .map(Group::figures)
                            .sorted()
                            .toList());
            List<ReferenceModel.Expected> written = new ArrayList<>(outcome.alone());
            for (Group group : outcome.groups()) {
                written.add(writtenAs(group, grouped));
            }
            Agreement.check(batch, written, result.alerts(), false);

            ITEMS.addAndGet(items.size());
            DROPPED.addAndGet(expected.size()
                    - outcome.alone().size()
                    - outcome.groups().stream().mapToInt(g -> g.docsCount() + 1).sum());
            GROUPS.addAndGet(outcome.groups().size());
            SUPPRESSED.addAndGet(
                    outcome.groups().stream().mapToInt(Group::docsCount).sum());
        } finally {
            DifferentialRuns.delete(directory);
        }
    }

    /** The first alert of the group the job wrote for it (alerts at one millisecond may each be the first). */
    private static ReferenceModel.Expected writtenAs(Group group, List<ObjectNode> grouped) {
        for (ObjectNode alert : grouped) {
            if (figures(alert).equals(group.figures())) {
                AlertView view = AlertView.of(alert);
                for (ReferenceModel.Expected first : group.firsts()) {
                    if (first.canonical(view, false).equals(first.view())) {
                        return first;
                    }
                }
            }
        }
        return group.firsts().get(0);
    }

    private static String figures(JsonNode alert) {
        JsonNode suppression = alert.at("/kibana/alert/suppression");
        return Group.figures(
                alert.at("/rule/id").asText(),
                alert.at("/host/name").asText(),
                suppression.at("/start").asText(),
                suppression.at("/end").asText(),
                suppression.at("/docs_count").asInt());
    }

    private static AlertTuning tuning(
            Path directory, List<Item> items, Set<String> disabled, Map<String, Suppression> suppression)
            throws Exception {
        Path export = Files.write(
                directory.resolve("exceptions.ndjson"),
                items.stream().map(Item::json).toList());
        Map<String, String> rules = new LinkedHashMap<>();
        disabled.forEach(rule -> rules.put(rule, "{\"enabled\":false}"));
        suppression.forEach((rule, settings) -> rules.putIfAbsent(rule, settings.json()));
        Path settings = Files.writeString(
                directory.resolve("rule-settings.json"),
                rules.entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                        .collect(Collectors.joining(",", "{", "}")));
        return new AlertTuning(
                new ExceptionExports(ValueLists.none()).read(List.of(export)),
                RuleSettings.read(settings, new LinkedHashSet<>(Rules.ids())),
                true);
    }

    private static Map<String, Suppression> suppression(Random random) {
        Map<String, Suppression> suppression = new LinkedHashMap<>();
        long[] r2Durations = {1, 30, 120, 600};
        long[] r1Durations = {60, 600, 3600};
        if (random.nextInt(10) < 6) {
            suppression.put(
                    "R2", new Suppression(List.of("host.name"), r2Durations[random.nextInt(r2Durations.length)], true));
        }
        if (random.nextBoolean()) {
            suppression.put(
                    "R1",
                    new Suppression(
                            List.of("host.name", "user.email"),
                            r1Durations[random.nextInt(r1Durations.length)],
                            random.nextBoolean()));
        }
        return suppression;
    }

    /** Up to three items whose entries are drawn from the reference's own alerts, so that they do match some. */
    private static List<Item> items(Random random, List<ReferenceModel.Expected> expected) {
        List<Item> items = new ArrayList<>();
        if (expected.isEmpty()) {
            return items;
        }
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            List<Entry> entries = new ArrayList<>();
            int size = 1 + random.nextInt(2);
            for (int e = 0; e < size; e++) {
                AlertView alert = expected.get(random.nextInt(expected.size())).view();
                AlertView other = expected.get(random.nextInt(expected.size())).view();
                entries.add(entry(random, alert, other, random.nextInt(4) == 0));
            }
            items.add(new Item("item-" + i, entries));
        }
        return items;
    }

    private static Entry entry(Random random, AlertView alert, AlertView other, boolean excluded) {
        switch (random.nextInt(6)) {
            case 1:
                return new Entry("host.name", excluded, Kind.MATCH, List.of(alert.host()));
            case 2:
                return new Entry(
                        "host.name",
                        excluded,
                        Kind.MATCH_ANY,
                        List.copyOf(new TreeSet<>(List.of(alert.host(), other.host()))));
            case 3:
                String host = alert.host();
                int at = random.nextInt(host.length());
                return new Entry(
                        "host.name",
                        excluded,
                        Kind.WILDCARD,
                        List.of(
                                random.nextBoolean()
                                        ? host.substring(0, at) + "?" + host.substring(at + 1)
                                        : host.substring(0, Math.max(1, host.length() / 2)) + "*"));
            case 4:
                for (String line : alert.commandLines()) {
                    Matcher fragment = FRAGMENT.matcher(line);
                    List<String> fragments = new ArrayList<>();
                    while (fragment.find()) {
                        fragments.add(fragment.group());
                    }
                    if (!fragments.isEmpty()) {
                        return new Entry(
                                "process.command_line",
                                excluded,
                                Kind.WILDCARD,
                                List.of("*" + fragments.get(random.nextInt(fragments.size())) + "*"));
                    }
                }
                return new Entry("rule.id", excluded, Kind.MATCH, List.of(alert.rule()));
            case 5:
                return new Entry("user.email", excluded, Kind.EXISTS, List.of());
            default:
                return new Entry("rule.id", excluded, Kind.MATCH, List.of(alert.rule()));
        }
    }
}
