package org.prospect.app.record;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to record: a view at {@code width × height} pixels, {@code framesPerUnit} frames per simulated time
 * unit for {@code duration} time units starting at simulated time {@code start} (simulated without frames
 * up to there), played back at {@code playbackFps} frames per second.
 */
public record RecordingSpec(String view, int width, int height, double framesPerUnit, double duration, double start,
                            double playbackFps, VideoFormat format, Path output) {
    public static final int MAX_WIDTH = 3840;
    public static final int MAX_HEIGHT = 3840;
    public static final long MAX_PIXELS = 3840L * 2160L;
    public static final int MIN_SIZE = 16;
    /** The layout every recording is drawn at (scaled to the frame size), so all resolutions look alike. */
    public static final double LAYOUT_WIDTH = 1280;
    public static final double LAYOUT_HEIGHT = 720;

    private static final Pattern SIZE = Pattern.compile("\\s*(\\d{1,5})\\s*[x×X]\\s*(\\d{1,5})\\s*");

    public RecordingSpec {
        checkSize(width, height);
        if (format == VideoFormat.MP4 && (width % 2 != 0 || height % 2 != 0)) {
            throw new IllegalArgumentException("MP4 needs an even width and height, got " + width + "x" + height);
        }
        if (!(framesPerUnit > 0) || !Double.isFinite(framesPerUnit)) {
            throw new IllegalArgumentException("frames per time unit must be positive, got " + framesPerUnit);
        }
        if (!(duration > 0) || !Double.isFinite(duration)) {
            throw new IllegalArgumentException("duration must be positive, got " + duration);
        }
        if (!(start >= 0) || !Double.isFinite(start)) throw new IllegalArgumentException("start must be ≥ 0, got " + start);
        if (!(playbackFps > 0) || playbackFps > 240) {
            throw new IllegalArgumentException("playback frame rate must be in (0, 240], got " + playbackFps);
        }
        if (Math.round(framesPerUnit * duration) < 1) {
            throw new IllegalArgumentException("duration × frames per time unit gives no frame");
        }
        if (Math.round(framesPerUnit * duration) > 1_000_000) {
            throw new IllegalArgumentException("more than a million frames; shorten the duration or lower the frame rate");
        }
    }

    /** Frames in the recording: frames per unit × duration, rounded. */
    public int frameCount() { return (int) Math.round(framesPerUnit * duration); }

    /** Simulated time shown by frame {@code k} (0-based): the end of its 1/framesPerUnit slice. */
    public double frameTime(int k) { return start + (k + 1) / framesPerUnit; }

    /** Device pixels per layout pixel: the frame is the {@value #LAYOUT_WIDTH}×720 layout, scaled to fit. */
    public double scale() { return layoutScale(width, height); }

    static double layoutScale(int width, int height) {
        return Math.min(width / LAYOUT_WIDTH, height / LAYOUT_HEIGHT);
    }

    /** "1920x1080" (or ×) → {width, height}; IllegalArgumentException with the reason otherwise. */
    public static int[] parseSize(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text);
        if (!m.matches()) throw new IllegalArgumentException("size '" + text + "': expected WIDTHxHEIGHT, e.g. 1920x1080");
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        checkSize(w, h);
        return new int[] {w, h};
    }

    static void checkSize(int w, int h) {
        if (w < MIN_SIZE || h < MIN_SIZE || w > MAX_WIDTH || h > MAX_HEIGHT || (long) w * h > MAX_PIXELS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "size %dx%d: expected at least %dx%d and at most 3840x2160 pixels", w, h, MIN_SIZE, MIN_SIZE));
        }
    }
}
