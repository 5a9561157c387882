package org.prospect.app.controls;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;
import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.gle.Dynamics;
import org.prospect.engine.gle.NetworkSpec;
import org.prospect.engine.run.Command;
import org.prospect.engine.run.SimulationRunner;
import org.prospect.engine.task.SignalSpec;

/**
 * The right panel: the experiment's live parameters in a ControlsFX {@link PropertySheet}. Each field is
 * checked as it is committed (Enter or leaving the field); a value the engine would refuse (τ &lt; dt, NaN,
 * a negative rate, …) is marked red with the reason underneath and never sent. Accepted values go to the
 * runner as one {@link Command.Apply} each, so they take effect between two steps. Field ids follow the
 * experiment file's field paths ({@code dynamics.gamma}, {@code network.layers[1].tauM[0]}, …).
 *
 * <p>The sheet shows the values the user set (initially the file's). Learned τ_m keep learning from an
 * edited value; the sheet does not follow them as they learn.
 */
public final class ParameterSheet {
    /** Per-neuron fields are listed for layers up to this size; larger layers get only "all neurons". */
    static final int MAX_NEURON_FIELDS = 32;
    public static final String INVALID = "invalid";

    private final PropertySheet sheet = new PropertySheet();
    private final Label message = new Label();
    private final Button revert = new Button("Revert to file");
    private final BorderPane box = new BorderPane();
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private final List<Editor> editors = new ArrayList<>();
    private final BooleanProperty learningShown = new SimpleBooleanProperty();
    private final List<String> categories = new ArrayList<>();

    private SimulationRunner runner;
    private GleExperiment experiment;
    private double dt;
    // The values the sheet shows (the file's until edited).
    private double gamma;
    private double beta;
    private boolean prospective;
    private double rate;
    private double[][] tauM;
    private double[][] tauR;
    private InputModel input;
    private boolean inputEdited;
    /** The fields the user changed, as settings of the experiment file (field path → JSON value). */
    private final Map<String, String> edits = new LinkedHashMap<>();

