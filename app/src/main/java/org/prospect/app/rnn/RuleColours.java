package org.prospect.app.rnn;

import java.util.List;
import org.prospect.engine.experiment.RnnExperiment;
import org.prospect.engine.rnn.LearningRule;

/**
 * One colour per learning rule, the same in every chart of the RNN dashboard and for every sample: the colour
 * follows the rule (BPTT blue, e-prop orange, MDGL green, ModProp red, their cell-specific variants darker);
 * a second rule of the same kind (another μ, say) gets the next dash pattern.
 */
final class RuleColours {
    static final String BPTT = "#1a5fb4";
    static final String EPROP = "#e66100";
    static final String MDGL = "#26a269";
    static final String MDGL_CELL = "#5b5b00";
    static final String MODPROP = "#c01c28";
    static final String MODPROP_CELL = "#613583";
    /** Cell types in the credit and filter charts: not rules, so colours no rule uses. */
    static final String[] TYPES = {"#865e3c", "#008080", "#77767b", "#c061cb"};

    private RuleColours() {}

    static String of(LearningRule r) {
        return switch (r.rule()) {
            case BPTT -> BPTT;
            case EPROP -> EPROP;
            case MDGL -> r.cellSpecific() ? MDGL_CELL : MDGL;
            case MODPROP -> r.cellSpecific() ? MODPROP_CELL : MODPROP;
        };
    }

    /** Colour of rule k of {@code x}. */
    static String of(RnnExperiment x, int k) {
        return of(x.rules().get(k).rule());
    }

    /** Dash index of rule k: how many earlier rules share its colour. */
    static int dash(RnnExperiment x, int k) {
        List<RnnExperiment.RuleEntry> rules = x.rules();
        String c = of(x, k);
        int d = 0;
        for (int j = 0; j < k; j++) if (of(rules.get(j).rule()).equals(c)) d++;
        return d;
    }

    static String type(int t) { return TYPES[t % TYPES.length]; }
}
