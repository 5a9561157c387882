package org.prospect.engine.experiment;

import java.util.ArrayList;
import java.util.List;
import org.prospect.engine.task.SignalSpec;

/** Reads one signal (an experiment's {@code input} or {@code target.signal}); {@code type} selects the kind. */
final class SignalReader {
    private static final String[] TYPES = {"sines", "square", "ou", "step", "constant"};

    private SignalReader() {}

    /**
     * The signal at {@code f}, which must have {@code channels} channels; {@code channelsOwner} names where
     * that count comes from (e.g. "network.inputs") for the error message.
     */
    static SignalSpec read(FieldReader f, int channels, String channelsOwner) throws ExperimentFileException {
        if (!f.isObject()) throw f.expected("a signal object with a \"type\" field");
        String type = f.required("type").choice(TYPES);
        return switch (type) {
            case "sines" -> sines(f, channels, channelsOwner);
            case "square" -> square(f, channels, channelsOwner);
            case "ou" -> ou(f, channels, channelsOwner);
            case "step" -> step(f, channels, channelsOwner);
            default -> constant(f, channels, channelsOwner);
        };
    }

    private static SignalSpec sines(FieldReader f, int channels, String owner) throws ExperimentFileException {
        f.object("type", "channels");
        FieldReader c = f.required("channels");
        List<FieldReader> perChannel = c.elements();
        checkChannels(c, perChannel.size(), channels, owner);
        List<List<SignalSpec.Sine>> out = new ArrayList<>();
        for (FieldReader ch : perChannel) {
            List<SignalSpec.Sine> sines = new ArrayList<>();
            for (FieldReader s : ch.atLeast(1, "sine")) {
                s.object("amplitude", "frequency", "phase");
                double amplitude = s.required("amplitude").number();
                double frequency = s.required("frequency").number();
                FieldReader phase = s.optional("phase");
                sines.add(new SignalSpec.Sine(amplitude, frequency, phase == null ? 0 : phase.number()));
            }
            out.add(sines);
        }
        return new SignalSpec.SumOfSines(out);
    }

    private static SignalSpec square(FieldReader f, int channels, String owner) throws ExperimentFileException {
        f.object("type", "channels", "period", "amplitude", "sigmaSteps", "randomOffsets");
        FieldReader c = f.required("channels");
        checkChannels(c, c.intAtLeast(1), channels, owner);
        double period = f.required("period").positive();
        FieldReader amplitude = f.optional("amplitude");
        FieldReader sigma = f.optional("sigmaSteps");
        FieldReader offsets = f.optional("randomOffsets");
        return new SignalSpec.SquareWave(channels, period, amplitude == null ? 1 : amplitude.number(),
                sigma == null ? 0 : sigma.numberAtLeast(0, "0"), offsets != null && offsets.bool());
    }

    private static SignalSpec ou(FieldReader f, int channels, String owner) throws ExperimentFileException {
        f.object("type", "channels", "theta", "mu", "sigma");
        FieldReader c = f.required("channels");
        checkChannels(c, c.intAtLeast(1), channels, owner);
        double theta = f.required("theta").numberAtLeast(0, "0");
        FieldReader mu = f.optional("mu");
        double sigma = f.required("sigma").numberAtLeast(0, "0");
        return new SignalSpec.OrnsteinUhlenbeck(channels, theta, mu == null ? 0 : mu.number(), sigma);
    }

    private static SignalSpec step(FieldReader f, int channels, String owner) throws ExperimentFileException {
        f.object("type", "before", "after", "at");
        FieldReader b = f.required("before");
        double[] before = b.numbers();
        checkChannels(b, before.length, channels, owner);
        FieldReader a = f.required("after");
        double[] after = a.numbers();
        checkChannels(a, after.length, channels, owner);
        double at = f.required("at").numberAtLeast(0, "0");
        return new SignalSpec.Step(before, after, at);
    }

    private static SignalSpec constant(FieldReader f, int channels, String owner) throws ExperimentFileException {
        f.object("type", "value");
        FieldReader v = f.required("value");
        double[] value = v.numbers();
        checkChannels(v, value.length, channels, owner);
        return new SignalSpec.Step(value, value, 0);
    }

    private static void checkChannels(FieldReader f, int found, int expected, String owner)
            throws ExperimentFileException {
        if (found != expected) {
            throw f.error("expected " + FieldReader.count(expected, "channel") + " (" + owner + " = " + expected
                    + "), found " + found);
        }
    }
}
