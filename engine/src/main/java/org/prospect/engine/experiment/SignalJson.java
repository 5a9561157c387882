package org.prospect.engine.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.prospect.engine.task.SignalSpec;

/** A signal as the JSON of an experiment file, and back (through the same validating reader). */
final class SignalJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SignalJson() {}

    static ObjectNode write(SignalSpec spec) {
        ObjectNode o = NODES.objectNode();
        if (spec instanceof SignalSpec.SumOfSines s) {
            o.put("type", "sines");
            ArrayNode channels = o.putArray("channels");
            for (List<SignalSpec.Sine> channel : s.perChannel()) {
                ArrayNode c = channels.addArray();
                for (SignalSpec.Sine sine : channel) {
                    c.addObject().put("amplitude", sine.amplitude()).put("frequency", sine.frequency()).put("phase", sine.phase());
                }
            }
        } else if (spec instanceof SignalSpec.SquareWave w) {
            o.put("type", "square").put("channels", w.channels()).put("period", w.period()).put("amplitude", w.amplitude())
                    .put("sigmaSteps", w.sigmaSteps()).put("randomOffsets", w.randomOffsets());
        } else if (spec instanceof SignalSpec.OrnsteinUhlenbeck u) {
            o.put("type", "ou").put("channels", u.channels()).put("theta", u.theta()).put("mu", u.mu()).put("sigma", u.sigma());
        } else if (spec instanceof SignalSpec.Step st) {
            o.put("type", "step");
            ArrayNode before = o.putArray("before");
            for (double v : st.before()) before.add(v);
            ArrayNode after = o.putArray("after");
            for (double v : st.after()) after.add(v);
            o.put("at", st.at());
        }
        return o;
    }

    static SignalSpec read(Path file, JsonNode node, int channels) throws ExperimentFileException {
        return SignalReader.read(FieldReader.of(file, NODES.objectNode().set("input", node)).required("input"), channels,
                "network.inputs");
    }
}
