package io.github.rcdetect.output;

/** One alert rendered: its ECS document as a JSON line, plus the fields sinks key, order and count by. */
public class AlertDocument {
    public String ruleId;
    /** The deterministic {@code event.id}. */
    public String eventId;

    public String hostName;
    /** The alert's {@code @timestamp}, epoch milliseconds. */
    public long timestamp;

    public String json;

    public AlertDocument() {}

    public AlertDocument(String ruleId, String eventId, String hostName, long timestamp, String json) {
        this.ruleId = ruleId;
        this.eventId = eventId;
        this.hostName = hostName;
        this.timestamp = timestamp;
        this.json = json;
    }

    @Override
    public String toString() {
        return json;
    }
}
