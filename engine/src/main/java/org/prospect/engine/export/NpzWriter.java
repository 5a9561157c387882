package org.prospect.engine.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.prospect.engine.trace.AtomicFiles;

/**
 * Writes arrays as an {@code .npz} file that {@code numpy.load} reads: a zip of {@code NAME.npy} entries in
 * NPY format 1.0, little-endian float64, C order. Written under a temporary name and renamed when complete.
 */
public final class NpzWriter {
    /** One array: its shape and values in C (row-major) order. */
    public record Array(int[] shape, double[] values) {
        public Array {
            long n = 1;
            for (int d : shape) n *= d;
            if (n != values.length) throw new IllegalArgumentException("shape does not match " + values.length + " values");
        }
    }

    private final Map<String, Array> arrays = new LinkedHashMap<>();

    public NpzWriter add(String name, int[] shape, double[] values) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new IllegalArgumentException("not a Python identifier: " + name);
        arrays.put(name, new Array(shape.clone(), values));
        return this;
    }

    public NpzWriter add(String name, double[] vector) {
        return add(name, new int[] {vector.length}, vector);
    }

    public void write(Path target) throws IOException {
        AtomicFiles.writeBinary(target, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, Array> e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                writeNpy(zip, e.getValue());
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /** NPY 1.0: magic, version, little-endian header length, a Python dict literal padded to 64 bytes. */
    static void writeNpy(OutputStream out, Array a) throws IOException {
        out.write(npyHeader(a.shape()));
        ByteBuffer buf = ByteBuffer.allocate(8 * 4096).order(ByteOrder.LITTLE_ENDIAN);
        double[] v = a.values();
        for (int i = 0; i < v.length; i++) {
            buf.putDouble(v[i]);
            if (!buf.hasRemaining()) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
        }
        out.write(buf.array(), 0, buf.position());
    }

    /** The NPY 1.0 header of a little-endian float64 C-order array of that shape; its values follow it. */
    static byte[] npyHeader(int[] dims) {
        StringBuilder shape = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            shape.append(dims[i]);
            if (dims.length == 1 || i < dims.length - 1) shape.append(i < dims.length - 1 ? ", " : ",");
        }
        shape.append(')');
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
        int unpadded = 10 + dict.length() + 1;
        int padded = (unpadded + 63) / 64 * 64;
        String header = dict + " ".repeat(padded - unpadded) + "\n";
        byte[] text = header.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[10 + text.length];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
        System.arraycopy(magic, 0, out, 0, magic.length);
        out[8] = (byte) (text.length & 0xff);
        out[9] = (byte) (text.length >>> 8);
        System.arraycopy(text, 0, out, 10, text.length);
        return out;
    }
}
