package org.prospect.app.record;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Animated GIF through javax.imageio: a frame delay in the graphic control extension of every frame and
 * the NETSCAPE2.0 application extension (loop forever) on the first. GIF delays are whole hundredths of
 * a second, so the rate is rounded (30 frames/s plays at 100/3 ≈ 33 frames/s).
 */
final class GifSink implements FrameSink {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private final Path file;
    private ImageWriter writer;
    private ImageOutputStream out;
    private BufferedImage image;
    private int delayCentiseconds;
    private boolean first = true;

    GifSink(Path file) {
        this.file = file;
    }

    @Override
    public void open(int width, int height, double framesPerSecond) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) throw new IOException("no GIF writer in this Java runtime");
        writer = writers.next();
        out = ImageIO.createImageOutputStream(file.toFile());
        if (out == null) throw new IOException("cannot write " + file);
        writer.setOutput(out);
        writer.prepareWriteSequence(null);
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        delayCentiseconds = Math.max(2, (int) Math.round(100 / framesPerSecond));
    }

    @Override
    public void write(int[] argb) throws IOException {
        image.setRGB(0, 0, image.getWidth(), image.getHeight(), argb, 0, image.getWidth());
        writer.writeToSequence(new IIOImage(image, null, metadata()), null);
        first = false;
    }

    private IIOMetadata metadata() throws IIOInvalidTreeException {
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayCentiseconds));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode extensions = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0}); // sub-block 1: loop count 0 = forever
            extensions.appendChild(loop);
        }
        meta.setFromTree(FORMAT, root);
        return meta;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    @Override
    public void finish() throws IOException {
        writer.endWriteSequence();
        out.close();
        out = null;
    }

    @Override
    public void close() {
        if (writer != null) writer.dispose();
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the temporary file is deleted next
            }
            out = null;
        }
    }
}
