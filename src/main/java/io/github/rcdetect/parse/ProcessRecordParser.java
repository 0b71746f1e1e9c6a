package io.github.rcdetect.parse;

import io.github.rcdetect.domain.Candidates;
import io.github.rcdetect.domain.HostMatch;
import io.github.rcdetect.domain.HostNames;
import io.github.rcdetect.domain.RunAsPasswords;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.event.Origin;
import io.github.rcdetect.event.ProcessEvent;

/**
 * Endpoint process events: Elastic Defend and Sysmon documents in ECS (nested, dotted or mixed), and Sysmon event 1
 * as Winlogbeat ships it before ingest processing ({@code winlog.event_data} only), which is normalized the way the
 * Sysmon ingest pipeline does it: process fields from Image/CommandLine/..., {@code event.code} 1, category process,
 * type start.
 */
final class ProcessRecordParser extends JsonRecordParser {
    private static final String SYSMON_PROVIDER = "Microsoft-Windows-Sysmon";
    private static final String SYSMON_CHANNEL = "Microsoft-Windows-Sysmon/Operational";
    private static final String SYSMON_PROCESS_CREATE = "1";
    private static final String AZURE = "azure";

    /**
     * Wanted fields: ECS names, then the raw Sysmon fields used when the ECS ones are absent. Always read: the time, the
     * parent's name and image (whether a rule can use the event) and the winlog fields whose values decide how a raw
     * Sysmon event is normalized.
     */
    enum Field implements FieldPath {
        TIMESTAMP("@timestamp", Reading.ALWAYS),
        TIME("time", Reading.ALWAYS),
        EVENT_ID("event.id", Reading.LAZILY),
        EVENT_ACTION("event.action", Reading.LAZILY),
        EVENT_TYPE("event.type", Reading.LAZILY),
        EVENT_CATEGORY("event.category", Reading.LAZILY),
        EVENT_CODE("event.code", Reading.LAZILY),
        HOST_NAME("host.name", Reading.LAZILY),
        CLOUD_INSTANCE_NAME("cloud.instance.name", Reading.LAZILY),
        CLOUD_PROVIDER("cloud.provider", Reading.LAZILY),
        NAME("process.name", Reading.LAZILY),
        PID("process.pid", Reading.LAZILY_AS_INTEGER),
        ENTITY_ID("process.entity_id", Reading.LAZILY),
        EXECUTABLE("process.executable", Reading.LAZILY),
        ARGS("process.args", Reading.LAZILY),
        COMMAND_LINE("process.command_line", Reading.LAZILY),
        PARENT_NAME("process.parent.name", Reading.ALWAYS),
        PARENT_PID("process.parent.pid", Reading.LAZILY_AS_INTEGER),
        PARENT_ENTITY_ID("process.parent.entity_id", Reading.LAZILY),
        PARENT_EXECUTABLE("process.parent.executable", Reading.ALWAYS),
        PARENT_ARGS("process.parent.args", Reading.LAZILY),
        PARENT_COMMAND_LINE("process.parent.command_line", Reading.LAZILY),
        WINLOG_EVENT_ID("winlog.event_id", Reading.ALWAYS),
        WINLOG_PROVIDER("winlog.provider_name", Reading.ALWAYS),
        WINLOG_CHANNEL("winlog.channel", Reading.ALWAYS),
        WINLOG_COMPUTER("winlog.computer_name", Reading.LAZILY),
        SYSMON_IMAGE("winlog.event_data.Image", Reading.LAZILY),
        SYSMON_COMMAND_LINE("winlog.event_data.CommandLine", Reading.LAZILY),
        SYSMON_PROCESS_ID("winlog.event_data.ProcessId", Reading.LAZILY_AS_INTEGER),
        SYSMON_PROCESS_GUID("winlog.event_data.ProcessGuid", Reading.LAZILY),
        SYSMON_PARENT_IMAGE("winlog.event_data.ParentImage", Reading.ALWAYS),
        SYSMON_PARENT_COMMAND_LINE("winlog.event_data.ParentCommandLine", Reading.LAZILY),
        SYSMON_PARENT_PROCESS_ID("winlog.event_data.ParentProcessId", Reading.LAZILY_AS_INTEGER),
        SYSMON_PARENT_PROCESS_GUID("winlog.event_data.ParentProcessGuid", Reading.LAZILY);

        private final String path;
        private final Reading reading;

        Field(String path, Reading reading) {
            this.path = path;
            this.reading = reading;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public Reading reading() {
            return reading;
        }
    }

    ProcessRecordParser(ParserLimits limits, boolean forDetection) {
        super(Field.values(), limits, forDetection);
    }

    @Override
    boolean mayMatch(InputRecord event) {
        return Candidates.mayBeScriptChild(event.process.parentName);
    }

