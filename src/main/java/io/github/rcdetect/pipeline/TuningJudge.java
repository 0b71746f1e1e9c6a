package io.github.rcdetect.pipeline;

import io.github.rcdetect.alert.exceptions.LiveExceptions;
import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.ErrorType;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.TuningUpdate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The tuning topics' dead letters: those their parser made, and the messages that are no exception item or value
 * list. A dead letter changes nothing: the item or list its key named before stays in force.
 */
final class TuningJudge implements UpdateRouter.Judge<TuningUpdate> {
    private static final long serialVersionUID = 1L;

    private final int maxDeadLetterBytes;

    TuningJudge(int maxDeadLetterBytes) {
        this.maxDeadLetterBytes = maxDeadLetterBytes;
    }

    @Override
    public EventStream stream(TuningUpdate update) {
        return update.stream;
    }

    @Override
    public DeadLetter deadLetter(TuningUpdate update) {
        if (update.deadLetter != null) {
            return update.deadLetter;
        }
        String invalid = LiveExceptions.invalid(update);
        if (invalid == null) {
            return null;
        }
        byte[] original = update.value.getBytes(StandardCharsets.UTF_8);
        return DeadLetter.of(
                update.stream == EventStream.VALUE_LISTS
                        ? ErrorType.INVALID_VALUE_LIST
                        : ErrorType.INVALID_EXCEPTION_ITEM,
                invalid,
                update.origin,
                Arrays.copyOf(original, Math.min(original.length, maxDeadLetterBytes)),
                original.length);
    }
}
