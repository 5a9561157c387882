package org.prospect.app.record;

import io.fair_acc.chartfx.XYChart;
import java.util.List;
import javafx.scene.layout.Region;
import org.prospect.engine.experiment.GleSimulation;

/**
 * A view bound to a simulation the {@link Recorder} steps itself: the recorder calls {@link #afterStep}
 * after every step and {@link #flush} before every frame, both on the recording thread (never the FX
 * thread: ChartFX data sets are filled off it), then lets a pulse pass and snapshots {@link #node()}.
 */
public interface RecordableView {
    /** The node to render; created on the FX thread. */
    Region node();

    /** After each simulation step, on the recording thread; cheap and allocation-free. */
    void afterStep(GleSimulation simulation);

    /** Before a frame, on the recording thread: hands what was collected to the node's data sets. */
    void flush();

    /** The charts in this view, in reading order (for SVG figures); empty when it has none. */
    List<XYChart> charts();
}
