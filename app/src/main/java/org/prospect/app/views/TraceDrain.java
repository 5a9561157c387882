package org.prospect.app.views;

import org.prospect.engine.trace.TraceBuffer;

/** Preallocated arrays for draining one trace, and the time of its last row (to notice resets). */
final class TraceDrain {
    final TraceBuffer trace;
    final double[] time;
    final double[][] columns;
    double last = Double.NEGATIVE_INFINITY;
    int count;
    /** Whether the last drain found the time going back (a reset); rows from {@link #start} are new. */
    boolean reset;
    int start;

    TraceDrain(TraceBuffer trace) {
        this.trace = trace;
        time = new double[trace.capacity()];
        columns = new double[trace.channels()][trace.capacity()];
    }

    /** Drains the trace; returns the number of rows, of which those from {@link #start} on are current. */
    int drain() {
        count = trace.drain(time, columns);
        reset = false;
        start = 0;
        for (int k = 0; k < count; k++) {
            if (time[k] < last) {
                reset = true;
                start = k;
            }
            last = time[k];
        }
        return count;
    }
}
