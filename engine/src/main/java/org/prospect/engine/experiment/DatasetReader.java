package org.prospect.engine.experiment;

import java.io.IOException;
import java.nio.file.Path;
import org.prospect.engine.gle.Activation;
import org.prospect.engine.gle.Dynamics;
import org.prospect.engine.gle.NetworkSpec;
import org.prospect.engine.gle.TargetLoss;
import org.prospect.engine.task.SequenceDataset;
import org.prospect.engine.task.TargetSpec;

/**
 * Reads a {@code "target": {"dataset": …}} block and loads the data set it names, so that a bad or missing
 * data file is reported at load time like any other field.
 */
final class DatasetReader {
    private DatasetReader() {}

    static TargetSpec.Dataset read(FieldReader f, NetworkSpec spec, int batch, Dynamics dynamics)
            throws ExperimentFileException {
        f.object("directory", "train", "test", "resample", "resampleTo", "limit", "epochs", "patience", "rateFactor");
        FieldReader dirField = f.required("directory");
        Path base = f.file().toAbsolutePath().getParent();
        Path dir = base.resolve(dirField.string()).normalize();
        FieldReader trainField = f.optional("train");
        FieldReader testField = f.optional("test");
        String trainName = trainField == null ? "train.csv" : trainField.string();
        String testName = testField == null ? "test.csv" : testField.string();
        FieldReader resampleField = f.optional("resample");
        int resample = resampleField == null ? 1 : resampleField.intAtLeast(1);
        FieldReader resampleToField = f.optional("resampleTo");
        if (resampleField != null && resampleToField != null) {
            throw resampleToField.error("give either \"resample\" (a factor) or \"resampleTo\" (a length), not both");
        }
        int resampleTo = resampleToField == null ? 0 : resampleToField.intAtLeast(2);
        FieldReader limitField = f.optional("limit");
        int limit = limitField == null ? 0 : limitField.intAtLeast(1);
        int epochs = f.required("epochs").intAtLeast(1);
        FieldReader patienceField = f.optional("patience");
        int patience = patienceField == null ? 2 : patienceField.intAtLeast(0);
        FieldReader factorField = f.optional("rateFactor");
        double factor = factorField == null ? 0.5 : factorField.numberAtLeast(0, "0");
        if (factor > 1) throw factorField.expected("a number between 0 and 1");

        SequenceDataset train = load(dirField, dir.resolve(trainName), limit);
        SequenceDataset test = load(dirField, dir.resolve(testName), limit == 0 ? 0 : Math.max(batch, limit / 4));
        if (spec.inputs() != 1) {
            throw f.error("a sequence data set gives 1 input per step, but network.inputs is " + spec.inputs());
        }
        int classes = Math.max(train.classes(), test.classes());
        if (spec.outputs() != classes) {
            throw f.error("the data set has " + classes + " classes, but the output layer has " + spec.outputs() + " neurons");
        }
        if (train.size() < batch || test.size() < batch) {
            throw f.error("the data set has fewer sequences (" + Math.min(train.size(), test.size()) + ") than the batch (" + batch + ")");
        }
        if (dynamics.loss() != TargetLoss.CROSS_ENTROPY || spec.layer(spec.layerCount() - 1).activation() != Activation.LINEAR) {
            throw f.error("a dataset target needs \"dynamics.loss\": \"cross_entropy\" and a linear output layer");
        }
        train = new SequenceDataset(train.sequences(), train.labels(), classes);
        test = new SequenceDataset(test.sequences(), test.labels(), classes);
        if (resampleTo > 0) {
            train = train.resampledTo(resampleTo);
            test = test.resampledTo(resampleTo);
        } else {
            train = train.resampled(resample);
            test = test.resampled(resample);
        }
        return new TargetSpec.Dataset(dir.getFileName().toString(), train, test, epochs, patience, factor);
    }

    private static SequenceDataset load(FieldReader field, Path file, int limit) throws ExperimentFileException {
        SequenceDataset d;
        try {
            d = SequenceDataset.readCsv(file);
        } catch (IOException e) {
            throw field.error("cannot read the data set: " + e.getMessage());
        }
        if (limit > 0 && limit < d.size()) {
            d = new SequenceDataset(java.util.Arrays.copyOf(d.sequences(), limit), java.util.Arrays.copyOf(d.labels(), limit),
                    d.classes());
        }
        return d;
    }
}