    @Override
    InputRecord toRecord(CapturedRecord record, Origin origin) throws InvalidRecordException {
        ProcessEvent event = new ProcessEvent();
        event.timestamp = eventTime(record, Field.TIMESTAMP, Field.TIME);
        event.eventId = record.string(Field.EVENT_ID);
        event.eventAction = record.string(Field.EVENT_ACTION);
        event.eventType = record.strings(Field.EVENT_TYPE);
        event.eventCategory = record.strings(Field.EVENT_CATEGORY);
        event.eventCode = record.string(Field.EVENT_CODE);
        identify(event, record);

        event.executable = firstNonNull(record.string(Field.EXECUTABLE), record.string(Field.SYSMON_IMAGE));
        event.name = nameOrBaseName(record.string(Field.NAME), event.executable);
        event.pid = record.has(Field.PID) ? record.integer(Field.PID) : record.integer(Field.SYSMON_PROCESS_ID);
        event.entityId = firstNonNull(record.string(Field.ENTITY_ID), record.string(Field.SYSMON_PROCESS_GUID));
        event.args = redacted(record.strings(Field.ARGS));
        event.commandLine =
                redacted(firstNonNull(record.string(Field.COMMAND_LINE), record.string(Field.SYSMON_COMMAND_LINE)));

        event.parentExecutable =
                firstNonNull(record.string(Field.PARENT_EXECUTABLE), record.string(Field.SYSMON_PARENT_IMAGE));
        event.parentName = nameOrBaseName(record.string(Field.PARENT_NAME), event.parentExecutable);
        event.parentPid = record.has(Field.PARENT_PID)
                ? record.integer(Field.PARENT_PID)
                : record.integer(Field.SYSMON_PARENT_PROCESS_ID);
        event.parentEntityId =
                firstNonNull(record.string(Field.PARENT_ENTITY_ID), record.string(Field.SYSMON_PARENT_PROCESS_GUID));
        event.parentArgs = redacted(record.strings(Field.PARENT_ARGS));
        event.parentCommandLine = redacted(firstNonNull(
                record.string(Field.PARENT_COMMAND_LINE), record.string(Field.SYSMON_PARENT_COMMAND_LINE)));

        if (isRawSysmonProcessCreate(record)) {
            event.eventCode = firstNonNull(event.eventCode, SYSMON_PROCESS_CREATE);
            event.eventCategory = event.eventCategory != null ? event.eventCategory : new String[] {"process"};
            event.eventType = event.eventType != null ? event.eventType : new String[] {"start"};
        }
        event.origin = origin;
        return InputRecord.of(event);
    }

    /**
     * With RunAs passwords redacted, except a value left unread ({@link CapturedRecord#UNREAD}): only a record no rule
     * uses keeps it (one a rule may use is read again in full), so there is nothing to redact.
     */
    private static String redacted(String text) {
        return text == CapturedRecord.UNREAD ? text : RunAsPasswords.redact(text);
    }

    /** The same for arguments; an unread array holds only {@link CapturedRecord#UNREAD}. */
    private static String[] redacted(String[] args) {
        return args != null && args.length > 0 && args[0] == CapturedRecord.UNREAD ? args : RunAsPasswords.redact(args);
    }

    /**
     * The machine of the event, as far as the event itself tells (docs/spec.md, section 9): Elastic Agent's
     * {@code cloud.instance.name} names the VM or scale-set instance, unless the cloud is not Azure; else the guest's
     * name, without domain suffix, stands for it until the host inventory says otherwise.
     */
    private static void identify(ProcessEvent event, CapturedRecord record) throws InvalidRecordException {
        event.hostName = lowerCase(firstNonNull(record.string(Field.HOST_NAME), record.string(Field.WINLOG_COMPUTER)));
        String instance = record.string(Field.CLOUD_INSTANCE_NAME);
        String provider = record.string(Field.CLOUD_PROVIDER);
        if (instance != null && !instance.isBlank() && (provider == null || AZURE.equalsIgnoreCase(provider))) {
            event.cloudInstanceName = instance;
            event.hostKey = lowerCase(instance);
            event.hostMatch = HostMatch.CLOUD_INSTANCE_NAME;
        } else {
            event.hostKey = HostNames.guestName(event.hostName);
            event.hostMatch = event.hostKey == null ? null : HostMatch.HOST_NAME;
        }
    }

    private static boolean isRawSysmonProcessCreate(CapturedRecord record) throws InvalidRecordException {
        return SYSMON_PROCESS_CREATE.equals(record.string(Field.WINLOG_EVENT_ID))
                && (SYSMON_PROVIDER.equalsIgnoreCase(record.string(Field.WINLOG_PROVIDER))
                        || SYSMON_CHANNEL.equalsIgnoreCase(record.string(Field.WINLOG_CHANNEL)));
    }
}
