package org.prospect.app.record;

import java.nio.file.Path;
import java.util.Locale;

/** What a recording is written as. */
public enum VideoFormat {
    /** H.264 in an MP4 container (jcodec, pure Java). Needs even width and height (YUV 4:2:0). */
    MP4("mp4", false),
    /** Animated GIF, looping forever (javax.imageio). */
    GIF("gif", false),
    /** A directory of numbered PNG files, frame-000001.png … */
    PNG("png", true);

    private final String name;
    private final boolean directory;

    VideoFormat(String name, boolean directory) {
        this.name = name;
        this.directory = directory;
    }

    /** The lower-case name used on the command line and as the file extension. */
    public String id() { return name; }

    /** Whether the output is a directory of files rather than one file. */
    public boolean isDirectory() { return directory; }

    public FrameSink createSink(Path temporary) {
        return switch (this) {
            case MP4 -> new Mp4Sink(temporary);
            case GIF -> new GifSink(temporary);
            case PNG -> new PngSequenceSink(temporary);
        };
    }

    /** mp4, gif or png (any case); else an IllegalArgumentException naming the choices. */
    public static VideoFormat parse(String text) {
        for (VideoFormat f : values()) if (f.name.equalsIgnoreCase(text.trim())) return f;
        throw new IllegalArgumentException("unknown format '" + text + "' (expected mp4, gif or png)");
    }

    /**
     * The format an output path asks for: .mp4, .gif; anything else (a directory name, say) is a PNG
     * sequence.
     */
    public static VideoFormat fromPath(Path out) {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".mp4") || name.endsWith(".m4v") || name.endsWith(".mov")) return MP4;
        if (name.endsWith(".gif")) return GIF;
        return PNG;
    }
}