    public ParameterSheet() {
        sheet.setId("parameter-sheet");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(true);
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setCategoryComparator((a, b) -> Integer.compare(categories.indexOf(a), categories.indexOf(b)));
        sheet.setPropertyEditorFactory(item -> ((Param) item).editor());
        message.setId("param-message");
        message.getStyleClass().add("param-message");
        message.setWrapText(true);
        message.setVisible(false);
        message.setManaged(false);
        revert.setId("revert");
        revert.setFocusTraversable(false);
        revert.setTooltip(new Tooltip("Set every parameter back to the file's value (the run goes on; R resets it)"));
        revert.setOnAction(e -> revert());
        Label title = new Label("Parameters");
        title.getStyleClass().add("panel-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        title.setMinWidth(Region.USE_PREF_SIZE);
        revert.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(title, spacer, revert);
        header.getStyleClass().add("panel-header");
        Label hint = new Label("Enter applies; applied between two steps");
        hint.getStyleClass().add("panel-hint");
        box.setTop(header);
        box.setCenter(sheet);
        box.setBottom(new VBox(message, hint));
        box.getStyleClass().addAll("side-panel", "parameter-panel");
        box.setId("parameter-panel");
    }

    public Node node() { return box; }

    /** The message under the sheet (why the last value was refused), for tests. */
    public Label message() { return message; }

    /** The text field editing {@code path} (a field path as in the file), or null. */
    public TextField field(String path) { return fields.get(path); }

    public List<String> paths() { return List.copyOf(fields.keySet()); }

    /**
     * The edits in force, as settings of the experiment file: applied to the file they give the parameters the
     * run uses now (τ as whole layers, the input as a whole signal). Empty after "Revert to file".
     */
    public org.prospect.engine.experiment.Settings edits() {
        return new org.prospect.engine.experiment.Settings(edits);
    }

    /** Mirrors the runner's learning flag (call on the FX thread). */
    public void showLearning(boolean on) {
        if (learningShown.get() != on) learningShown.set(on);
    }

    /** Shows {@code e}'s parameters; edits go to {@code r}. */
    public void show(GleExperiment e, SimulationRunner r) {
        this.experiment = e;
        this.runner = r;
        this.dt = e.dynamics().dt();
        loadFileValues();
        learningShown.set(e.learning().enabled());
        hideMessage();
        edits.clear();
        fields.clear();
        editors.clear();
        categories.clear();
        sheet.getItems().setAll(items());
    }

    private void loadFileValues() {
        Dynamics d = experiment.dynamics();
        gamma = d.gamma();
        beta = d.beta();
        prospective = d.prospectiveErrors();
        rate = experiment.learning().rate();
        NetworkSpec spec = experiment.network();
        tauM = new double[spec.layerCount()][];
        tauR = new double[spec.layerCount()][];
        for (int l = 0; l < spec.layerCount(); l++) {
            tauM[l] = spec.layer(l).tauM();
            tauR[l] = spec.layer(l).tauR();
        }
        // A data-set experiment has no input signal to edit: the data set is the input.
        input = experiment.input() == null ? null : new InputModel(experiment.input());
        inputEdited = false;
    }

    /** Every parameter back to the file's value, sent as one edit; the run is not reset. */
    public void revert() {
        if (experiment == null) return;
        // The input is swapped only if it was edited: a new signal restarts any noise from its seed.
        boolean restoreInput = inputEdited;
        loadFileValues();
        Dynamics d = experiment.dynamics();
        double fileRate = rate;
        double[][] m = deepCopy(tauM);
        double[][] r = deepCopy(tauR);
        SignalSpec in = experiment.input();
        // Each learner of a comparison file goes back to its own file values (sim.experiment()); the primary's
        // are those the sheet shows.
        runner.submit(new Command.Edit("dynamics.gamma", sim ->
                sim.setDynamics(sim.student().dynamics().withGamma(sim.experiment().dynamics().gamma()))));
        runner.submit(new Command.Edit("dynamics.beta", sim ->
                sim.setDynamics(sim.student().dynamics().withBeta(sim.experiment().dynamics().beta()))));
        runner.submit(new Command.Edit("dynamics.prospectiveErrors", sim -> sim.setDynamics(
                sim.student().dynamics().withProspectiveErrors(sim.experiment().dynamics().prospectiveErrors()))));
        runner.submit(new Command.Edit("learning.rate", sim -> sim.setLearningRate(sim.experiment().learning().rate())));
        for (int l = 0; l < m.length; l++) {
            int layer = l;
            runner.submit(new Command.Edit("network.layers[" + l + "]", sim -> sim.setTimeConstants(layer,
                    sim.experiment().network().layer(layer).tauM(), sim.experiment().network().layer(layer).tauR())));
        }
        if (restoreInput) runner.submit(new Command.Edit("input", sim -> sim.setInput(in)));
        runner.setLearning(experiment.learning().enabled());
        edits.clear();
        for (Editor ed : editors) ed.reload();
        hideMessage();
    }

    // ---- the items ----------------------------------------------------------------------------------

    private List<PropertySheet.Item> items() {
        List<PropertySheet.Item> out = new ArrayList<>();
        String dyn = category("Dynamics");
        out.add(number(dyn, "dynamics.gamma", "γ", "How strongly errors nudge the neurons",
                () -> gamma, v -> gamma = v, ParameterSheet::finite, () -> {
                    double g = gamma;
                    send("dynamics.gamma", format(g), sim -> sim.setDynamics(sim.student().dynamics().withGamma(g)));
                }));
        out.add(number(dyn, "dynamics.beta", "β", "Scale of the output error",
                () -> beta, v -> beta = v, ParameterSheet::finite, () -> {
                    double b = beta;
                    send("dynamics.beta", format(b), sim -> sim.setDynamics(sim.student().dynamics().withBeta(b)));
                }));
        out.add(bool(dyn, "dynamics.prospectiveErrors", "prospective errors",
                "On: GLE's prospective errors; off: instantaneous (LE-style) errors", null,
                () -> prospective, on -> {
                    prospective = on;
                    send("dynamics.prospectiveErrors", String.valueOf(on),
                            sim -> sim.setDynamics(sim.student().dynamics().withProspectiveErrors(on)));
                }));
        String learn = category("Learning");
        out.add(bool(learn, "learning.enabled", "learning", "Plasticity on or off (also in the toolbar)",
                learningShown, () -> learningShown.get(), on -> {
                    edits.put("learning.enabled", String.valueOf(on));
                    runner.setLearning(on);
                }));
        out.add(number(learn, "learning.rate", "learning rate", "Learning rate η (≥ 0)",
                () -> rate, v -> rate = v, ParameterSheet::nonNegative, () -> {
                    double eta = rate;
                    send("learning.rate", format(eta), sim -> sim.setLearningRate(eta));
                }));
        NetworkSpec spec = experiment.network();
        for (int l = 0; l < spec.layerCount(); l++) {
            int layer = l;
            int n = spec.layer(l).size();
            String cat = category(String.format(Locale.ROOT, "Layer %d (%d %s)%s", l, n,
                    n == 1 ? "neuron" : "neurons", l == spec.layerCount() - 1 ? ", output" : ""));
            for (boolean membrane : new boolean[] {true, false}) {
                String q = membrane ? "tauM" : "tauR";
                String sym = membrane ? "τ_m" : "τ_r";
                String what = membrane ? "membrane time constant" : "prospective time constant";
                if (n > 1) {
                    out.add(number(cat, "network.layers[" + l + "]." + q, sym + " all neurons",
                            "Sets the " + what + " of every neuron in layer " + l + " (≥ dt)",
                            () -> allEqual(membrane ? tauM[layer] : tauR[layer]),
                            v -> Arrays.fill(membrane ? tauM[layer] : tauR[layer], v),
                            this::timeConstant, () -> sendTimeConstants(layer)));
                }
                for (int i = 0; i < Math.min(n, MAX_NEURON_FIELDS); i++) {
                    int neuron = i;
                    out.add(number(cat, "network.layers[" + l + "]." + q + "[" + i + "]",
                            sym + (n > 1 ? " neuron " + i : ""), "The " + what + " of neuron " + i + " (≥ dt)",
                            () -> (membrane ? tauM : tauR)[layer][neuron],
                            v -> (membrane ? tauM : tauR)[layer][neuron] = v,
                            this::timeConstant, () -> sendTimeConstants(layer)));
                }
            }
        }
        if (input != null) input.items(out, category("Input: " + input.kind()));
        return out;
    }

    private String category(String name) {
        categories.add(name);
        return name;
    }

    /**
     * Sends one field's edit to every learner of the run (those of a comparison file that set the field
     * themselves keep their own) and remembers it as a setting of the file.
     */
    private void send(String path, String json, java.util.function.Consumer<org.prospect.engine.experiment.GleSimulation> edit) {
        edits.put(path, json);
        runner.submit(new Command.Edit(path, edit));
    }

    private void sendTimeConstants(int l) {
        double[] m = tauM[l].clone();
        double[] r = tauR[l].clone();
        edits.put("network.layers[" + l + "].tauM", array(m));
        edits.put("network.layers[" + l + "].tauR", array(r));
        runner.submit(new Command.Edit("network.layers[" + l + "].tauM", sim -> sim.setTimeConstants(l, m, r)));
    }

    private static String array(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) b.append(i == 0 ? "" : ", ").append(Double.toString(v[i]));
        return b.append(']').toString();
    }

