package io.github.rcdetect.serialization;

import io.github.rcdetect.detection.Detection;

import org.apache.flink.api.common.typeinfo.TypeInformation;

/** The stream types whose records cross tasks in the hand-written formats of this package. */
public final class WireTypes {
    /** Every stream of detections, from the rules to the alert stage; the suppression state keeps the POJO type. */
    public static final TypeInformation<Detection> DETECTION =
            new WireTypeInfo<>(Detection.class, DetectionSerializer.INSTANCE);

    private WireTypes() {}
}
