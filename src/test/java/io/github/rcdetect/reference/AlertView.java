package io.github.rcdetect.reference;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the differential tests compare of an alert: rule, host, time, the machine, the invocation fields of R1 and R3,
 * the command lines and the set of source events (each as {@code stream time event_id file:line#record_index}).
 * Everything else of an alert is fixed per rule or derived from these.
 *
 * @param host {@code host.name}: the host name the (earliest) process reported, lower-cased
 * @param cloudInstanceName {@code cloud.instance.name}: the machine's resource name, where known
 * @param resourceId {@code azure.resource.id}: the machine's resource id, where known
 * @param hostMatch {@code azure_runcommand.host_match}: R1 and R3 only, how the two sides were joined
 * @param correlationId R1 and R3 only; null when the invocation has none
 * @param processCount R1 and R3 only
 * @param firstProcessAt R1 and R3 only
 * @param userEmail R1 and R3 only: the caller, from the earliest record that names one
 * @param commandLines R1 and R3: the distinct command lines; R2 and R4: the one command line
 * @param sourceEvents sorted
 */
public record AlertView(
        String rule,
        String host,
        String timestamp,
        String cloudInstanceName,
        String resourceId,
        String hostMatch,
        String correlationId,
        Integer processCount,
        String firstProcessAt,
        String userEmail,
        List<String> commandLines,
        List<String> sourceEvents) {

    public static final Comparator<AlertView> ORDER = Comparator.comparing(AlertView::timestamp)
            .thenComparing(AlertView::rule)
            .thenComparing(AlertView::host)
            .thenComparing(AlertView::toString);

    /** The view of an alert document the job wrote. */
    public static AlertView of(JsonNode alert) {
        String rule = alert.at("/rule/id").asText();
        boolean r1 = isCorrelation(rule);
        List<String> commandLines = new ArrayList<>();
        JsonNode commandLine = alert.at("/process/command_line");
        if (commandLine.isArray()) {
            commandLine.forEach(line -> commandLines.add(line.asText()));
        } else if (!commandLine.isMissingNode()) {
            commandLines.add(commandLine.asText());
        }
        List<String> sources = new ArrayList<>();
        alert.at("/azure_runcommand/source_events").forEach(source -> sources.add(sourceEvent(source)));
        sources.sort(null);
        return new AlertView(
                rule,
                text(alert.at("/host/name")),
                text(alert.at("/@timestamp")),
                text(alert.at("/cloud/instance/name")),
                text(alert.at("/azure/resource/id")),
                text(alert.at("/azure_runcommand/host_match")),
                r1 ? text(alert.at("/azure_runcommand/correlation_id")) : null,
                r1 ? Integer.valueOf(alert.at("/azure_runcommand/process_count").asInt()) : null,
                r1 ? text(alert.at("/azure_runcommand/first_process_at")) : null,
                r1 ? text(alert.at("/user/email")) : null,
                commandLines,
                sources);
    }

    /** Whether a rule correlates an invocation with processes (R1, R3) rather than alerting on one process. */
    static boolean isCorrelation(String rule) {
        return rule.equals("R1") || rule.equals("R3");
    }

    boolean isCorrelation() {
        return isCorrelation(rule);
    }

    /** What an alert is about: for R1 and R3 the machine of the invocation, for R2 and R4 the process's host. */
    String subject() {
        return isCorrelation() && cloudInstanceName != null ? cloudInstanceName.toLowerCase(Locale.ROOT) : host;
    }

    /** A source reference as the tests write it; the file by its name alone. */
    public static String sourceEvent(
            String stream, String timestamp, String eventId, String file, long line, Integer recordIndex) {
        return stream + " " + timestamp + " " + (eventId == null ? "-" : eventId) + " "
                + file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1) + ":" + line
                + (recordIndex == null ? "" : "#" + recordIndex);
    }

    private static String sourceEvent(JsonNode source) {
        JsonNode recordIndex = source.get("record_index");
        return sourceEvent(
                source.at("/stream").asText(),
                source.at("/@timestamp").asText(),
                text(source.at("/event_id")),
                source.at("/file").asText(),
                source.at("/line").asLong(),
                recordIndex == null ? null : recordIndex.asInt());
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    /** This view with other activity source events and caller (see {@link ReferenceModel.Expected#canonical}). */
    AlertView withActivityAsReference(List<String> sources, String email) {
        return new AlertView(
                rule,
                host,
                timestamp,
                cloudInstanceName,
                resourceId,
                hostMatch,
                correlationId,
                processCount,
                firstProcessAt,
                email,
                commandLines,
                sources);
    }

    /** This view with its command lines in another order (see {@link ReferenceModel.Expected#canonical}). */
    AlertView withCommandLines(List<String> lines) {
        return new AlertView(
                rule,
                host,
                timestamp,
                cloudInstanceName,
                resourceId,
                hostMatch,
                correlationId,
                processCount,
                firstProcessAt,
                userEmail,
                lines,
                sourceEvents);
    }

    /** This view named by another of its earliest processes (see {@link ReferenceModel.Expected#canonical}). */
    AlertView withGuest(String hostName, String match) {
        return new AlertView(
                rule,
                hostName,
                timestamp,
                cloudInstanceName,
                resourceId,
                match,
                correlationId,
                processCount,
                firstProcessAt,
                userEmail,
                commandLines,
                sourceEvents);
    }

    @Override
    public String toString() {
        return rule + " " + timestamp + " " + host + " machine=" + cloudInstanceName + " id=" + resourceId
                + (isCorrelation()
                        ? " match=" + hostMatch + " correlation=" + correlationId + " count=" + processCount + " first="
                                + firstProcessAt + " email=" + userEmail
                        : "")
                + " cmd=" + commandLines + " sources=" + sourceEvents;
    }
}