    private void sendInput() {
        inputEdited = true;
        SignalSpec spec = input.spec();
        send("input", org.prospect.engine.experiment.Settings.value(spec), sim -> sim.setInput(spec));
    }

    // ---- checks: null when fine, else what was expected ---------------------------------------------

    interface Check {
        String problem(double v);
    }

    static String finite(double v) {
        return Double.isFinite(v) ? null : "expected a finite number, found " + v;
    }

    static String nonNegative(double v) {
        return Double.isFinite(v) && v >= 0 ? null : "expected a finite number ≥ 0, found " + format(v);
    }

    static String positive(double v) {
        return Double.isFinite(v) && v > 0 ? null : "expected a finite number > 0, found " + format(v);
    }

    private String timeConstant(double v) {
        return Double.isFinite(v) && v >= dt ? null
                : "expected a number ≥ dt = " + format(dt) + ", found " + format(v);
    }

    private static double allEqual(double[] a) {
        for (double v : a) if (v != a[0]) return Double.NaN;
        return a[0];
    }

    static String format(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        double a = Math.abs(v);
        if (v == 0 || (a >= 1e-4 && a < 1e7)) return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return Double.toString(v);
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    // ---- items and editors --------------------------------------------------------------------------

    private Param number(String category, String path, String name, String description, DoubleSupplier get,
                         DoubleConsumer set, Check check, Runnable send) {
        return new Param(category, path, name, description, Double.class, null) {
            @Override Editor editor() { return new NumberEditor(this, get, set, check, send); }
            @Override public Object getValue() { return get.getAsDouble(); }
        };
    }

    private Param bool(String category, String path, String name, String description, ObservableValue<Boolean> live,
                       java.util.function.BooleanSupplier get, java.util.function.Consumer<Boolean> send) {
        return new Param(category, path, name, description, Boolean.class, live) {
            @Override Editor editor() { return new BoolEditor(this, get, send); }
            @Override public Object getValue() { return get.getAsBoolean(); }
        };
    }

    private abstract static class Param implements PropertySheet.Item {
        final String category;
        final String path;
        final String name;
        final String description;
        final Class<?> type;
        final ObservableValue<Boolean> live;

        Param(String category, String path, String name, String description, Class<?> type,
              ObservableValue<Boolean> live) {
            this.category = category;
            this.path = path;
            this.name = name;
            this.description = description + "   [" + path + "]";
            this.type = type;
            this.live = live;
        }

        abstract Editor editor();

        @Override public Class<?> getType() { return type; }
        @Override public String getCategory() { return category; }
        @Override public String getName() { return name; }
        @Override public String getDescription() { return description; }
        /** Values change only through the editors, which check them first. */
        @Override public void setValue(Object value) {}
        @Override public Optional<ObservableValue<?>> getObservableValue() { return Optional.ofNullable(live); }
    }

    private abstract class Editor implements PropertyEditor<Object> {
        Editor() {
            editors.add(this);
        }

        abstract void reload();
    }

    private static String cssId(String path) {
        return "param-" + path.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("-+$", "");
    }

    /** A text field that commits on Enter or when left, after checking the value. */
    private final class NumberEditor extends Editor {
        private final Param param;
        private final DoubleSupplier get;
        private final DoubleConsumer set;
        private final Check check;
        private final Runnable send;
        private final TextField text = new TextField();

        NumberEditor(Param param, DoubleSupplier get, DoubleConsumer set, Check check, Runnable send) {
            this.param = param;
            this.get = get;
            this.set = set;
            this.check = check;
            this.send = send;
            text.setId(cssId(param.path));
            text.setUserData(param.path);
            text.getStyleClass().add("param-field");
            text.setPrefColumnCount(8);
            text.setOnAction(e -> commit());
            text.focusedProperty().addListener((o, was, now) -> {
                if (!now && !text.getText().equals(shown())) commit();
            });
            text.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    reload();
                    e.consume();
                }
            });
            fields.put(param.path, text);
            reload();
        }

        private String shown() {
            double v = get.getAsDouble();
            return Double.isNaN(v) ? "" : format(v);
        }

        @Override void reload() {
            double v = get.getAsDouble();
            text.setPromptText(Double.isNaN(v) ? "mixed" : null);
            text.setText(shown());
            valid();
        }

        void commit() {
            String s = text.getText().trim();
            if (s.isEmpty() && Double.isNaN(get.getAsDouble())) return; // "mixed" left alone
            double v;
            try {
                v = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                invalid("expected a number, found \"" + s + "\"");
                return;
            }
            String problem = check.problem(v);
            if (problem != null) {
                invalid(problem);
                return;
            }
            valid();
            set.accept(v);
            send.run();
            for (Editor ed : editors) if (ed != this) ed.reload();
            text.setText(shown());
        }

        private void invalid(String problem) {
            if (!text.getStyleClass().contains(INVALID)) text.getStyleClass().add(INVALID);
            String line = param.name + " (" + param.path + "): " + problem + " — not applied";
            text.setTooltip(new Tooltip(line));
            message.setText(line);
            message.setUserData(param.path);
            message.setVisible(true);
            message.setManaged(true);
        }

        private void valid() {
            text.getStyleClass().remove(INVALID);
            text.setTooltip(new Tooltip(param.description));
            if (param.path.equals(message.getUserData())) hideMessage();
        }

        @Override public Node getEditor() { return text; }
        @Override public Object getValue() { return get.getAsDouble(); }
        @Override public void setValue(Object value) { reload(); }
    }

    private final class BoolEditor extends Editor {
        private final CheckBox box = new CheckBox();
        private final java.util.function.BooleanSupplier get;
        private final javafx.beans.value.ChangeListener<Boolean> follow = (o, was, now) -> reload();

        BoolEditor(Param param, java.util.function.BooleanSupplier get, java.util.function.Consumer<Boolean> send) {
            this.get = get;
            box.setId(cssId(param.path));
            box.setUserData(param.path);
            box.setTooltip(new Tooltip(param.description));
            box.setOnAction(e -> send.accept(box.isSelected()));
            // Weakly: the sheet's skin builds new editors whenever it re-lays out (e.g. on a search).
            if (param.live != null) param.live.addListener(new javafx.beans.value.WeakChangeListener<>(follow));
            reload();
        }

        @Override void reload() { box.setSelected(get.getAsBoolean()); }
        @Override public Node getEditor() { return box; }
        @Override public Object getValue() { return box.isSelected(); }
        @Override public void setValue(Object value) { reload(); }
    }

    private void hideMessage() {
        message.setText("");
        message.setUserData(null);
        message.setVisible(false);
        message.setManaged(false);
    }

    // ---- the input signal's parameters -------------------------------------------------------------

    /** A mutable copy of the input signal's numbers, rebuilt into a spec on every accepted edit. */
    private final class InputModel {
        private final SignalSpec original;
        private double[][] amplitude;
        private double[][] frequency;
        private double[][] phase;
        private double period;
        private double squareAmplitude;
        private double sigmaSteps;
        private double theta;
        private double mu;
        private double sigma;
        private double[] before;
        private double[] after;
        private double at;

        InputModel(SignalSpec spec) {
            original = spec;
            if (spec instanceof SignalSpec.SumOfSines s) {
                int c = s.perChannel().size();
                amplitude = new double[c][];
                frequency = new double[c][];
                phase = new double[c][];
                for (int k = 0; k < c; k++) {
                    List<SignalSpec.Sine> sines = s.perChannel().get(k);
                    amplitude[k] = sines.stream().mapToDouble(SignalSpec.Sine::amplitude).toArray();
                    frequency[k] = sines.stream().mapToDouble(SignalSpec.Sine::frequency).toArray();
                    phase[k] = sines.stream().mapToDouble(SignalSpec.Sine::phase).toArray();
                }
            } else if (spec instanceof SignalSpec.SquareWave w) {
                period = w.period();
                squareAmplitude = w.amplitude();
                sigmaSteps = w.sigmaSteps();
            } else if (spec instanceof SignalSpec.OrnsteinUhlenbeck o) {
                theta = o.theta();
                mu = o.mu();
                sigma = o.sigma();
            } else if (spec instanceof SignalSpec.Step st) {
                before = st.before();
                after = st.after();
                at = st.at();
            }
        }

        boolean constant() {
            return original instanceof SignalSpec.Step st && st.at() == 0 && Arrays.equals(st.before(), st.after());
        }

        String kind() {
            if (original instanceof SignalSpec.SumOfSines) return "sines";
            if (original instanceof SignalSpec.SquareWave) return "square wave";
            if (original instanceof SignalSpec.OrnsteinUhlenbeck) return "Ornstein–Uhlenbeck noise";
            return constant() ? "constant" : "step";
        }

        SignalSpec spec() {
            if (original instanceof SignalSpec.SumOfSines) {
                List<List<SignalSpec.Sine>> channels = new ArrayList<>();
                for (int k = 0; k < amplitude.length; k++) {
                    List<SignalSpec.Sine> sines = new ArrayList<>();
                    for (int j = 0; j < amplitude[k].length; j++) {
                        sines.add(new SignalSpec.Sine(amplitude[k][j], frequency[k][j], phase[k][j]));
                    }
                    channels.add(sines);
                }
                return new SignalSpec.SumOfSines(channels);
            } else if (original instanceof SignalSpec.SquareWave w) {
                return new SignalSpec.SquareWave(w.channels(), period, squareAmplitude, sigmaSteps, w.randomOffsets());
            } else if (original instanceof SignalSpec.OrnsteinUhlenbeck o) {
                return new SignalSpec.OrnsteinUhlenbeck(o.channels(), theta, mu, sigma);
            }
            return new SignalSpec.Step(before, after, at);
        }

        void items(List<PropertySheet.Item> out, String cat) {
            if (original instanceof SignalSpec.SumOfSines) {
                for (int k = 0; k < amplitude.length; k++) {
                    for (int j = 0; j < amplitude[k].length; j++) {
                        int ch = k;
                        int c = j;
                        String where = "input.channels[" + k + "][" + j + "].";
                        String label = (amplitude.length > 1 ? "x" + k + " " : "") + "sine " + j + " ";
                        out.add(number(cat, where + "amplitude", label + "amplitude", "Amplitude a of a·sin(2πft + p)",
                                () -> amplitude[ch][c], v -> amplitude[ch][c] = v, ParameterSheet::finite,
                                ParameterSheet.this::sendInput));
                        out.add(number(cat, where + "frequency", label + "frequency", "Frequency f (cycles per time unit)",
                                () -> frequency[ch][c], v -> frequency[ch][c] = v, ParameterSheet::finite,
                                ParameterSheet.this::sendInput));
                        out.add(number(cat, where + "phase", label + "phase", "Phase p (radians)",
                                () -> phase[ch][c], v -> phase[ch][c] = v, ParameterSheet::finite,
                                ParameterSheet.this::sendInput));
                    }
                }
            } else if (original instanceof SignalSpec.SquareWave) {
                out.add(number(cat, "input.period", "period", "Period of the square wave (> 0)",
                        () -> period, v -> period = v, ParameterSheet::positive, ParameterSheet.this::sendInput));
                out.add(number(cat, "input.amplitude", "amplitude", "The wave goes between ±amplitude",
                        () -> squareAmplitude, v -> squareAmplitude = v, ParameterSheet::finite,
                        ParameterSheet.this::sendInput));
                out.add(number(cat, "input.sigmaSteps", "smoothing (steps)", "Width of the Gaussian smoothing in steps (≥ 0)",
                        () -> sigmaSteps, v -> sigmaSteps = v, ParameterSheet::nonNegative, ParameterSheet.this::sendInput));
            } else if (original instanceof SignalSpec.OrnsteinUhlenbeck) {
                out.add(number(cat, "input.theta", "θ", "Mean reversion rate θ (≥ 0)",
                        () -> theta, v -> theta = v, ParameterSheet::nonNegative, ParameterSheet.this::sendInput));
                out.add(number(cat, "input.mu", "μ", "Mean μ",
                        () -> mu, v -> mu = v, ParameterSheet::finite, ParameterSheet.this::sendInput));
                out.add(number(cat, "input.sigma", "σ", "Noise strength σ (≥ 0)",
                        () -> sigma, v -> sigma = v, ParameterSheet::nonNegative, ParameterSheet.this::sendInput));
            } else if (constant()) {
                for (int k = 0; k < before.length; k++) {
                    int ch = k;
                    out.add(number(cat, "input.value[" + k + "]", "value x" + k, "The constant input of channel " + k,
                            () -> after[ch], v -> {
                                before[ch] = v;
                                after[ch] = v;
                            }, ParameterSheet::finite, ParameterSheet.this::sendInput));
                }
            } else {
                for (int k = 0; k < before.length; k++) {
                    int ch = k;
                    out.add(number(cat, "input.before[" + k + "]", "before x" + k, "Value before the step",
                            () -> before[ch], v -> before[ch] = v, ParameterSheet::finite, ParameterSheet.this::sendInput));
                    out.add(number(cat, "input.after[" + k + "]", "after x" + k, "Value after the step",
                            () -> after[ch], v -> after[ch] = v, ParameterSheet::finite, ParameterSheet.this::sendInput));
                }
                out.add(number(cat, "input.at", "step at", "Time of the step (≥ 0)",
                        () -> at, v -> at = v, ParameterSheet::nonNegative, ParameterSheet.this::sendInput));
            }
        }
    }
}
