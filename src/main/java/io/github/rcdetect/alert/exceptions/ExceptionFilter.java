package io.github.rcdetect.alert.exceptions;

import io.github.rcdetect.alert.suppression.RuleSettings;
import io.github.rcdetect.detection.Detection;
import io.github.rcdetect.detection.RuleMetadata;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;

import java.util.Map;

/** Drops the detections of disabled rules and those the exception items read at start-up match. */
public final class ExceptionFilter extends RichFilterFunction<Detection> {
    private static final long serialVersionUID = 1L;
    /** The counter of alerts dropped by an exception, labelled by rule. */
    public static final String DROPPED = "alertsDroppedByExceptions";

    private final Exceptions exceptions;
    private final AlertJudge judge;

    public ExceptionFilter(Exceptions exceptions, RuleSettings settings, Map<String, RuleMetadata> rules) {
        this.exceptions = exceptions;
        this.judge = new AlertJudge(settings, rules);
    }

    @Override
    public void open(OpenContext openContext) {
        judge.open(getRuntimeContext());
    }

    @Override
    public boolean filter(Detection detection) {
        return judge.keeps(detection, exceptions);
    }
}
