package org.prospect.engine.adjoint;

import org.prospect.engine.gle.GleNetwork;
import org.prospect.engine.gle.NetworkSpec;
import org.prospect.engine.gle.TargetLoss;

/**
 * What {@link ExactAdjoint} reads of the network besides the trajectory: weights, time constants, dt and
 * the loss. A copy, so that a window can be back-propagated on another thread while the network goes on
 * learning. Preallocated: {@link #copyFrom} allocates nothing.
 */
public final class NetworkParameters {
    final double[][] weights;
    final double[][] tauM;
    final double[][] tauR;
    double dt;
    TargetLoss loss;

    public NetworkParameters(NetworkSpec spec) {
        int layers = spec.layerCount();
        weights = new double[layers][];
        tauM = new double[layers][];
        tauR = new double[layers][];
        for (int l = 0; l < layers; l++) {
            int n = spec.layer(l).size();
            weights[l] = new double[n * spec.fanIn(l)];
            tauM[l] = new double[n];
            tauR[l] = new double[n];
        }
    }

    /** Takes the network's current parameters. */
    public void copyFrom(GleNetwork net) {
        for (int l = 0; l < weights.length; l++) {
            System.arraycopy(net.weights(l), 0, weights[l], 0, weights[l].length);
            System.arraycopy(net.tauM(l), 0, tauM[l], 0, tauM[l].length);
            System.arraycopy(net.tauR(l), 0, tauR[l], 0, tauR[l].length);
        }
        dt = net.dynamics().dt();
        loss = net.dynamics().loss();
    }
}
