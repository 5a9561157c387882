package org.prospect.engine.experiment;

import java.util.Map;
import org.prospect.engine.gle.Dynamics;
import org.prospect.engine.gle.LearningSpec;
import org.prospect.engine.task.SignalSpec;

/**
 * Everything a {@link GleSimulation} has changed since it was built from its experiment: with it, a fresh
 * simulation of the same experiment continues bit-identically. Arrays are copies.
 *
 * @param inputSince the step at which the current input signal started (0, or when an edit swapped it)
 * @param lastInput  the input and target of the last step taken (what probes show), [batch][…]
 */
public record SimulationState(long step, int phase, double loss, LearningSpec learning, Dynamics dynamics,
                              SignalSpec input, long inputSince, Map<String, double[]> student,
                              Map<String, double[]> teacher, double[][] heldTauM, double[][] optimizerMoments,
                              long optimizerUpdates, Map<String, double[]> window,
                              SequenceClassification.Saved classification, double[] lastInput,
                              double[] lastTarget) {}
