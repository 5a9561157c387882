package org.prospect.engine.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceDatasetTest {
    static final Path MNIST1D = Path.of("..", "samples", "data", "mnist1d");
    static final Path MNIST1D_72 = Path.of("..", "samples", "data", "mnist1d-72");

    @Test
    void theShippedMnist1dHas4000TrainAnd1000TestSequencesOf40InTenClasses() throws IOException {
        SequenceDataset train = SequenceDataset.readCsv(MNIST1D.resolve("train.csv"));
        SequenceDataset test = SequenceDataset.readCsv(MNIST1D.resolve("test.csv"));
        assertEquals(4000, train.size());
        assertEquals(1000, test.size());
        assertEquals(40, train.length());
        assertEquals(10, train.classes());
    }

    @Test
    void resamplingInterpolatesLinearlyAndHoldsTheLastSample() {
        double[] y = SequenceDataset.resample(new double[] {0, 9, 3}, 3);
        assertArrayEquals(new double[] {0, 3, 6, 9, 7, 5, 3, 3, 3}, y, 1e-12);
    }

    @Test
    void stretchingToALengthKeepsBothEndsOnAnEvenGrid() {
        double[] y = SequenceDataset.stretch(new double[] {0, 1, 4}, 5);
        assertArrayEquals(new double[] {0, 0.5, 1, 2.5, 4}, y, 1e-12);
    }

    @Test
    void theShipped72PointMnist1dStretchedTo360IsTheGeneratorsData() throws IOException {
        // The generator's first two training sequences at 360 samples (9 significant digits), made independently.
        SequenceDataset generator = SequenceDataset.readCsv(
                Path.of("src", "test", "resources", "mnist1d", "generator-360-first-train-rows.csv"));
        SequenceDataset shipped = SequenceDataset.readCsv(MNIST1D_72.resolve("train.csv")).resampledTo(360);
        assertEquals(4000, shipped.size());
        assertEquals(360, shipped.length());
        for (int s = 0; s < generator.size(); s++) {
            assertEquals(generator.labels()[s], shipped.labels()[s], "label of sequence " + s);
            assertArrayEquals(generator.sequences()[s], shipped.sequences()[s], 1e-6, "sequence " + s);
        }
    }

    @Test
    void aMalformedRowNamesFileAndLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "label,x0,x1\n1,0.5,0.25\n2,oops,1\n");
        IOException e = assertThrows(IOException.class, () -> SequenceDataset.readCsv(f));
        assertTrue(e.getMessage().contains("bad.csv: line 3"), e.getMessage());
    }

    @Test
    void aStreamVisitsEverySequenceOncePerEpochWithOneHotTargets() {
        double[][] seqs = new double[6][];
        for (int s = 0; s < 6; s++) seqs[s] = new double[] {s, s + 0.5};
        SequenceDataset data = new SequenceDataset(seqs, new int[] {0, 1, 2, 0, 1, 2}, 3);
        SequenceStream stream = new SequenceStream(data, 2, 4, true);
        double[] x = new double[2];
        double[] t = new double[6];
        Set<Double> seen = new HashSet<>();
        for (int k = 0; k < 6; k++) {
            stream.current(x, t);
            if (stream.position() == 0) {
                seen.add(x[0]);
                seen.add(x[1]);
                assertEquals(1.0, t[stream.label(0)]);
                assertEquals(1.0, t[3 + stream.label(1)]);
            } else {
                assertEquals(stream.sequence(0) + 0.5, x[0]);
            }
            stream.advance();
        }
        assertEquals(Set.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0), seen);
        assertEquals(1, stream.epoch());
    }
}
