package org.prospect.engine.task;

import java.util.ArrayList;
import java.util.List;
import org.prospect.engine.gle.LayerSpec;
import org.prospect.engine.gle.NetworkSpec;

/** Builds a teacher's network shape: the student's, with the teacher's own time constants where given. */
public final class Teachers {
    private Teachers() {}

    public static NetworkSpec spec(NetworkSpec student, TargetSpec.Teacher t) {
        if (t.tauM() == null && t.tauR() == null) return student;
        List<LayerSpec> layers = new ArrayList<>();
        for (int l = 0; l < student.layerCount(); l++) {
            LayerSpec s = student.layer(l);
            layers.add(new LayerSpec(s.size(), s.activation(), t.tauM() == null ? s.tauM() : t.tauM()[l],
                    t.tauR() == null ? s.tauR() : t.tauR()[l], s.bias()));
        }
        return new NetworkSpec(student.inputs(), layers);
    }
}
