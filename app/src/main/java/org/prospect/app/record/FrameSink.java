package org.prospect.app.record;

import java.io.IOException;

/**
 * Where recorded frames go: an encoder writing into a temporary path that the {@link Recorder} renames
 * into place after {@link #finish()}. Frames arrive in order, all {@code width × height}, as ARGB ints
 * (row-major, opaque). Called from one thread at a time.
 */
public interface FrameSink extends AutoCloseable {
    /** Called once before the first frame. */
    void open(int width, int height, double framesPerSecond) throws IOException;

    /** One frame; {@code argb} is only valid during the call. */
    void write(int[] argb) throws IOException;

    /** Completes the output (container index, trailer). Nothing is written after it. */
    void finish() throws IOException;

    /** Releases files and encoders, finished or not; must be safe to call after a failure, and twice. */
    @Override
    void close();
}
