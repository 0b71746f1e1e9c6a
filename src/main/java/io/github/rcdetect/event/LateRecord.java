package io.github.rcdetect.event;

/** An R1 input that arrived after the watermark had passed its time, so no correlation could use it any more. */
public class LateRecord {
    public ActivityEvent activity;
    public ProcessEvent process;

    public LateRecord() {}

    public static LateRecord of(ActivityEvent event) {
        LateRecord late = new LateRecord();
        late.activity = event;
        return late;
    }

    public static LateRecord of(ProcessEvent event) {
        LateRecord late = new LateRecord();
        late.process = event;
        return late;
    }

    public EventStream stream() {
        return activity != null ? EventStream.ACTIVITY : EventStream.PROCESS;
    }
}
