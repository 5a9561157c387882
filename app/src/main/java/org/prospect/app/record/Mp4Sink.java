package org.prospect.app.record;

import java.io.IOException;
import java.nio.file.Path;
import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.Codec;
import org.jcodec.common.Format;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;

/**
 * H.264 in an MP4 container with jcodec's pure-Java encoder (no AWT, no external program). The frame
 * rate is a whole number of frames per second; width and height must be even (4:2:0 chroma).
 */
final class Mp4Sink implements FrameSink {
    private final Path file;
    private FileChannelWrapper channel;
    private SequenceEncoder encoder;
    private Picture picture;

    Mp4Sink(Path file) {
        this.file = file;
    }

    @Override
    public void open(int width, int height, double framesPerSecond) throws IOException {
        if (width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("MP4 needs an even width and height, got " + width + "×" + height);
        }
        int fps = Math.max(1, (int) Math.round(framesPerSecond));
        channel = NIOUtils.writableChannel(file.toFile());
        encoder = new SequenceEncoder(channel, Rational.R(fps, 1), Format.MOV, Codec.H264, null);
        picture = Picture.create(width, height, ColorSpace.RGB);
    }

    @Override
    public void write(int[] argb) throws IOException {
        // jcodec keeps 8-bit samples shifted to [-128, 127], RGB interleaved in plane 0.
        byte[] rgb = picture.getPlaneData(0);
        for (int i = 0, j = 0; i < argb.length; i++, j += 3) {
            int p = argb[i];
            rgb[j] = (byte) (((p >> 16) & 0xff) - 128);
            rgb[j + 1] = (byte) (((p >> 8) & 0xff) - 128);
            rgb[j + 2] = (byte) ((p & 0xff) - 128);
        }
        encoder.encodeNativeFrame(picture);
    }

    @Override
    public void finish() throws IOException {
        encoder.finish();
        channel.close();
    }

    @Override
    public void close() {
        NIOUtils.closeQuietly(channel);
    }
}
