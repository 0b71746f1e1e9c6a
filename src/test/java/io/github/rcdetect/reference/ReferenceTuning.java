package io.github.rcdetect.reference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * docs/spec.md, sections 11 and 12 written plainly, for the differential property of the tuned job: exception items
 * of four entry types on four alert fields, judged on the reference's alert views; then suppression of a bounded run,
 * per rule and group, in time order, each alert within the duration of its group's first joining it. Nothing here
 * uses the job's classes: the items reach the job as the JSON of a Kibana export, the settings as their file.
 */
final class ReferenceTuning {
    enum Kind {
        MATCH,
        MATCH_ANY,
        WILDCARD,
        EXISTS
    }

    /** One entry: the field holds (any value satisfies), or with {@code excluded} does not. */
    record Entry(String field, boolean excluded, Kind kind, List<String> values) {
        boolean holds(AlertView alert) {
            List<String> present = ReferenceTuning.values(alert, field);
            boolean any = switch (kind) {
                case EXISTS -> !present.isEmpty();
                case MATCH, MATCH_ANY -> present.stream().anyMatch(values::contains);
                case WILDCARD -> present.stream().anyMatch(value -> wildcard(values.get(0), value));
            };
            return excluded != any;
        }

        String json() {
            String value = switch (kind) {
                case EXISTS -> "";
                case MATCH, WILDCARD -> ",\"value\":\"" + escape(values.get(0)) + "\"";
                case MATCH_ANY ->
                    ",\"value\":["
                            + values.stream().map(v -> "\"" + escape(v) + "\"").collect(Collectors.joining(",")) + "]";
            };
            return "{\"field\":\"" + field + "\",\"operator\":\"" + (excluded ? "excluded" : "included")
                    + "\",\"type\":\"" + kind.name().toLowerCase(java.util.Locale.ROOT) + "\"" + value + "}";
        }
    }

    /** An item: it drops an alert every entry of which holds. */
    record Item(String id, List<Entry> entries) {
        boolean drops(AlertView alert) {
            return entries.stream().allMatch(entry -> entry.holds(alert));
        }

        String json() {
            return "{\"item_id\":\"" + id + "\",\"list_id\":\"differential\",\"type\":\"simple\",\"entries\":["
                    + entries.stream().map(Entry::json).collect(Collectors.joining(",")) + "]}";
        }
    }

    /** A rule's suppression: group by these fields for this long; alerts lacking one are left alone unless grouped. */
    record Suppression(List<String> groupBy, long durationSeconds, boolean suppressMissing) {
        String json() {
            return "{\"alert_suppression\":{\"group_by\":["
                    + groupBy.stream().map(f -> "\"" + f + "\"").collect(Collectors.joining(","))
                    + "],\"duration\":{\"value\":" + durationSeconds + ",\"unit\":\"s\"},"
                    + "\"missing_fields_strategy\":\"" + (suppressMissing ? "suppress" : "doNotSuppress") + "\"}}";
        }
    }

    /** A group's alert as the reference knows it: any of its first alerts may be the one written. */
    record Group(String rule, List<ReferenceModel.Expected> firsts, String start, String end, int docsCount) {
        String figures() {
            return figures(rule, firsts.get(0).view().host(), start, end, docsCount);
        }

        static String figures(String rule, String host, String start, String end, int docsCount) {
            return rule + " " + host + " " + start + ".." + end + " " + docsCount;
        }
    }

    /** What a tuned bounded run writes: the alerts no rule setting or item drops, left alone or grouped. */
    record Outcome(List<ReferenceModel.Expected> alone, List<Group> groups) {}

    private ReferenceTuning() {}

    static Outcome apply(
            List<ReferenceModel.Expected> alerts,
            List<Item> items,
            Set<String> disabled,
            Map<String, Suppression> suppression) {
        List<ReferenceModel.Expected> alone = new ArrayList<>();
        Map<String, List<ReferenceModel.Expected>> grouped = new LinkedHashMap<>();
        for (ReferenceModel.Expected alert : alerts) {
            AlertView view = alert.view();
            if (disabled.contains(view.rule()) || items.stream().anyMatch(item -> item.drops(view))) {
                continue;
            }
            Suppression rule = suppression.get(view.rule());
            List<List<String>> terms = new ArrayList<>();
            boolean missing = false;
            if (rule != null) {
                for (String field : rule.groupBy()) {
                    List<String> values = values(view, field);
                    missing |= values.isEmpty();
                    terms.add(values.stream().sorted().toList());
                }
            }
            if (rule == null || (missing && !rule.suppressMissing())) {
                alone.add(alert);
            } else {
                grouped.computeIfAbsent(view.rule() + " " + terms, k -> new ArrayList<>())
                        .add(alert);
            }
        }
        List<Group> groups = new ArrayList<>();
        for (List<ReferenceModel.Expected> members : grouped.values()) {
            members.sort(Comparator.comparing(member -> member.view().timestamp()));
            long duration = suppression.get(members.get(0).view().rule()).durationSeconds() * 1000;
            int first = 0;
            for (int i = 1; i <= members.size(); i++) {
                if (i == members.size() || millis(members.get(i)) - millis(members.get(first)) > duration) {
                    String start = members.get(first).view().timestamp();
                    List<ReferenceModel.Expected> firsts = members.subList(first, i).stream()
                            .filter(member -> member.view().timestamp().equals(start))
                            .toList();
                    groups.add(new Group(
                            members.get(first).view().rule(),
                            firsts,
                            start,
                            members.get(i - 1).view().timestamp(),
                            i - first - 1));
                    first = i;
                }
            }
        }
        return new Outcome(alone, groups);
    }

    /** The values an alert has for a field, as its ECS document holds them. */
    static List<String> values(AlertView alert, String field) {
        return switch (field) {
            case "rule.id" -> List.of(alert.rule());
            case "host.name" -> alert.host() == null ? List.of() : List.of(alert.host());
            case "user.email" -> alert.userEmail() == null ? List.of() : List.of(alert.userEmail());
            case "process.command_line" -> alert.commandLines();
            default -> throw new IllegalArgumentException("not modelled: " + field);
        };
    }

    /** Elastic's wildcard: {@code *} any run of characters, {@code ?} exactly one, everything else itself. */
    static boolean wildcard(String pattern, String value) {
        return wildcard(pattern, 0, value, 0);
    }

    private static boolean wildcard(String pattern, int p, String value, int v) {
        if (p == pattern.length()) {
            return v == value.length();
        }
        char c = pattern.charAt(p);
        if (c == '*') {
            for (int skip = v; skip <= value.length(); skip++) {
                if (wildcard(pattern, p + 1, value, skip)) {
                    return true;
                }
            }
            return false;
        }
        return v < value.length() && (c == '?' || c == value.charAt(v)) && wildcard(pattern, p + 1, value, v + 1);
    }

    private static long millis(ReferenceModel.Expected alert) {
        return Instant.parse(alert.view().timestamp()).toEpochMilli();
    }

    private static String escape(String text) {
        StringBuilder json = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.toString();
    }
}
