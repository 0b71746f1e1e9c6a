package io.github.rcdetect.serialization;

import io.github.rcdetect.detection.Detection;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.ProcessEvent;

import org.apache.flink.api.common.typeinfo.TypeInformation;

/** The stream types whose records cross tasks in the hand-written formats of this package. */
public final class WireTypes {
    /** Every stream of detections, from the rules to the alert stage; the suppression state keeps the POJO type. */
    public static final TypeInformation<Detection> DETECTION =
            new WireTypeInfo<>(Detection.class, DetectionSerializer.INSTANCE);

    /**
     * The edges into a correlation rule's event-time operator and from it to its invocations, whose operators keep
     * no state of the event's type; the pattern's input and state keep the POJO types.
     */
    public static final TypeInformation<ActivityEvent> ACTIVITY_EVENT =
            new WireTypeInfo<>(ActivityEvent.class, ActivityEventSerializer.INSTANCE);

    /** The edge into a correlation rule's event-time operator, which keeps no state of the event's type. */
    public static final TypeInformation<ProcessEvent> PROCESS_EVENT =
            new WireTypeInfo<>(ProcessEvent.class, ProcessEventSerializer.INSTANCE);

    private WireTypes() {}
}
